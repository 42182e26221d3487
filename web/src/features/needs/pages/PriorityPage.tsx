import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api/http';
import { useOrgRoles } from '../../../api/roles';
import { paths } from '../../../app/paths';
import { ErrorMessage, Loading, Notice } from '../../../components/Status';
import { TextAreaField } from '../../../components/TextAreaField';
import { usePageTitle } from '../../../components/usePageTitle';
import { criteria, needsKey, putPriority, useNeed, usePriority, type Criterion, type PriorityView } from '../api/needs';
import { formatDate, NeedCrumbs } from '../components/bits';
import '../needs.css';

type CriterionView = PriorityView['criteria'][number];
type Draft = Record<Criterion, { score: number | null; reason: string }>;

function initialDraft(view: PriorityView): Draft {
  return Object.fromEntries(
    view.criteria.map((c) => [
      c.criterion,
      { score: c.current?.score ?? null, reason: c.current && c.current.origin !== 'suggested' ? c.current.reason : '' },
    ]),
  ) as Draft;
}

export default function PriorityPage() {
  const { t } = useTranslation('needs');
  const { orgId = '', needId = '' } = useParams();
  const need = useNeed(orgId, needId);
  const view = usePriority(orgId, needId);
  usePageTitle(need.data ? t('priority.title', { title: need.data.title }) : t('priority.short'));
  return (
    <>
      <NeedCrumbs orgId={orgId} need={need.data} current={t('priority.short')} />
      <h1>{need.data ? t('priority.title', { title: need.data.title }) : t('priority.short')}</h1>
      <p className="lead">{t('priority.intro')}</p>
      {view.isPending ? <Loading /> : null}
      <ErrorMessage error={view.error ?? need.error} />
      {view.data ? <PriorityForm orgId={orgId} needId={needId} view={view.data} /> : null}
    </>
  );
}

/** The figures behind a suggestion, in words. */
function useInputsText() {
  const { t, i18n } = useTranslation('needs');
  const lang = i18n.resolvedLanguage ?? 'nl';
  const euro = new Intl.NumberFormat(lang, { style: 'currency', currency: 'EUR' });
  const num = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  return (c: CriterionView): string | null => {
    const i = c.suggestion?.inputs;
    if (!i) return null;
    switch (c.criterion) {
      case 'core_task':
        return 'functionProfileImportance' in i
          ? t('priority.inputs.core_task_profile')
          : t('priority.inputs.core_task', { core: i.core, supporting: i.supporting, absent: i.absent });
      case 'fairness':
        return t('priority.inputs.fairness', {
          months: i.months,
          affected: num.format(Number(i.affectedMedianHours)),
          organisation: num.format(Number(i.organisationMedianHours)),
        });
      case 'feasibility':
        return t('priority.inputs.feasibility', { soon: i.offersSoon, offers: i.offers, count: i.internalTrainers });
      case 'urgency':
        return [
          i.deadline ? t('priority.inputs.urgency_deadline', { date: formatDate(lang, String(i.deadline)) }) : null,
          i.atRiskYear ? t('priority.inputs.urgency_risk', { year: i.atRiskYear }) : null,
        ]
          .filter(Boolean)
          .join(' · ');
      case 'investment':
        return t('priority.inputs.investment', {
          cost: euro.format(Number(i.costPerParticipantCents) / 100),
          hours: num.format(Number(i.hours)),
        });
      default:
        return null;
    }
  };
}

