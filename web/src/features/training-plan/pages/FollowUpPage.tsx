import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Locale } from '../../../../../src/shared/roles';
import { ApiError } from '../../../api/http';
import { paths } from '../../../app/paths';
import { Field, SelectField } from '../../../components/Field';
import { pickText } from '../../../components/localized';
import { ErrorMessage, Loading, Notice } from '../../../components/Status';
import { TextAreaField } from '../../../components/TextAreaField';
import { usePageTitle } from '../../../components/usePageTitle';
import { planKey, reassess, recordEvaluation, recordParticipation, useFollowUp, usePlan, type FollowUpAction } from '../api/plans';
import { KindLabel } from '../components/Badges';
import { hoursInput, parseHours, ZERO_IF_BLANK } from '../../../components/money';
import '../training-plan.css';

const statuses = ['planned', 'enrolled', 'attended', 'completed', 'no_show', 'cancelled'] as const;
type Status = (typeof statuses)[number];

export default function FollowUpPage() {
  const { t } = useTranslation('plan');
  const { orgId = '', planId = '' } = useParams();
  const plan = usePlan(orgId, planId);
  const followUp = useFollowUp(orgId, planId);
  usePageTitle(t('followUp.title'));
  const canWrite = Boolean(plan.data?.can.write) && plan.data?.status !== 'closed';
  return (
    <>
      <p>
        <Link to={paths.plan(orgId, planId)}>
          <span aria-hidden="true">← </span>
          {t('editor.back', { title: plan.data?.title ?? t('page.title') })}
        </Link>
      </p>
      <h1>{t('followUp.title')}</h1>
      <p className="lead">{t('followUp.intro')}</p>
      {followUp.isPending ? <Loading /> : null}
      <ErrorMessage error={followUp.error ?? plan.error} />
      {followUp.data ? (
        <>
          <p className="field__hint">{t('followUp.threshold', { k: followUp.data.threshold })}</p>
          {followUp.data.actions.length === 0 ? <p>{t('actions.none')}</p> : null}
          {followUp.data.actions.map((action) => (
            <ActionFollowUp
              key={action.actionId}
              orgId={orgId}
              planId={planId}
              action={action}
              canWrite={canWrite}
              canEvaluate={Boolean(plan.data?.can.write)}
              threshold={followUp.data.threshold}
            />
          ))}
        </>
      ) : null}
    </>
  );
}

