import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScaleLevelList } from '../../../components/ScaleLevels';
import { pickText } from '../../../components/localized';
import { ErrorMessage, Loading } from '../../../components/Status';
import { useDebounced } from '../../../components/useDebounced';
import type { Locale } from '../../../../../src/shared/roles';
import { campaignKey, updateCampaign, useCampaignCompetences, useCompetenceHits, type CampaignDetail } from '../api/campaigns';

/**
 * What the campaign asks: the competences of the function profiles in scope, plus HR's additions,
 * minus HR's removals. While the campaign is a draft HR can remove, put back and add; once open
 * the list is frozen.
 */
export function CompetencePreview({ orgId, campaign }: { orgId: string; campaign: CampaignDetail }) {
  const { t, i18n } = useTranslation('campaigns');
  const lang = (i18n.resolvedLanguage ?? 'nl') as Locale;
  const client = useQueryClient();
  const competences = useCampaignCompetences(orgId, campaign.id);
  const [failure, setFailure] = useState<unknown>(null);
  const [said, setSaid] = useState('');
  const [busy, setBusy] = useState(false);
  const editable = campaign.status === 'draft';

  const change = async (body: { addedCompetenceIds?: string[]; removedCompetenceIds?: string[] }, message: string) => {
    setFailure(null);
    setBusy(true);
    try {
      const saved = await updateCampaign(orgId, campaign.id, body);
      client.setQueryData(campaignKey(orgId, campaign.id), saved);
      await client.invalidateQueries({ queryKey: [...campaignKey(orgId, campaign.id), 'competences'] });
      setSaid(message);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const remove = (competenceId: string, origin: 'profile' | 'added', label: string) =>
    void change(
      origin === 'added'
        ? { addedCompetenceIds: campaign.addedCompetenceIds.filter((id) => id !== competenceId) }
        : { removedCompetenceIds: [...campaign.removedCompetenceIds, competenceId] },
      t('competences.removedMessage', { label }),
    );
  const putBack = (competenceId: string, label: string) =>
    void change(
      { removedCompetenceIds: campaign.removedCompetenceIds.filter((id) => id !== competenceId) },
      t('competences.putBackMessage', { label }),
    );
  const add = (competenceId: string, label: string) =>
    void change(
      campaign.removedCompetenceIds.includes(competenceId)
        ? { removedCompetenceIds: campaign.removedCompetenceIds.filter((id) => id !== competenceId) }
        : { addedCompetenceIds: [...campaign.addedCompetenceIds, competenceId] },
      t('competences.addedMessage', { label }),
    );

  const items = competences.data?.items ?? [];
  const levels = items[0]?.levels ?? [];
  const levelName = (level: number | null, list: typeof levels) => {
    if (level === null) return t('competences.noTarget');
    const found = list.find((l) => l.level === level);
    return found ? `${level} · ${pickText(found.label, lang)}` : String(level);
  };

  return (
    <section aria-labelledby="competences-heading" className="campaign-section">
      <h2 id="competences-heading">{t('competences.title', { count: items.length })}</h2>
      <p className="field__hint">{competences.data?.frozen ? t('competences.frozenHint') : t('competences.draftHint')}</p>
      {competences.isPending ? <Loading /> : null}
      <ErrorMessage error={competences.error ?? failure} />
      {competences.data && items.length === 0 ? <p className="empty">{t('competences.none')}</p> : null}
      <ol className="campaign-competences">
        {items.map((item) => {
          const label = pickText(item.label, lang) || item.key;
          return (
            <li key={item.competenceId}>
              <div className="campaign-competences__row">
                <span className="campaign-competences__label">
                  <strong>{label}</strong>
                  <span className="campaign-competences__meta">
                    {item.origin === 'added' ? (
                      <span className="badge">{t('competences.added')}</span>
                    ) : item.importance ? (
                      <span className="badge">{t(`competences.importance.${item.importance}`)}</span>
                    ) : null}{' '}
                    {t('competences.target')}: {levelName(item.defaultRequiredLevel, item.levels)}
                  </span>
                </span>
                {editable ? (
                  <button
                    type="button"
                    className="button button--small button--danger"
                    disabled={busy}
                    onClick={() => remove(item.competenceId, item.origin, label)}
                  >
                    {t('competences.remove')}
                    <span className="visually-hidden">: {label}</span>
                  </button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
      {competences.data?.removed.length ? (
        <>
          <h3>{t('competences.removedTitle')}</h3>
          <ul className="choice-list">
            {competences.data.removed.map((r) => {
              const label = pickText(r.label, lang) || r.key;
              return (
                <li key={r.competenceId}>
                  <span className="choice-list__label">{label}</span>
                  {editable ? (
                    <button type="button" className="button button--small" disabled={busy} onClick={() => putBack(r.competenceId, label)}>
                      {t('competences.putBack')}
                      <span className="visually-hidden">: {label}</span>
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      {levels.length ? (
        <details className="campaign-levels">
          <summary>{t('competences.levelsTitle')}</summary>
          <ScaleLevelList levels={levels} />
        </details>
      ) : null}
      {editable ? <AddCompetence orgId={orgId} chosen={new Set(items.map((i) => i.competenceId))} busy={busy} onAdd={add} /> : null}
      <p role="status" className="search__status">
        {said}
      </p>
    </section>
  );
}

function AddCompetence({
  orgId,
  chosen,
  busy,
  onAdd,
}: {
  orgId: string;
  chosen: Set<string>;
  busy: boolean;
  onAdd: (id: string, label: string) => void;
}) {
  const { t, i18n } = useTranslation('campaigns');
  const lang = (i18n.resolvedLanguage ?? 'nl') as Locale;
  const [q, setQ] = useState('');
  const debounced = useDebounced(q);
  const hits = useCompetenceHits(debounced, lang, orgId);
  const id = useId();
  const active = debounced.trim().length >= 2;
  const results = hits.data?.filter((hit) => hit.kind !== 'group');
  return (
    <div className="add-competence">
      <h3>{t('competences.addTitle')}</h3>
      <div role="search">
        <label htmlFor={id}>{t('competences.searchLabel')}</label>
        <input id={id} type="search" value={q} onChange={(e) => setQ(e.target.value)} maxLength={200} autoComplete="off" />
      </div>
      <p role="status">{active && results ? t('competences.resultCount', { count: results.length }) : ''}</p>
      <ErrorMessage error={hits.error} />
      {active && results?.length ? (
        <ul className="choice-list">
          {results.map((hit) => {
            const already = chosen.has(hit.id);
            return (
              <li key={hit.id}>
                <span className="choice-list__label">
                  {hit.label}
                  <span className="result-list__meta"> {hit.frameworkTitle}</span>
                </span>
                <button type="button" className="button button--small" disabled={already || busy} onClick={() => onAdd(hit.id, hit.label)}>
                  {already ? t('competences.alreadyIn') : t('competences.add')}
                  <span className="visually-hidden">: {hit.label}</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
