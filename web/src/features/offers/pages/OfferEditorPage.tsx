import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { Locale } from '../../../../../src/shared/roles';
import { ApiError } from '../../../api/http';
import { paths } from '../../../app/paths';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Field, SelectField } from '../../../components/Field';
import { pickText } from '../../../components/localized';
import { ErrorMessage, Loading, Notice } from '../../../components/Status';
import { TextAreaField } from '../../../components/TextAreaField';
import { usePageTitle } from '../../../components/usePageTitle';
import {
  createOffer,
  deleteOffer,
  offerKey,
  offersKey,
  setOfferStatus,
  updateOffer,
  useOffer,
  type CreateOfferBody,
  type OfferDetail,
  type OfferFormat,
} from '../api/offers';
import { OfferStatusBadge, OfferTabs, useFieldErrorText } from '../components/bits';
import { CharacteristicScale, type Axis } from '../components/CharacteristicScale';
import { CompetenceList, fromView, type CompetenceDraft } from '../components/CompetenceList';
import { euroInput, hoursInput, parseEuro, parseHours, REQUIRED } from '../../../components/money';
import '../offers.css';

const formats: OfferFormat[] = ['classroom', 'online', 'blended', 'workplace'];
/** Languages offered as tick boxes; others an offer already has (from an import) show up too. */
const commonLanguages = ['nl', 'fr', 'en', 'de', 'ar', 'tr', 'pl', 'ro', 'es'];
/** Funding instruments Flemish providers are recognised for (keys of the public funding instruments). */
const knownRecognitions = ['vlaams-opleidingsverlof', 'opleidingscheques', 'kmo-portefeuille'];
const accessibilityFlags = ['plain_language', 'dutch_a1_a2', 'wheelchair'] as const;
const axes: Axis[] = ['orientation', 'initiative', 'length'];
const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

interface Draft {
  code: string;
  title: { nl: string; fr: string; en: string };
  description: { nl: string; fr: string; en: string };
  languages: string[];
  format: OfferFormat;
  postcode: string;
  municipality: string;
  hours: string;
  price: string;
  targetAudience: string;
  entryRequirements: string;
  level: string;
  characteristics: Partial<Record<Axis, number>>;
  recognitions: string[];
  credential: string;
  accessibility: string[];
  competences: CompetenceDraft[];
}

function emptyDraft(): Draft {
  return {
    code: '',
    title: { nl: '', fr: '', en: '' },
    description: { nl: '', fr: '', en: '' },
    languages: ['nl'],
    format: 'classroom',
    postcode: '',
    municipality: '',
    hours: '',
    price: '',
    targetAudience: '',
    entryRequirements: '',
    level: '',
    characteristics: {},
    recognitions: [],
    credential: '',
    accessibility: [],
    competences: [],
  };
}

function draftOf(o: OfferDetail, lang: string): Draft {
  return {
    code: o.code,
    title: { nl: o.title.nl ?? '', fr: o.title.fr ?? '', en: o.title.en ?? '' },
    description: { nl: o.description.nl ?? '', fr: o.description.fr ?? '', en: o.description.en ?? '' },
    languages: [...o.languages],
    format: o.format,
    postcode: o.postcode ?? '',
    municipality: o.municipality ?? '',
    hours: hoursInput(o.durationMinutes, lang),
    price: euroInput(o.priceCents, lang),
    targetAudience: o.targetAudience,
    entryRequirements: o.entryRequirements,
    level: o.level === null ? '' : String(o.level),
    characteristics: { ...o.characteristics },
    recognitions: [...o.recognitions],
    credential: o.credential ?? '',
    accessibility: [...o.accessibility],
    competences: o.competences.map(fromView),
  };
}

export default function OfferEditorPage() {
  const { t, i18n } = useTranslation('offers');
  const lang = (i18n.resolvedLanguage ?? 'nl') as Locale;
  const { orgId = '', offerId } = useParams();
  const offer = useOffer(orgId, offerId);
  const title = offerId ? pickText(offer.data?.title, lang) : t('editor.newTitle');
  usePageTitle(title || undefined);

  if (offerId && offer.isPending) return <Loading />;
  if (offerId && (offer.error || !offer.data)) return <ErrorMessage error={offer.error} />;
  return (
    <>
      <p>
        <Link to={paths.offers(orgId)}>
          <span aria-hidden="true">← </span>
          {t('editor.back')}
        </Link>
      </p>
      <h1>{title}</h1>
      {offer.data ? (
        <>
          <OfferTabs orgId={orgId} offerId={offer.data.id} />
          <OfferForm key={offer.data.id} orgId={orgId} offer={offer.data} />
        </>
      ) : (
        <>
          <p className="lead">{t('editor.newIntro')}</p>
          <OfferForm key="new" orgId={orgId} offer={undefined} />
        </>
      )}
    </>
  );
}