function ActionFollowUp({
  orgId,
  planId,
  action,
  canWrite,
  canEvaluate,
  threshold,
}: {
  orgId: string;
  planId: string;
  action: FollowUpAction;
  canWrite: boolean;
  canEvaluate: boolean;
  threshold: number;
}) {
  const { t, i18n } = useTranslation('plan');
  const lang = (i18n.resolvedLanguage ?? 'nl') as Locale;
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: planKey(orgId, planId) });
  const day = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  const headingId = `fu-${action.actionId}`;
  const score = (summary: FollowUpAction['reaction']) =>
    summary.shown && summary.mean !== null
      ? t('followUp.mean', { mean: number.format(summary.mean), count: summary.count })
      : t('followUp.hidden', { count: summary.count, k: threshold });

  return (
    <section className="plan-section followup" aria-labelledby={headingId}>
      <h2 id={headingId}>{action.title}</h2>
      <p>
        <KindLabel kind={action.kind} /> · {t(`actionStatus.${action.status}`)}
      </p>
      <ul className="followup-counts">
        {statuses.map((s) => (
          <li key={s}>
            <span className="followup-counts__value">{action.byStatus[s] ?? 0}</span> {t(`participation.${s}`)}
          </li>
        ))}
      </ul>
      <dl className="facts">
        <dt>{t('followUp.reaction')}</dt>
        <dd>{score(action.reaction)}</dd>
        <dt>{t('followUp.application')}</dt>
        <dd>{score(action.application)}</dd>
      </dl>
      {action.comments.length ? (
        <>
          <h3>{t('followUp.comments')}</h3>
          <ul>
            {action.comments.map((c, i) => (
              <li key={i}>
                {t(`followUp.${c.kind}`)}: “{c.text}”
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {action.dueApplication.length ? (
        <div className="alert">
          <p>
            <strong>{t('followUp.due', { count: action.dueApplication.length })}</strong>
          </p>
          <ul>
            {action.dueApplication.map((d) => (
              <li key={d.personId}>{t('followUp.dueOne', { name: d.displayName, date: day.format(new Date(`${d.dueOn}T00:00:00Z`)) })}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {action.participants.length ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('followUp.peopleCaption', { title: action.title })}>
          <table className="data-table">
            <caption>{t('followUp.peopleCaption', { title: action.title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('followUp.person')}</th>
                <th scope="col">{t('followUp.status')}</th>
                <th scope="col">{t('followUp.evaluations')}</th>
              </tr>
            </thead>
            <tbody>
              {action.participants.map((p) => (
                <tr key={p.personId}>
                  <th scope="row" data-label={t('followUp.person')}>
                    {p.displayName}
                    {p.teamName ? <span className="result-list__meta"> ({p.teamName})</span> : null}
                  </th>
                  <td data-label={t('followUp.status')}>
                    {canWrite ? (
                      <ParticipationEditor
                        orgId={orgId}
                        planId={planId}
                        actionId={action.actionId}
                        participant={p}
                        durationMinutes={action.durationMinutes}
                        onSaved={refresh}
                      />
                    ) : (
                      <>
                        {t(`participation.${p.status}`)}
                        {p.minutesAttended ? ` · ${t('followUp.hours', { hours: hoursInput(p.minutesAttended, lang) })}` : ''}
                      </>
                    )}
                  </td>
                  <td data-label={t('followUp.evaluations')}>
                    {t('followUp.reaction')}: {p.reactionGiven ? t('followUp.given') : t('followUp.notGiven')}
                    <br />
                    {t('followUp.application')}: {p.applicationGiven ? t('followUp.given') : t('followUp.notGiven')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('followUp.noPeople')}</p>
      )}
      {canEvaluate && action.participants.some((p) => p.status === 'attended' || p.status === 'completed') ? (
        <EvaluationForm orgId={orgId} planId={planId} action={action} onSaved={refresh} />
      ) : null}
      {canEvaluate && action.canReassess ? <ReassessForm orgId={orgId} planId={planId} action={action} onSaved={refresh} /> : null}
    </section>
  );
}

function ParticipationEditor({
  orgId,
  planId,
  actionId,
  participant,
  durationMinutes,
  onSaved,
}: {
  orgId: string;
  planId: string;
  actionId: string;
  participant: FollowUpAction['participants'][number];
  durationMinutes: number;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation('plan');
  const lang = (i18n.resolvedLanguage ?? 'nl') as Locale;
  const [status, setStatus] = useState<Status>(participant.status);
  const [hours, setHours] = useState(hoursInput(participant.minutesAttended || durationMinutes, lang));
  const [completedOn, setCompletedOn] = useState(participant.completedOn ?? '');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const counted = status === 'attended' || status === 'completed';
  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(false);
    const minutes = parseHours(hours, ZERO_IF_BLANK);
    try {
      await recordParticipation(orgId, planId, actionId, participant.personId, {
        status,
        minutesAttended: counted ? minutes : null,
        completedOn: status === 'completed' && completedOn ? completedOn : null,
      });
      setSaved(true);
      onSaved();
    } catch (e) {
      setError(e);
    }
  }
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  return (
    <form className="participation" onSubmit={save} noValidate>
      <SelectField
        label={t('followUp.statusOf', { name: participant.displayName })}
        value={status}
        onChange={(v) => setStatus(v as Status)}
        options={statuses.map((s) => ({ value: s, label: t(`participation.${s}`) }))}
      />
      {counted ? (
        <Field
          label={t('followUp.hoursAttended')}
          inputMode="decimal"
          value={hours}
          onChange={(e) => setHours(e.target.value)}
          error={fieldErrors.minutesAttended}
        />
      ) : null}
      {status === 'completed' ? (
        <Field
          label={t('followUp.completedOn')}
          type="date"
          value={completedOn}
          onChange={(e) => setCompletedOn(e.target.value)}
          error={fieldErrors.completedOn}
        />
      ) : null}
      <button type="submit" className="button button--small">
        {t('followUp.save')}
        <span className="visually-hidden"> {participant.displayName}</span>
      </button>
      {saved ? <span role="status">{t('followUp.saved')}</span> : null}
      {error && !Object.keys(fieldErrors).length ? <ErrorMessage error={error} /> : null}
    </form>
  );
}

function EvaluationForm({
  orgId,
  planId,
  action,
  onSaved,
}: {
  orgId: string;
  planId: string;
  action: FollowUpAction;
  onSaved: () => void;
}) {
  const { t } = useTranslation('plan');
  const eligible = action.participants.filter((p) => p.status === 'attended' || p.status === 'completed');
  const [personId, setPersonId] = useState(eligible[0]?.personId ?? '');
  const [kind, setKind] = useState<'reaction' | 'application'>('reaction');
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const groupName = `score-${action.actionId}`;
  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    setError(null);
    if (!score) {
      setError(new ApiError(400, 'validation.failed', 'score', { score: t('followUp.chooseScore') }));
      return;
    }
    try {
      await recordEvaluation(orgId, planId, action.actionId, { personId, kind, score, comment });
      setSaved(true);
      setScore(0);
      setComment('');
      onSaved();
    } catch (e) {
      setError(e);
    }
  }
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  return (
    <form className="form plan-evaluation" onSubmit={save} noValidate>
      <h3>{t('followUp.evaluate')}</h3>
      <p className="field__hint">{t('followUp.evaluateHint')}</p>
      <SelectField
        label={t('followUp.person')}
        value={personId}
        onChange={setPersonId}
        options={eligible.map((p) => ({ value: p.personId, label: p.displayName }))}
        error={fieldErrors.personId}
      />
      <SelectField
        label={t('followUp.kind')}
        value={kind}
        onChange={(v) => setKind(v as 'reaction' | 'application')}
        options={[
          { value: 'reaction', label: t('followUp.reactionLong') },
          { value: 'application', label: t('followUp.applicationLong') },
        ]}
        error={fieldErrors.kind}
      />
      <fieldset className="plan-fieldset score-choice">
        <legend>{t('followUp.score')}</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className="checkbox">
            <input type="radio" name={groupName} value={n} checked={score === n} onChange={() => setScore(n)} />
            <span>{t(`followUp.scores.${n}`)}</span>
          </label>
        ))}
        {fieldErrors.score ? <p className="field__error">{fieldErrors.score}</p> : null}
      </fieldset>
      <TextAreaField label={t('followUp.comment')} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} />
      <button type="submit" className="button">
        {t('followUp.saveEvaluation')}
      </button>
      {saved ? <Notice>{t('followUp.evaluationSaved')}</Notice> : null}
      {error && !Object.keys(fieldErrors).length ? <ErrorMessage error={error} /> : null}
    </form>
  );
}

function ReassessForm({ orgId, planId, action, onSaved }: { orgId: string; planId: string; action: FollowUpAction; onSaved: () => void }) {
  const { t, i18n } = useTranslation('plan');
  const lang = (i18n.resolvedLanguage ?? 'nl') as Locale;
  const done = action.participants.filter((p) => p.status === 'completed');
  const competences = action.competences;
  const [competenceId, setCompetenceId] = useState(competences[0]?.id ?? '');
  const [levels, setLevels] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<Awaited<ReturnType<typeof reassess>> | null>(null);
  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setResult(null);
    const ratings = done
      .filter((p) => levels[p.personId]?.trim())
      .map((p) => ({ personId: p.personId, level: Number(levels[p.personId]), ...(competences.length > 1 ? { competenceId } : {}) }));
    if (!ratings.length) return;
    try {
      setResult(await reassess(orgId, planId, action.actionId, { ratings }));
      setLevels({});
      onSaved();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <form className="form plan-reassess" onSubmit={save} noValidate>
      <h3>{t('reassess.title')}</h3>
      <p className="field__hint">{t('reassess.intro')}</p>
      {competences.length > 1 ? (
        <SelectField
          label={t('reassess.competence')}
          value={competenceId}
          onChange={setCompetenceId}
          options={competences.map((c) => ({ value: c.id, label: pickText(c.label, lang) }))}
        />
      ) : (
        <p>
          {t('reassess.competence')}: <strong>{pickText(competences[0]?.label, lang)}</strong>
        </p>
      )}
      {done.map((p) => (
        <Field
          key={p.personId}
          label={t('reassess.levelOf', { name: p.displayName })}
          inputMode="numeric"
          value={levels[p.personId] ?? ''}
          onChange={(e) => setLevels((current) => ({ ...current, [p.personId]: e.target.value }))}
        />
      ))}
      <button type="submit" className="button">
        {t('reassess.save')}
      </button>
      <ErrorMessage error={error} />
      {result ? (
        <Notice>
          {t('reassess.recorded', { count: result.recorded })}{' '}
          {result.needs.map((n) => t(n.met ? 'reassess.met' : 'reassess.open', { title: n.title })).join(' ')}
        </Notice>
      ) : null}
    </form>
  );
}
