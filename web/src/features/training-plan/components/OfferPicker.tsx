import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../../src/shared/roles';
import { Field, SelectField } from '../../../components/Field';
import { pickText, type LocalizedText } from '../../../components/localized';
import { ErrorMessage, Loading } from '../../../components/Status';
import { useDebounced } from '../../../components/useDebounced';
import {
  useNeedRecommendations,
  useOffer,
  useOfferSearch,
  type LinkedOffer,
  type OfferEdition,
  type RecommendationView,
} from '../api/plans';
import { formatEuro, hoursInput } from '../../../components/money';
import { editionDates, whyParts } from './offer-text';

/** What the editor keeps of the chosen offer (the prefill reads hours and price from it). */
export interface ChosenOffer {
  id: string;
  title: LocalizedText;
  providerName: string;
  durationMinutes: number;
  priceCents: number;
  status?: string;
}

export interface ChosenEdition {
  id: string;
  startsOn: string;
  endsOn: string;
}

/**
 * Choose a catalog offer for a plan action: the offers that match the action's needs (with why),
 * or a search in the public catalog; then one of the offer's editions.
 */
export function OfferPicker({
  orgId,
  needIds,
  offer,
  editionId,
  linkedEdition,
  onChoose,
  onEdition,
  errors,
}: {
  orgId: string;
  needIds: string[];
  offer: ChosenOffer | null;
  editionId: string;
  /** The edition the saved action is linked to (it may be past or cancelled by now). */
  linkedEdition: LinkedOffer['edition'];
  onChoose: (offer: ChosenOffer | null) => void;
  onEdition: (edition: ChosenEdition | null) => void;
  errors: { offerId?: string; offerEditionId?: string };
}) {
  const { t, i18n } = useTranslation('plan');
  const lang = (i18n.resolvedLanguage ?? 'nl') as Locale;
  const [search, setSearch] = useState('');
  const hits = useOfferSearch(useDebounced(search));
  const recommendations = useNeedRecommendations(orgId, needIds);
  const detail = useOffer(offer?.id ?? null);

  /** One card per offer, the best score first; the needs it came from are kept. */
  const matches = useMemo(() => {
    const byOffer = new Map<string, RecommendationView>();
    for (const result of recommendations) {
      for (const rec of result.data?.recommendations ?? []) {
        const known = byOffer.get(rec.offerId);
        if (!known || rec.score > known.score) byOffer.set(rec.offerId, rec);
      }
    }
    return [...byOffer.values()].sort((a, b) => b.score - a.score).slice(0, 8);
  }, [recommendations]);
  const loadingMatches = recommendations.some((r) => r.isPending);
  const matchError = recommendations.find((r) => r.error)?.error;

  const editions: Array<
    Pick<OfferEdition, 'id' | 'startsOn' | 'endsOn' | 'status'> & { seatsLeft?: number; enrolmentDeadline?: string | null }
  > = (detail.data?.editions ?? []).filter((e) => e.status === 'scheduled');
  if (linkedEdition && !editions.some((e) => e.id === linkedEdition.id)) editions.unshift(linkedEdition);
  const editionLabel = (e: (typeof editions)[number]) =>
    [
      editionDates(e, lang),
      e.status === 'cancelled' ? t('offer.cancelled') : null,
      e.seatsLeft !== undefined ? t('offer.seats', { count: e.seatsLeft }) : null,
      e.enrolmentDeadline
        ? t('offer.deadline', { date: editionDates({ startsOn: e.enrolmentDeadline, endsOn: e.enrolmentDeadline }, lang) })
        : null,
    ]
      .filter(Boolean)
      .join(' · ');

  const choose = (chosen: ChosenOffer) => {
    onChoose(chosen);
    setSearch('');
  };
  const chooseButton = (id: string, title: string, chosen: ChosenOffer) => {
    const current = offer?.id === id;
    return (
      <button type="button" className="button button--small" disabled={current} onClick={() => choose(chosen)}>
        {current ? t('offer.chosen') : t('offer.choose')}
        <span className="visually-hidden"> {title}</span>
      </button>
    );
  };

  return (
    <div className="offer-picker">
      {offer ? (
        <div className="card offer-choice" aria-live="polite">
          <p>
            {t('offer.current')} <strong>{pickText(offer.title, lang)}</strong> – {offer.providerName}
          </p>
          <p className="field__hint">
            {t('offer.facts', { hours: hoursInput(offer.durationMinutes, lang), price: formatEuro(offer.priceCents, lang) })}
          </p>
          {offer.status && offer.status !== 'published' ? <p className="field__hint">{t('offer.notPublished')}</p> : null}
          {errors.offerId ? <p className="field__error">{errors.offerId}</p> : null}
          {detail.isPending && offer.status !== 'archived' ? <Loading /> : null}
          <SelectField
            label={t('offer.edition')}
            hint={t('offer.editionHint')}
            value={editionId}
            onChange={(id) => {
              const edition = editions.find((e) => e.id === id);
              onEdition(edition ? { id: edition.id, startsOn: edition.startsOn, endsOn: edition.endsOn } : null);
            }}
            options={[{ value: '', label: t('offer.noEdition') }, ...editions.map((e) => ({ value: e.id, label: editionLabel(e) }))]}
            error={errors.offerEditionId}
          />
          {detail.data && editions.length === 0 ? <p>{t('offer.noEditions')}</p> : null}
          <button type="button" className="button button--small" onClick={() => onChoose(null)}>
            {t('offer.remove')}
          </button>
        </div>
      ) : (
        <p>{t('offer.none')}</p>
      )}

      <h3>{t('offer.matchesTitle')}</h3>
      {needIds.length === 0 ? <p className="field__hint">{t('offer.matchesNeedNeeds')}</p> : null}
      {loadingMatches && needIds.length ? <Loading /> : null}
      <ErrorMessage error={matchError} />
      {needIds.length && !loadingMatches && matches.length === 0 ? <p>{t('offer.noMatches')}</p> : null}
      {matches.length ? (
        <ul className="offer-list">
          {matches.map((rec) => {
            const title = pickText(rec.title, lang);
            return (
              <li key={rec.offerId} className="card offer-card">
                <p className="offer-card__title">
                  <strong>{title}</strong> – {rec.providerName}
                </p>
                <p>
                  {t('offer.why.label')} {whyParts(rec, t, lang).join(' · ')}
                </p>
                <p className="field__hint">
                  {t('offer.next', {
                    date: editionDates({ startsOn: rec.nextEdition.startsOn, endsOn: rec.nextEdition.startsOn }, lang),
                    seats: t('offer.seats', { count: rec.nextEdition.freeSeats }),
                  })}{' '}
                  · {t('offer.facts', { hours: hoursInput(rec.durationMinutes, lang), price: formatEuro(rec.priceCents, lang) })}
                </p>
                {chooseButton(rec.offerId, title, {
                  id: rec.offerId,
                  title: rec.title,
                  providerName: rec.providerName,
                  durationMinutes: rec.durationMinutes,
                  priceCents: rec.priceCents,
                  status: 'published',
                })}
              </li>
            );
          })}
        </ul>
      ) : null}

      <h3>{t('offer.searchTitle')}</h3>
      <Field
        label={t('offer.search')}
        hint={t('offer.searchHint')}
        type="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      {hits.data && search.trim().length >= 2 ? (
        <ul className="result-list" aria-live="polite">
          {hits.data.items.length === 0 ? <li>{t('offer.noHits')}</li> : null}
          {hits.data.items.map((hit) => {
            const title = pickText(hit.title, lang);
            return (
              <li key={hit.id} className="offer-hit">
                <span>
                  <strong>{title}</strong> – {hit.provider.name}
                  <span className="result-list__meta">
                    {t('offer.facts', { hours: hoursInput(hit.durationMinutes, lang), price: formatEuro(hit.priceCents, lang) })}
                    {hit.nextStartsOn
                      ? ` · ${t('offer.starts', { date: editionDates({ startsOn: hit.nextStartsOn, endsOn: hit.nextStartsOn }, lang) })}`
                      : ''}
                  </span>
                </span>{' '}
                {chooseButton(hit.id, title, {
                  id: hit.id,
                  title: hit.title,
                  providerName: hit.provider.name,
                  durationMinutes: hit.durationMinutes,
                  priceCents: hit.priceCents,
                  status: 'published',
                })}
              </li>
            );
          })}
        </ul>
      ) : null}
      <ErrorMessage error={hits.error} />
    </div>
  );
}
