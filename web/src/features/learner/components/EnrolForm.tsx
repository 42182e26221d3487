import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../app/paths';
import { ErrorMessage } from '../../../components/Status';
import type { EditionView } from '../api/catalog';
import { useEnrol, type EnrolmentView } from '../api/enrolments';
import { enrolmentOpen, useFormat } from './format';
import { LearnerIcon } from './LearnerIcon';

/** "Tue 3 Mar 2026 – Thu 5 Mar 2026" or one day. */
export function useEditionDates() {
  const f = useFormat();
  return (e: { startsOn: string; endsOn: string }) =>
    e.startsOn === e.endsOn ? f.shortDate(e.startsOn) : `${f.shortDate(e.startsOn)} – ${f.shortDate(e.endsOn)}`;
}

/** What the person's enrolment means, in words: a seat, or a place in line. */
export function EnrolmentState({ enrolment }: { enrolment: EnrolmentView }) {
  const { t } = useTranslation('learner');
  const waiting = enrolment.status === 'waitlisted';
  return (
    <span className={`enrolment-state enrolment-state--${enrolment.status}`}>
      <LearnerIcon name={waiting ? 'waitlist' : enrolment.status === 'enrolled' ? 'ticket' : 'history'} size={24} />
      <span>
        {waiting ? t('enrolment.waitlisted', { position: enrolment.waitlistPosition ?? '?' }) : t(`enrolment.status.${enrolment.status}`)}
      </span>
    </span>
  );
}

/**
 * Choose a date and enrol. A full edition still takes names: for the waiting list, which the
 * button says. Editions past their deadline are shown but cannot be chosen.
 */
export function EnrolForm({ editions, mine }: { editions: EditionView[]; mine: EnrolmentView[] }) {
  const { t } = useTranslation('learner');
  const f = useFormat();
  const dates = useEditionDates();
  const enrol = useEnrol();
  const ids = useId();
  const taken = new Map(mine.map((e) => [e.editionId, e]));
  const choosable = editions.filter((e) => enrolmentOpen(e) && !taken.has(e.id));
  const [chosen, setChosen] = useState<string>('');
  const [missing, setMissing] = useState(false);
  const [done, setDone] = useState<EnrolmentView | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const edition = editions.find((e) => e.id === chosen);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!edition) {
      setMissing(true);
      return;
    }
    enrol.mutate(edition.id, {
      onSuccess: (result) => {
        setDone(result);
        setChosen('');
      },
    });
  };

  return (
    <>
      {done ? (
        <div className="alert alert--success" role="status" tabIndex={-1} ref={doneRef}>
          <p>
            <strong>
              {done.status === 'waitlisted'
                ? t('enrol.doneWaitlisted', { position: done.waitlistPosition ?? '?' })
                : t('enrol.doneEnrolled')}
            </strong>
          </p>
          <p>
            <Link to={paths.learnerEnrolments()}>{t('enrol.seeEnrolments')}</Link>
          </p>
        </div>
      ) : null}
      <form onSubmit={submit} className="enrol-form" noValidate>
        <fieldset className="fieldset" aria-describedby={missing ? `${ids}-missing` : undefined}>
          <legend>{t('enrol.choose')}</legend>
          {missing && !edition ? (
            <p className="field__error" id={`${ids}-missing`}>
              <span aria-hidden="true">⚠ </span>
              {t('enrol.chooseFirst')}
            </p>
          ) : null}
          <ul className="edition-list">
            {editions.map((e) => {
              const open = enrolmentOpen(e);
              const mineHere = taken.get(e.id);
              const disabled = !open || Boolean(mineHere);
              return (
                <li key={e.id}>
                  <label
                    className={`edition-option${disabled ? ' edition-option--disabled' : ''}${chosen === e.id ? ' edition-option--chosen' : ''}`}
                  >
                    <input
                      type="radio"
                      name={`${ids}-edition`}
                      value={e.id}
                      checked={chosen === e.id}
                      disabled={disabled}
                      onChange={() => {
                        setChosen(e.id);
                        setMissing(false);
                      }}
                    />
                    <span className="edition-option__text">
                      <strong>
                        <LearnerIcon name="calendar" size={24} />
                        <span>{dates(e)}</span>
                      </strong>
                      <span>
                        <LearnerIcon name={e.seatsLeft > 0 ? 'seats' : 'waitlist'} size={24} />
                        <span>{e.seatsLeft > 0 ? t('edition.freeSeats', { count: e.seatsLeft }) : t('edition.full')}</span>
                      </span>
                      <span>
                        {!open
                          ? t('edition.closed')
                          : e.enrolmentDeadline
                            ? t('edition.deadline', { date: f.date(e.enrolmentDeadline) })
                            : t('edition.untilStart')}
                      </span>
                      {e.sessions.length ? <span>{t('edition.sessions', { count: e.sessions.length })}</span> : null}
                      {mineHere ? <EnrolmentState enrolment={mineHere} /> : null}
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
        <ErrorMessage error={enrol.error} focus />
        {choosable.length ? (
          <button type="submit" className="button button--primary enrol-button" disabled={enrol.isPending}>
            <LearnerIcon name="ticket" size={28} />
            {edition && edition.seatsLeft === 0 ? t('enrol.waitlistButton') : t('enrol.button')}
          </button>
        ) : (
          <p className="empty">{t('enrol.nothingToChoose')}</p>
        )}
      </form>
    </>
  );
}