function OfferForm({ orgId, offer }: { orgId: string; offer: OfferDetail | undefined }) {
  const { t, i18n } = useTranslation('offers');
  const lang = (i18n.resolvedLanguage ?? 'nl') as Locale;
  const client = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const explain = useFieldErrorText();
  const [initial, setInitial] = useState(() => (offer ? draftOf(offer, lang) : emptyDraft()));
  const [draft, setDraft] = useState<Draft>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>((location.state as { saved?: string } | null)?.saved ?? null);
  const [busy, setBusy] = useState(false);
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  const textChanged = draft.title.nl !== initial.title.nl || draft.description.nl !== initial.description.nl;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const toggle = (key: 'languages' | 'recognitions' | 'accessibility', value: string, on: boolean) =>
    setDraft((d) => ({ ...d, [key]: on ? [...d[key], value] : d[key].filter((v) => v !== value) }));
  const languageName = new Intl.DisplayNames([lang], { type: 'language' });
  const languages = [...commonLanguages, ...draft.languages.filter((l) => !commonLanguages.includes(l))];
  const recognitions = [...knownRecognitions, ...draft.recognitions.filter((r) => !knownRecognitions.includes(r))];
  const needsPlace = draft.format === 'classroom' || draft.format === 'blended';
  const translationsOpen = Boolean(
    draft.title.fr ||
    draft.title.en ||
    draft.description.fr ||
    draft.description.en ||
    Object.keys(errors).some((k) => /^(title|description)\.(fr|en)$/.test(k)),
  );

  function validate(): { body: CreateOfferBody; problems: Record<string, string> } {
    const problems: Record<string, string> = {};
    if (!CODE_PATTERN.test(draft.code.trim())) problems.code = draft.code.trim() ? t('fieldErrors.code') : t('fieldErrors.required');
    if (!draft.title.nl.trim()) problems['title.nl'] = t('fieldErrors.required');
    if (!draft.description.nl.trim()) problems['description.nl'] = t('fieldErrors.required');
    if (!draft.languages.length) problems.languages = t('fieldErrors.languages');
    if (needsPlace && !draft.postcode.trim()) problems.postcode = t('fieldErrors.postcodeRequired');
    else if (draft.postcode.trim() && !/^\d{4}$/.test(draft.postcode.trim())) problems.postcode = t('fieldErrors.postcode');
    const minutes = parseHours(draft.hours, { ...REQUIRED, positive: true });
    if (minutes === null) problems.durationMinutes = t('fieldErrors.hours');
    const cents = parseEuro(draft.price, REQUIRED);
    if (cents === null) problems.priceCents = t('fieldErrors.price');
    const body: CreateOfferBody = {
      code: draft.code.trim(),
      title: { nl: draft.title.nl.trim(), fr: draft.title.fr.trim(), en: draft.title.en.trim() },
      description: { nl: draft.description.nl.trim(), fr: draft.description.fr.trim(), en: draft.description.en.trim() },
      languages: draft.languages,
      format: draft.format,
      postcode: draft.postcode.trim() || null,
      // Sent only when typed: otherwise the server takes the municipality of the (new) postcode.
      ...(draft.municipality !== initial.municipality ? { municipality: draft.municipality.trim() || null } : {}),
      durationMinutes: minutes ?? 0,
      priceCents: cents ?? 0,
      targetAudience: draft.targetAudience,
      entryRequirements: draft.entryRequirements,
      level: draft.level ? Number(draft.level) : null,
      characteristics: Object.fromEntries(Object.entries(draft.characteristics).filter(([, v]) => v !== undefined)),
      recognitions: draft.recognitions,
      credential: draft.credential.trim() || null,
      accessibility: draft.accessibility as CreateOfferBody['accessibility'],
      competences: draft.competences.map((c) => ({ competenceId: c.competenceId, level: c.level, confirmed: c.confirmed })),
    };
    return { body, problems };
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    setFailure(null);
    const { body, problems } = validate();
    setErrors(problems);
    if (Object.keys(problems).length) {
      focusFirstInvalid();
      return;
    }
    setBusy(true);
    try {
      const result = offer ? await updateOffer(orgId, offer.id, body) : await createOffer(orgId, body);
      client.setQueryData(offerKey(orgId, result.id), result);
      await client.invalidateQueries({ queryKey: offersKey(orgId) });
      if (offer) {
        const next = draftOf(result, lang);
        setInitial(next);
        setDraft(next);
        setSaved(t('editor.saved'));
      } else navigate(paths.offer(orgId, result.id), { replace: true, state: { saved: t('editor.created') } });
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fieldErrors).length) {
        setErrors(explain(error.fieldErrors));
        focusFirstInvalid();
      }
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const fr = t('editor.inLanguage', { language: languageName.of('fr') });
  const en = t('editor.inLanguage', { language: languageName.of('en') });

  return (
    <>
      {offer ? <StatusPanel orgId={orgId} offer={offer} dirty={dirty} onErrors={setErrors} /> : null}
      <form className="form form--wide offer-form" onSubmit={onSubmit} noValidate>
        {saved ? <Notice>{saved}</Notice> : null}
        <ErrorMessage error={failure} />

        <fieldset className="offer-fieldset">
          <legend>{t('editor.sectionWhat')}</legend>
          <Field
            label={t('editor.code')}
            hint={t('editor.codeHint')}
            value={draft.code}
            onChange={(e) => set('code', e.target.value)}
            error={errors.code}
            maxLength={64}
            required
            autoComplete="off"
          />
          <Field
            label={t('editor.title')}
            value={draft.title.nl}
            onChange={(e) => set('title', { ...draft.title, nl: e.target.value })}
            error={errors['title.nl']}
            maxLength={200}
            required
          />
          <TextAreaField
            label={t('editor.description')}
            hint={t('editor.descriptionHint')}
            rows={6}
            value={draft.description.nl}
            onChange={(e) => set('description', { ...draft.description, nl: e.target.value })}
            error={errors['description.nl']}
            maxLength={8000}
            required
          />
          <details className="offer-translations" open={translationsOpen || undefined}>
            <summary>{t('editor.translations')}</summary>
            <p className="field__hint">{t('editor.translationsHint')}</p>
            <Field
              label={t('editor.titleIn', { language: fr })}
              lang="fr"
              value={draft.title.fr}
              onChange={(e) => set('title', { ...draft.title, fr: e.target.value })}
              error={errors['title.fr']}
              maxLength={200}
            />
            <TextAreaField
              label={t('editor.descriptionIn', { language: fr })}
              lang="fr"
              rows={4}
              value={draft.description.fr}
              onChange={(e) => set('description', { ...draft.description, fr: e.target.value })}
              error={errors['description.fr']}
              maxLength={8000}
            />
            <Field
              label={t('editor.titleIn', { language: en })}
              lang="en"
              value={draft.title.en}
              onChange={(e) => set('title', { ...draft.title, en: e.target.value })}
              error={errors['title.en']}
              maxLength={200}
            />
            <TextAreaField
              label={t('editor.descriptionIn', { language: en })}
              lang="en"
              rows={4}
              value={draft.description.en}
              onChange={(e) => set('description', { ...draft.description, en: e.target.value })}
              error={errors['description.en']}
              maxLength={8000}
            />
          </details>
        </fieldset>

        <fieldset className="offer-fieldset">
          <legend>{t('editor.sectionHow')}</legend>
          <fieldset className="fieldset" aria-invalid={errors.languages ? true : undefined}>
            <legend>{t('editor.languages')}</legend>
            {errors.languages ? <p className="field__error">{errors.languages}</p> : null}
            <div className="offer-checks">
              {languages.map((l) => (
                <label key={l} className="checkbox">
                  <input type="checkbox" checked={draft.languages.includes(l)} onChange={(e) => toggle('languages', l, e.target.checked)} />
                  <span>{languageName.of(l) ?? l}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset className="fieldset">
            <legend>{t('editor.format')}</legend>
            {errors.format ? <p className="field__error">{errors.format}</p> : null}
            <div className="offer-checks">
              {formats.map((f) => (
                <label key={f} className="radio">
                  <input type="radio" name="format" checked={draft.format === f} onChange={() => set('format', f)} />
                  <span>
                    <strong>{t(`format.${f}`)}</strong>
                    <br />
                    <span className="field__hint">{t(`formatHint.${f}`)}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className="offer-place">
            <Field
              label={needsPlace ? t('editor.postcode') : t('editor.postcodeOptional')}
              hint={needsPlace ? t('editor.postcodeHint') : t('editor.postcodeOnlineHint')}
              inputMode="numeric"
              autoComplete="postal-code"
              maxLength={4}
              value={draft.postcode}
              onChange={(e) => set('postcode', e.target.value)}
              error={errors.postcode}
            />
            <Field
              label={t('editor.municipality')}
              hint={t('editor.municipalityHint')}
              value={draft.municipality}
              onChange={(e) => set('municipality', e.target.value)}
              error={errors.municipality}
              maxLength={100}
            />
          </div>
          {offer?.region ? <p>{t('editor.region', { region: offer.region, municipality: offer.municipality ?? '' })}</p> : null}
        </fieldset>

        <fieldset className="offer-fieldset">
          <legend>{t('editor.sectionTimeMoney')}</legend>
          <div className="offer-place">
            <Field
              label={t('editor.hours')}
              hint={t('editor.hoursHint')}
              inputMode="decimal"
              value={draft.hours}
              onChange={(e) => set('hours', e.target.value)}
              error={errors.durationMinutes}
              required
            />
            <Field
              label={t('editor.price')}
              hint={t('editor.priceHint')}
              inputMode="decimal"
              value={draft.price}
              onChange={(e) => set('price', e.target.value)}
              error={errors.priceCents}
              required
            />
          </div>
        </fieldset>

        <fieldset className="offer-fieldset">
          <legend>{t('editor.sectionWho')}</legend>
          <TextAreaField
            label={t('editor.targetAudience')}
            hint={t('editor.targetAudienceHint')}
            value={draft.targetAudience}
            onChange={(e) => set('targetAudience', e.target.value)}
            error={errors.targetAudience}
            maxLength={2000}
          />
          <TextAreaField
            label={t('editor.entryRequirements')}
            hint={t('editor.entryRequirementsHint')}
            value={draft.entryRequirements}
            onChange={(e) => set('entryRequirements', e.target.value)}
            error={errors.entryRequirements}
            maxLength={2000}
          />
          <SelectField
            label={t('editor.level')}
            hint={t('editor.levelHint')}
            value={draft.level}
            onChange={(v) => set('level', v)}
            error={errors.level}
            options={[
              { value: '', label: t('editor.levelNone') },
              ...[1, 2, 3, 4].map((l) => ({ value: String(l), label: t(`offerLevel.${l}`) })),
            ]}
          />
          <fieldset className="fieldset">
            <legend>{t('editor.accessibility')}</legend>
            <div className="offer-checks">
              {accessibilityFlags.map((a) => (
                <label key={a} className="checkbox">
                  <input
                    type="checkbox"
                    checked={draft.accessibility.includes(a)}
                    onChange={(e) => toggle('accessibility', a, e.target.checked)}
                  />
                  <span>{t(`accessibility.${a}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
        </fieldset>

        <fieldset className="offer-fieldset" id="competences" aria-describedby={errors.competences ? 'competences-error' : undefined}>
          <legend>{t('editor.sectionCompetences')}</legend>
          <p className="field__hint">{t('editor.competencesHint')}</p>
          <CompetenceList
            orgId={orgId}
            offerId={offer?.id}
            textChanged={textChanged}
            items={draft.competences}
            onChange={(items) => set('competences', items)}
            errors={errors}
          />
        </fieldset>

        <fieldset className="offer-fieldset">
          <legend>{t('editor.sectionCharacteristics')}</legend>
          <p className="field__hint">{t('editor.characteristicsHint')}</p>
          {axes.map((axis) => (
            <CharacteristicScale
              key={axis}
              axis={axis}
              value={draft.characteristics[axis]}
              onChange={(value) => set('characteristics', { ...draft.characteristics, [axis]: value })}
              error={errors[`characteristics.${axis}`]}
            />
          ))}
        </fieldset>

        <fieldset className="offer-fieldset">
          <legend>{t('editor.sectionRecognition')}</legend>
          <fieldset className="fieldset">
            <legend>{t('editor.recognitions')}</legend>
            <p className="field__hint">{t('editor.recognitionsHint')}</p>
            <div className="offer-checks">
              {recognitions.map((r) => (
                <label key={r} className="checkbox">
                  <input
                    type="checkbox"
                    checked={draft.recognitions.includes(r)}
                    onChange={(e) => toggle('recognitions', r, e.target.checked)}
                  />
                  <span>
                    {t(`recognition.${r}`, { defaultValue: r })}
                    {errors[`recognitions.${draft.recognitions.indexOf(r)}`] && draft.recognitions.includes(r) ? (
                      <span className="field__error"> – {errors[`recognitions.${draft.recognitions.indexOf(r)}`]}</span>
                    ) : null}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <Field
            label={t('editor.credential')}
            hint={t('editor.credentialHint')}
            value={draft.credential}
            onChange={(e) => set('credential', e.target.value)}
            error={errors.credential}
            maxLength={300}
          />
        </fieldset>

        <div className="save-bar">
          <button type="submit" className="button button--primary" disabled={busy}>
            {offer ? t('editor.save') : t('editor.create')}
          </button>
          {dirty ? <p className="unsaved">{t('editor.unsaved')}</p> : null}
        </div>
      </form>
    </>
  );
}

function focusFirstInvalid() {
  // After React drew the messages: the first marked field gets focus, so keyboard and screen reader users land on it.
  requestAnimationFrame(() => {
    const first = document.querySelector<HTMLElement>('.offer-form [aria-invalid="true"]');
    if (first instanceof HTMLFieldSetElement) first.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
    else first?.focus();
  });
}

type StatusAction = 'publish' | 'archive' | 'unpublish' | 'delete';

/** Where the offer stands (draft, published, archived) and the steps from there, each confirmed first. */
function StatusPanel({
  orgId,
  offer,
  dirty,
  onErrors,
}: {
  orgId: string;
  offer: OfferDetail;
  dirty: boolean;
  onErrors: (errors: Record<string, string>) => void;
}) {
  const { t } = useTranslation('offers');
  const client = useQueryClient();
  const navigate = useNavigate();
  const explain = useFieldErrorText();
  const [asking, setAsking] = useState<StatusAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const actions: StatusAction[] =
    offer.status === 'draft' ? ['publish', 'delete'] : offer.status === 'published' ? ['unpublish', 'archive'] : ['publish'];

  async function run(action: StatusAction) {
    setBusy(true);
    setFailure(null);
    setProblem(null);
    try {
      if (action === 'delete') {
        await deleteOffer(orgId, offer.id);
        await client.invalidateQueries({ queryKey: offersKey(orgId) });
        navigate(paths.offers(orgId), { state: { deleted: offer.code } });
        return;
      }
      const updated = await setOfferStatus(orgId, offer.id, action);
      client.setQueryData(offerKey(orgId, offer.id), updated);
      await client.invalidateQueries({ queryKey: offersKey(orgId) });
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.competences) {
        const errors = explain(error.fieldErrors);
        setProblem(errors.competences);
        onErrors(errors);
      } else setFailure(error);
    } finally {
      setBusy(false);
      setAsking(null);
    }
  }

  return (
    <section className="offer-status-panel" aria-labelledby="offer-status-title">
      <h2 id="offer-status-title">
        {t('statusPanel.title')} <OfferStatusBadge status={offer.status} />
      </h2>
      <p>{t(`statusPanel.explain.${offer.status}`)}</p>
      {problem ? (
        <p className="field__error" role="alert">
          <span aria-hidden="true">⚠ </span>
          {problem} <a href="#competences">{t('statusPanel.toCompetences')}</a>
        </p>
      ) : null}
      <ErrorMessage error={failure} />
      <div className="offer-buttons">
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            className={`button${action === 'publish' ? ' button--primary' : action === 'delete' ? ' button--danger' : ''}`}
            onClick={() => setAsking(action)}
            disabled={busy || dirty}
          >
            {t(`statusPanel.${action}${action === 'publish' && offer.status === 'archived' ? 'Again' : ''}`)}
          </button>
        ))}
      </div>
      {dirty ? <p className="field__hint">{t('statusPanel.saveFirst')}</p> : null}
      <ConfirmDialog
        open={asking !== null}
        title={asking ? t(`statusPanel.confirm.${asking}.title`) : ''}
        confirmLabel={asking ? t(`statusPanel.confirm.${asking}.yes`) : ''}
        cancelLabel={t('actions.cancel')}
        danger={asking === 'delete' || asking === 'archive'}
        busy={busy}
        onConfirm={() => asking && run(asking)}
        onCancel={() => setAsking(null)}
      >
        <p>{asking ? t(`statusPanel.confirm.${asking}.body`, { title: offer.title.nl ?? offer.code }) : ''}</p>
      </ConfirmDialog>
    </section>
  );
}
