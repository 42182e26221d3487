import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api/http';
import { paths } from '../../../app/paths';
import { Field } from '../../../components/Field';
import { ErrorMessage, Loading } from '../../../components/Status';
import { TextAreaField } from '../../../components/TextAreaField';
import { usePageTitle } from '../../../components/usePageTitle';
import { factors, needsKey, triageNeed, useNeed, type Factor, type NeedDetail, type TriageOutcome } from '../api/needs';
import { ClassificationBadge, NeedCrumbs } from '../components/bits';
import '../needs.css';

type Answer = 'yes' | 'no' | 'unknown';
const answers: Answer[] = ['yes', 'no', 'unknown'];
const icons: Record<Factor | 'wish', string> = {
  information: '💬',
  resources: '🧰',
  incentives: '🏅',
  knowledge_skills: '📘',
  capacity: '💪',
  motives: '❤️',
  wish: '🎓',
};
/** Steps: the six factors, the wish to learn, then the check. */
const steps = [...factors, 'wish', 'summary'] as const;
type Step = (typeof steps)[number];

export default function TriagePage() {
  const { t } = useTranslation('needs');
  const { orgId = '', needId = '' } = useParams();
  const need = useNeed(orgId, needId);
  usePageTitle(need.data ? t('triage.title', { title: need.data.title }) : t('triage.short'));
  return (
    <>
      <NeedCrumbs orgId={orgId} need={need.data} current={t('triage.short')} />
      {need.isPending ? <Loading /> : null}
      <ErrorMessage error={need.error} />
      {need.data ? <Wizard orgId={orgId} need={need.data} /> : null}
    </>
  );
}