function PriorityForm({ orgId, needId, view }: { orgId: string; needId: string; view: PriorityView }) {
  const { t, i18n } = useTranslation('needs');
  const roles = useOrgRoles(orgId);
  const client = useQueryClient();
  const initial = initialDraft(view);
  const [draft, setDraft] = useState<Draft>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [nothing, setNothing] = useState(false);
  const [busy, setBusy] = useState(false);
  const decimal = new Intl.NumberFormat(i18n.resolvedLanguage, { maximumFractionDigits: 2 });
  const canWrite = roles.isHr;

  const acceptAll = () =>
    setDraft((d) => {
      const next = { ...d };
      for (const c of view.criteria) if (c.suggestion) next[c.criterion] = { score: c.suggestion.score, reason: '' };
      return next;
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setFailure(null);
    setErrors({});
    const changed = criteria.filter(
      (c) => draft[c].score !== null && (draft[c].score !== initial[c].score || draft[c].reason !== initial[c].reason),
    );
    if (changed.length === 0) {
      setNothing(true);
      return;
    }
    setNothing(false);
    setBusy(true);
    try {
      const scores = Object.fromEntries(
        changed.map((c) => [c, { score: draft[c].score!, ...(draft[c].reason.trim() ? { reason: draft[c].reason.trim() } : {}) }]),
      );
      const result = await putPriority(orgId, needId, { scores });
      client.setQueryData([...needsKey(orgId), 'priority', needId], result);
      // The form starts again from what was stored.
      setDraft(initialDraft(result));
      await client.invalidateQueries({ queryKey: needsKey(orgId), predicate: (q) => q.queryKey[2] !== 'priority' });
      setSaved(true);
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fieldErrors);
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <p className="need-card__meta" aria-live="polite">
        <strong>{view.value === null ? t('priority.noValue') : t('priority.value', { value: decimal.format(view.value) })}</strong>
      </p>
      {canWrite ? (
        <p>
          <button type="button" className="button" onClick={acceptAll}>
            {t('priority.acceptAll')}
          </button>
        </p>
      ) : null}
      <ul className="criteria">
        {view.criteria.map((c) => (
          <CriterionCard
            key={c.criterion}
            view={c}
            value={draft[c.criterion]}
            canWrite={canWrite}
            error={
              errors[`scores.${c.criterion}.reason`]
                ? t('priority.reasonHint')
                : errors[`scores.${c.criterion}.score`]
                  ? t('priority.scoreHint')
                  : null
            }
            onChange={(value) => setDraft((d) => ({ ...d, [c.criterion]: value }))}
          />
        ))}
      </ul>
      {canWrite ? (
        <div className="save-bar">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('priority.saving') : t('priority.save')}
          </button>
          <Link className="button" to={paths.need(orgId, needId)}>
            {t('triage.toNeed')}
          </Link>
          {saved ? <Notice>{t('priority.saved')}</Notice> : null}
          {nothing ? <p role="alert">{t('priority.nothing')}</p> : null}
          <ErrorMessage error={failure} focus />
        </div>
      ) : null}
    </form>
  );
}

function CriterionCard({
  view,
  value,
  canWrite,
  error,
  onChange,
}: {
  view: CriterionView;
  value: { score: number | null; reason: string };
  canWrite: boolean;
  error: string | null;
  onChange: (value: { score: number | null; reason: string }) => void;
}) {
  const { t } = useTranslation('needs');
  const inputsText = useInputsText();
  const name = useId();
  const id = `criterion-${view.criterion}`;
  const differs = value.score !== null && value.score !== view.suggestion?.score;
  const inputs = inputsText(view);
  return (
    <li className="criterion">
      <h2 id={id}>
        {t(`priority.criterion.${view.criterion}.title`)} <span className="badge">{t('priority.weight', { weight: view.weight })}</span>
      </h2>
      <p>{t(`priority.criterion.${view.criterion}.explain`)}</p>
      <p className="criterion__suggestion">
        {view.suggestion ? (
          <>
            <strong>{t('priority.suggestion', { score: view.suggestion.score })}</strong> —{' '}
            {t(`priority.reasons.${view.suggestion.reason}`)}
          </>
        ) : (
          <strong>{t('priority.noSuggestion')}</strong>
        )}
        {view.note ? <> {t(`priority.notes.${view.note}`)}</> : null}
      </p>
      {inputs ? <p className="criterion__inputs">{inputs}</p> : null}
      {view.current ? (
        <p>
          {t('priority.current', { score: view.current.score })} (
          {t(`priority.origin.${view.current.origin}`, { score: view.current.suggestedScore })})
          {view.current.origin !== 'suggested' ? <> — “{view.current.reason}”</> : null}
        </p>
      ) : null}
      {canWrite ? (
        <>
          <fieldset className="score-options">
            <legend>
              {t('priority.score')} <span className="visually-hidden">{t(`priority.criterion.${view.criterion}.title`)}</span> (
              {t('priority.scoreHint')})
            </legend>
            {[1, 2, 3, 4, 5].map((n) => (
              <label
                key={n}
                className={`score-option${value.score === n ? ' score-option--chosen' : ''}${view.suggestion?.score === n ? ' score-option--suggested' : ''}`}
              >
                <input type="radio" name={name} value={n} checked={value.score === n} onChange={() => onChange({ ...value, score: n })} />
                {n}
              </label>
            ))}
          </fieldset>
          {differs || value.reason ? (
            <TextAreaField
              label={`${t('priority.reason')} (${t(`priority.criterion.${view.criterion}.title`)})`}
              hint={t('priority.reasonHint')}
              maxLength={1000}
              rows={2}
              value={value.reason}
              onChange={(e) => onChange({ ...value, reason: e.target.value })}
              error={error}
            />
          ) : null}
        </>
      ) : null}
    </li>
  );
}
