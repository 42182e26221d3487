import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api/http';
import { paths } from '../../../app/paths';
import { DataTable } from '../../../components/DataTable';
import { LevelChooser } from '../../../components/LevelChooser';
import { pickText } from '../../../components/localized';
import { Pictogram } from '../../../components/Pictogram';
import { ErrorMessage, Loading, Notice } from '../../../components/Status';
import { TextAreaField } from '../../../components/TextAreaField';
import { usePageTitle } from '../../../components/usePageTitle';
import type { Locale } from '../../../../../src/shared/roles';
import { personAssessmentsKey, recordAssessments, teamKey, usePersonAssessments, type PersonAssessments } from '../api/team';
import '../team-assessment.css';

type Source = 'supervisor' | 'third_party';
const OUTSIDE = '';

export default function RatePersonPage() {
  const { orgId = '', personId = '' } = useParams();
  const { t } = useTranslation('team-assessment');
  const data = usePersonAssessments(orgId, personId);
  usePageTitle(data.data ? t('rate.title', { name: data.data.person.displayName }) : t('team.title'));
  return (
    <>
      <nav aria-label={t('rate.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to={paths.myTeam(orgId)}>{t('team.title')}</Link>
          </li>
          <li aria-current="page">{data.data?.person.displayName ?? '…'}</li>
        </ol>
      </nav>
      {data.isPending ? <Loading /> : null}
      <ErrorMessage error={data.error} />
      {data.data ? <RateForm orgId={orgId} data={data.data} /> : null}
    </>
  );
}

function RateForm({ orgId, data }: { orgId: string; data: PersonAssessments }) {
  const { t, i18n } = useTranslation('team-assessment');
  const lang = (i18n.resolvedLanguage ?? 'nl') as Locale;
  const [context, setContext] = useState<string>(data.campaigns[0]?.id ?? OUTSIDE);
  const [source, setSource] = useState<Source>(data.canRate.supervisor ? 'supervisor' : 'third_party');
  const contextId = useId();
  const { person } = data;
  const campaign = data.campaigns.find((c) => c.id === context);
  const competences = campaign
    ? campaign.competences.map((c) => ({ ...c, requiredLevel: null as number | null }))
    : data.profileCompetences.map((c) => ({
        id: c.id,
        key: c.key,
        label: c.label,
        frameworkKey: c.frameworkKey,
        requiredLevel: c.requiredLevel,
      }));

  return (
    <>
      <h1>{t('rate.title', { name: person.displayName })}</h1>
      <dl className="facts">
        <dt>{t('team.team')}</dt>
        <dd>{person.team?.name ?? '—'}</dd>
        <dt>{t('team.profile')}</dt>
        <dd>{person.functionProfile?.name ?? '—'}</dd>
      </dl>
      <p className="lead">{t('rate.intro')}</p>

      {data.campaigns.length ? (
        <fieldset className="fieldset rate-context">
          <legend>{t('rate.context')}</legend>
          {data.campaigns.map((c) => (
            <label key={c.id} className="radio">
              <input type="radio" name={contextId} checked={context === c.id} onChange={() => setContext(c.id)} />
              <span>{t('rate.inCampaign', { title: c.title })}</span>
            </label>
          ))}
          <label className="radio">
            <input type="radio" name={contextId} checked={context === OUTSIDE} onChange={() => setContext(OUTSIDE)} />
            <span>{t('rate.outside')}</span>
          </label>
        </fieldset>
      ) : null}
      {data.canRate.supervisor && data.canRate.thirdParty ? (
        <fieldset className="fieldset rate-context">
          <legend>{t('rate.source')}</legend>
          {(['supervisor', 'third_party'] as const).map((s) => (
            <label key={s} className="radio">
              <input type="radio" name={`${contextId}-source`} checked={source === s} onChange={() => setSource(s)} />
              <span>{t(`source.${s}`)}</span>
            </label>
          ))}
        </fieldset>
      ) : (
        <p>{t('rate.as', { source: t(`source.${source}`) })}</p>
      )}

      {competences.length === 0 ? (
        <p className="empty">{t('rate.nothingToRate')}</p>
      ) : (
        <Ratings
          key={`${context}|${source}`}
          orgId={orgId}
          data={data}
          campaignId={campaign?.id ?? null}
          source={source}
          competences={competences}
          lang={lang}
        />
      )}
      <RatingHistory data={data} lang={lang} />
    </>
  );
}

interface Competence {
  id: string;
  label: Record<string, string | undefined>;
  requiredLevel: number | null;
}

function Ratings({
  orgId,
  data,
  campaignId,
  source,
  competences,
  lang,
}: {
  orgId: string;
  data: PersonAssessments;
  campaignId: string | null;
  source: Source;
  competences: Competence[];
  lang: Locale;
}) {
  const { t } = useTranslation('team-assessment');
  const client = useQueryClient();
  // Start from the latest rating of this source in this campaign (or outside campaigns).
  const [levels, setLevels] = useState<Record<string, number | null>>(() => {
    const out: Record<string, number | null> = {};
    for (const c of competences)
      out[c.id] = data.ratings.find((r) => r.competenceId === c.id && r.source === source && r.campaignId === campaignId)?.level ?? null;
    return out;
  });
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = competences.filter((c) => levels[c.id] !== null && levels[c.id] !== undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    setFailure(null);
    setErrors({});
    if (!chosen.length) {
      setFailure(new ApiError(400, 'team.nothing_chosen', ''));
      return;
    }
    const ratings = chosen.map((c) => ({
      competenceId: c.id,
      level: levels[c.id]!,
      ...(notes[c.id]?.trim() ? { note: notes[c.id].trim() } : {}),
    }));
    setBusy(true);
    try {
      const result = await recordAssessments(orgId, data.person.id, { source, ...(campaignId ? { campaignId } : {}), ratings });
      client.setQueryData(personAssessmentsKey(orgId, data.person.id), result);
      await client.invalidateQueries({ queryKey: teamKey(orgId) });
      setSaved(ratings.length);
    } catch (error) {
      if (error instanceof ApiError) {
        const byCompetence: Record<string, string> = {};
        for (const [field, message] of Object.entries(error.fieldErrors)) {
          const match = /^ratings\.(\d+)\./.exec(field);
          if (match) byCompetence[ratings[Number(match[1])].competenceId] = message;
        }
        setErrors(byCompetence);
      }
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="rate-form">
      <ol className="rate-list">
        {competences.map((c) => (
          <li key={c.id} className="rate-item">
            <LevelChooser
              legend={
                <>
                  {pickText(c.label, lang)}
                  {c.requiredLevel !== null ? (
                    <span className="rate-item__required"> · {t('rate.required', { level: c.requiredLevel })}</span>
                  ) : null}
                </>
              }
              levels={data.scale.levels}
              value={levels[c.id] ?? null}
              onChange={(level) => {
                setLevels((all) => ({ ...all, [c.id]: level }));
                setSaved(null);
              }}
              error={errors[c.id] ? t('rate.levelError') : undefined}
            >
              <div className="rate-item__extra">
                {levels[c.id] !== null && levels[c.id] !== undefined ? (
                  <button type="button" className="button button--small" onClick={() => setLevels((all) => ({ ...all, [c.id]: null }))}>
                    {t('rate.clear')}
                    <span className="visually-hidden">: {pickText(c.label, lang)}</span>
                  </button>
                ) : null}
                <details>
                  <summary>{t('rate.addNote')}</summary>
                  <TextAreaField
                    label={t('rate.note', { competence: pickText(c.label, lang) })}
                    maxLength={1000}
                    value={notes[c.id] ?? ''}
                    onChange={(e) => setNotes((all) => ({ ...all, [c.id]: e.target.value }))}
                  />
                </details>
              </div>
            </LevelChooser>
          </li>
        ))}
      </ol>
      <div className="save-bar">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('rate.saving') : t('rate.save', { count: chosen.length })}
        </button>
        {saved !== null ? <Notice>{t('rate.saved', { count: saved })}</Notice> : null}
        {failure instanceof ApiError && failure.code === 'team.nothing_chosen' ? (
          <p className="field__error" role="alert">
            {t('rate.chooseOne')}
          </p>
        ) : (
          <ErrorMessage error={failure} focus />
        )}
      </div>
    </form>
  );
}

function RatingHistory({ data, lang }: { data: PersonAssessments; lang: Locale }) {
  const { t, i18n } = useTranslation('team-assessment');
  const date = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium', timeStyle: 'short' });
  const labels = new Map<string, string>();
  for (const c of data.profileCompetences) labels.set(c.id, pickText(c.label, lang));
  for (const campaign of data.campaigns) for (const c of campaign.competences) labels.set(c.id, pickText(c.label, lang));
  const level = (value: number) => data.scale.levels.find((l) => l.level === value);
  const campaignTitle = (id: string | null) => (id ? (data.campaigns.find((c) => c.id === id)?.title ?? t('history.otherCampaign')) : '—');
  return (
    <section aria-labelledby="rating-history" className="rating-history">
      <h2 id="rating-history">{t('history.title')}</h2>
      <DataTable
        caption={t('history.caption', { name: data.person.displayName })}
        rows={data.ratings}
        rowKey={(r) => r.id}
        empty={t('history.none')}
        columns={[
          {
            key: 'competence',
            header: t('history.competence'),
            render: (r) => labels.get(r.competenceId) ?? t('history.unknownCompetence'),
          },
          {
            key: 'level',
            header: t('history.level'),
            render: (r) => (
              <span className="rating-level">
                <Pictogram name={level(r.level)?.pictogram} size={28} />
                {t('history.levelText', { level: r.level, label: pickText(level(r.level)?.label, lang) })}
              </span>
            ),
          },
          { key: 'source', header: t('history.source'), render: (r) => t(`source.${r.source}`) },
          { key: 'campaign', header: t('history.campaign'), render: (r) => campaignTitle(r.campaignId) },
          { key: 'when', header: t('history.when'), render: (r) => date.format(new Date(r.assessedAt)) },
          { key: 'author', header: t('history.author'), render: (r) => r.author?.displayName ?? '—' },
          { key: 'note', header: t('history.note'), render: (r) => r.note ?? '' },
        ]}
      />
    </section>
  );
}
