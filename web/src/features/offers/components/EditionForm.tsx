import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/http';
import { Field } from '../../../components/Field';
import { ErrorMessage } from '../../../components/Status';
import '../../../components/fields.css';
import type { CreateEditionBody, EditionView } from '../api/offers';
import { useFieldErrorText } from './bits';

interface SessionDraft {
  key: number;
  date: string;
  from: string;
  to: string;
}

let sessionKey = 0;

/**
 * Dates, seats, enrolment deadline and sessions of one edition. The server checks the rules (not in
 * the past, end after start, capacity not below the seats taken); its answer is shown at the field.
 */
export function EditionForm({
  edition,
  onSave,
  onCancel,
  idPrefix,
}: {
  edition?: EditionView;
  onSave: (body: CreateEditionBody) => Promise<unknown>;
  onCancel: () => void;
  idPrefix: string;
}) {
  const { t } = useTranslation('offers');
  const explain = useFieldErrorText();
  const [startsOn, setStartsOn] = useState(edition?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(edition?.endsOn ?? '');
  const [capacity, setCapacity] = useState(edition ? String(edition.capacity) : '');
  const [deadline, setDeadline] = useState(edition?.enrolmentDeadline ?? '');
  const [sessions, setSessions] = useState<SessionDraft[]>(edition?.sessions.map((s) => ({ key: ++sessionKey, ...s })) ?? []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setFailure(null);
    const problems: Record<string, string> = {};
    if (!startsOn) problems.startsOn = t('fieldErrors.required');
    if (!endsOn) problems.endsOn = t('fieldErrors.required');
    if (!/^\d+$/.test(capacity.trim()) || Number(capacity) < 1) problems.capacity = t('fieldErrors.capacity');
    sessions.forEach((s, i) => {
      if (!s.date) problems[`sessions.${i}.date`] = t('fieldErrors.required');
      if (!s.from) problems[`sessions.${i}.from`] = t('fieldErrors.required');
      if (!s.to) problems[`sessions.${i}.to`] = t('fieldErrors.required');
    });
    setErrors(problems);
    if (Object.keys(problems).length) {
      focusInvalid(form);
      return;
    }
    setBusy(true);
    try {
      await onSave({
        startsOn,
        endsOn,
        capacity: Number(capacity),
        enrolmentDeadline: deadline || null,
        sessions: sessions.map(({ date, from, to }) => ({ date, from, to })),
      });
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fieldErrors).length) {
        setErrors(explain(error.fieldErrors));
        focusInvalid(form);
      } else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const updateSession = (key: number, change: Partial<SessionDraft>) =>
    setSessions((list) => list.map((s) => (s.key === key ? { ...s, ...change } : s)));

  return (
    <form className="offer-edition-form" onSubmit={onSubmit} noValidate>
      <ErrorMessage error={failure} />
      <div className="offer-dates">
        <Field
          id={`${idPrefix}-start`}
          label={t('editions.startsOn')}
          type="date"
          value={startsOn}
          onChange={(e) => setStartsOn(e.target.value)}
          error={errors.startsOn}
          required
        />
        <Field
          id={`${idPrefix}-end`}
          label={t('editions.endsOn')}
          type="date"
          value={endsOn}
          onChange={(e) => setEndsOn(e.target.value)}
          error={errors.endsOn}
          required
        />
      </div>
      <div className="offer-dates">
        <Field
          id={`${idPrefix}-capacity`}
          label={t('editions.capacity')}
          hint={t('editions.capacityHint')}
          type="number"
          inputMode="numeric"
          min={1}
          value={capacity}
          onChange={(e) => setCapacity(e.target.value)}
          error={errors.capacity}
          required
        />
        <Field
          id={`${idPrefix}-deadline`}
          label={t('editions.deadline')}
          hint={t('editions.deadlineHint')}
          type="date"
          value={deadline}
          onChange={(e) => setDeadline(e.target.value)}
          error={errors.enrolmentDeadline}
        />
      </div>
      <fieldset className="fieldset">
        <legend>{t('editions.sessions')}</legend>
        <p className="field__hint">{t('editions.sessionsHint')}</p>
        {sessions.length === 0 ? <p className="empty">{t('editions.noSessions')}</p> : null}
        <ol className="offer-sessions">
          {sessions.map((s, i) => (
            <li key={s.key} className="offer-session">
              <Field
                label={t('editions.sessionDate', { n: i + 1 })}
                type="date"
                value={s.date}
                onChange={(e) => updateSession(s.key, { date: e.target.value })}
                error={errors[`sessions.${i}.date`]}
              />
              <Field
                label={t('editions.sessionFrom', { n: i + 1 })}
                type="time"
                value={s.from}
                onChange={(e) => updateSession(s.key, { from: e.target.value })}
                error={errors[`sessions.${i}.from`]}
              />
              <Field
                label={t('editions.sessionTo', { n: i + 1 })}
                type="time"
                value={s.to}
                onChange={(e) => updateSession(s.key, { to: e.target.value })}
                error={errors[`sessions.${i}.to`]}
              />
              <button
                type="button"
                className="button button--small"
                onClick={() => setSessions((list) => list.filter((x) => x.key !== s.key))}
              >
                {t('editions.removeSession', { n: i + 1 })}
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="button button--small"
          onClick={() =>
            setSessions((list) => [
              ...list,
              {
                key: ++sessionKey,
                date: list.at(-1)?.date ?? startsOn,
                from: list.at(-1)?.from ?? '09:00',
                to: list.at(-1)?.to ?? '12:00',
              },
            ])
          }
        >
          <span aria-hidden="true">+ </span>
          {t('editions.addSession')}
        </button>
      </fieldset>
      <div className="offer-buttons">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('editions.save')}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t('actions.cancel')}
        </button>
      </div>
    </form>
  );
}

function focusInvalid(form: HTMLFormElement) {
  requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