function AnswerChoice({ value, onChange, legend }: { value: Answer | undefined; onChange: (a: Answer) => void; legend: string }) {
  const { t } = useTranslation('needs');
  const name = useId();
  return (
    <fieldset className="score-options">
      <legend>{legend}</legend>
      <div className="answer-options">
        {answers.map((a) => (
          <label key={a} className={`answer-option${value === a ? ' answer-option--chosen' : ''}`}>
            <input type="radio" name={name} value={a} checked={value === a} onChange={() => onChange(a)} />
            <span aria-hidden="true">{a === 'yes' ? '✔' : a === 'no' ? '✖' : '?'}</span>
            {t(`triage.answer.${a}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function Wizard({ orgId, need }: { orgId: string; need: NeedDetail }) {
  const { t } = useTranslation('needs');
  const client = useQueryClient();
  const [index, setIndex] = useState(0);
  const [given, setGiven] = useState<Partial<Record<Factor, Answer>>>({});
  const [notes, setNotes] = useState<Partial<Record<Factor, string>>>({});
  const [wish, setWish] = useState<Answer | undefined>();
  const [wishNote, setWishNote] = useState('');
  const [deadline, setDeadline] = useState('');
  const [missing, setMissing] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<TriageOutcome | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  const step: Step = steps[index];

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [index, outcome]);

  const answered = step === 'summary' || (step === 'wish' ? wish !== undefined : given[step] !== undefined);
  const next = () => {
    if (!answered) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setIndex((i) => Math.min(i + 1, steps.length - 1));
  };
  const back = () => {
    setMissing(false);
    setIndex((i) => Math.max(0, i - 1));
  };

  const submit = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const result = await triageNeed(orgId, need.id, {
        factors: Object.fromEntries(
          factors.map((f) => [f, { answer: given[f]!, ...(notes[f]?.trim() ? { note: notes[f]!.trim() } : {}) }]),
        ) as Parameters<typeof triageNeed>[2]['factors'],
        wishToLearn: wish!,
        ...(wishNote.trim() ? { wishNote: wishNote.trim() } : {}),
        ...(deadline ? { deadline } : {}),
      });
      await client.invalidateQueries({ queryKey: needsKey(orgId) });
      setOutcome(result);
    } catch (error) {
      setFailure(error);
      // A field error points at a step: go back to it.
      if (error instanceof ApiError) {
        const key = Object.keys(error.fieldErrors)[0] ?? '';
        const factor = factors.find((f) => key.startsWith(`factors.${f}`));
        if (factor) setIndex(factors.indexOf(factor));
        else if (key.startsWith('wish') || key === 'deadline') setIndex(factors.length);
      }
    } finally {
      setBusy(false);
    }
  };

  if (outcome) return <Result orgId={orgId} need={need} outcome={outcome} headingRef={heading} />;

  return (
    <>
      <h1>{t('triage.title', { title: need.title })}</h1>
      <p className="lead">{t('triage.intro')}</p>
      <p aria-live="polite">
        <strong>{t('triage.progress', { n: index + 1, total: steps.length })}</strong>
      </p>
      <progress className="progress" max={steps.length} value={index + 1} aria-hidden="true" />
      {step === 'summary' ? (
        <section className="triage-step" aria-labelledby="triage-step-title">
          <h2 id="triage-step-title" ref={heading} tabIndex={-1}>
            {t('triage.summary.title')}
          </h2>
          <ul className="triage-summary">
            {factors.map((f, i) => (
              <li key={f}>
                <span>
                  <span aria-hidden="true">{icons[f]} </span>
                  <strong>{t(`triage.factor.${f}.title`)}</strong>: {t(`triage.answer.${given[f]}`)}
                  <br />
                  <small>{notes[f]?.trim() || t('triage.summary.noNote')}</small>
                </span>
                <button type="button" className="button button--small" onClick={() => setIndex(i)}>
                  {t('triage.summary.change')}
                  <span className="visually-hidden">: {t(`triage.factor.${f}.title`)}</span>
                </button>
              </li>
            ))}
            <li>
              <span>
                <span aria-hidden="true">{icons.wish} </span>
                <strong>{t('triage.wish.title')}</strong>: {wish ? t(`triage.answer.${wish}`) : ''}
                <br />
                <small>{wishNote.trim() || t('triage.summary.noNote')}</small>
              </span>
              <button type="button" className="button button--small" onClick={() => setIndex(factors.length)}>
                {t('triage.summary.change')}
                <span className="visually-hidden">: {t('triage.wish.title')}</span>
              </button>
            </li>
          </ul>
        </section>
      ) : (
        <section className="triage-step" aria-labelledby="triage-step-title">
          {step !== 'wish' ? (
            <p className="triage-step__kind">
              {t(`triage.group.${(['information', 'resources', 'incentives'] as string[]).includes(step) ? 'environment' : 'person'}`)}
            </p>
          ) : null}
          <h2 id="triage-step-title" ref={heading} tabIndex={-1}>
            <span className="triage-step__icon" aria-hidden="true">
              {icons[step]}{' '}
            </span>
            {step === 'wish' ? t('triage.wish.title') : t(`triage.factor.${step}.title`)}
          </h2>
          <p>{step === 'wish' ? t('triage.wish.explain') : t(`triage.factor.${step}.explain`)}</p>
          <p className="triage-example">
            <strong>{t('triage.example')}</strong> {step === 'wish' ? t('triage.wish.example') : t(`triage.factor.${step}.example`)}
          </p>
          {step === 'wish' ? (
            <>
              <AnswerChoice
                legend={t('triage.wish.question')}
                value={wish}
                onChange={(a) => {
                  setWish(a);
                  setMissing(false);
                }}
              />
              <TextAreaField
                label={t('triage.wish.note')}
                hint={t('triage.noteHint')}
                maxLength={500}
                value={wishNote}
                onChange={(e) => setWishNote(e.target.value)}
              />
              <Field label={t('triage.wish.deadline')} type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
            </>
          ) : (
            <>
              <AnswerChoice
                legend={t('triage.question')}
                value={given[step]}
                onChange={(a) => {
                  setGiven((g) => ({ ...g, [step]: a }));
                  setMissing(false);
                }}
              />
              <TextAreaField
                label={t('triage.note')}
                hint={t('triage.noteHint')}
                maxLength={500}
                value={notes[step] ?? ''}
                onChange={(e) => setNotes((n) => ({ ...n, [step]: e.target.value }))}
              />
            </>
          )}
          {missing ? (
            <p className="field__error" role="alert">
              <span aria-hidden="true">⚠ </span>
              {t('triage.chooseFirst')}
            </p>
          ) : null}
        </section>
      )}
      <div className="triage-nav">
        {index > 0 ? (
          <button type="button" className="button" onClick={back}>
            {t('triage.back')}
          </button>
        ) : null}
        {step === 'summary' ? (
          <button type="button" className="button button--primary" onClick={() => void submit()} disabled={busy}>
            {busy ? t('triage.submitting') : t('triage.submit')}
          </button>
        ) : (
          <button type="button" className="button button--primary" onClick={next}>
            {step === 'wish' ? t('triage.check') : t('triage.next')}
          </button>
        )}
      </div>
      <ErrorMessage error={failure} focus />
    </>
  );
}

function Result({
  orgId,
  need,
  outcome,
  headingRef,
}: {
  orgId: string;
  need: NeedDetail;
  outcome: TriageOutcome;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const { t } = useTranslation('needs');
  const classification = outcome.triage.classification;
  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        {t('triage.result.title')}: {need.title}
      </h1>
      <section className={`triage-result triage-result--${classification}`} aria-labelledby="triage-result">
        <h2 id="triage-result">
          <ClassificationBadge value={classification} /> {t(`triage.result.${classification}.title`)}
        </h2>
        <p>{t(`triage.reason.${outcome.reason}`)}</p>
        <p>{t(`triage.result.${classification}.text`)}</p>
      </section>
      {outcome.proposedActions.length ? (
        <section aria-labelledby="triage-actions">
          <h2 id="triage-actions">{t('triage.actions.title')}</h2>
          <ul className="link-list">
            {outcome.proposedActions.map((a) => (
              <li key={a.kind}>
                <span aria-hidden="true">{icons[a.factor]} </span>
                {t(`triage.actions.kind.${a.kind}`)}
              </li>
            ))}
          </ul>
          {outcome.actions.planYear ? (
            <p>
              {outcome.actions.written
                ? t('triage.actions.written', { year: outcome.actions.planYear })
                : t('triage.actions.notWritten', { year: outcome.actions.planYear })}
            </p>
          ) : null}
        </section>
      ) : null}
      {classification === 'unclear' ? (
        <section aria-labelledby="triage-starr">
          <h2 id="triage-starr">{t('triage.starr.title')}</h2>
          <p>{t('triage.starr.text')}</p>
          {need.people.length ? (
            <ul className="link-list">
              {need.people.slice(0, 5).map((p) => (
                <li key={p.id}>
                  <Link to={paths.starr(orgId, p.id)}>{t('triage.starr.link', { name: p.displayName })}</Link>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('triage.starr.none')}</p>
          )}
        </section>
      ) : null}
      <div className="triage-nav">
        {classification === 'training_need' ? (
          <Link className="button button--primary" to={paths.needPriority(orgId, need.id)}>
            {t('triage.toPriority')}
          </Link>
        ) : null}
        <Link className="button" to={paths.need(orgId, need.id)}>
          {t('triage.toNeed')}
        </Link>
      </div>
    </>
  );
}
