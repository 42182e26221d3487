import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../app/paths';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { pick } from '../../../components/localized';
import { ReadAloud } from '../../../components/ReadAloud';
import { ErrorMessage, Loading } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { activeStatuses, useCancelEnrolment, useMyEnrolments, type EnrolmentView } from '../api/enrolments';
import { EnrolmentState, useEditionDates } from '../components/EnrolForm';
import { useFormat } from '../components/format';
import { LearnerTabs } from '../components/LearnerTabs';
import '../learner.css';

/**
 * "Mijn inschrijvingen": coming trainings (a seat or a place on the waiting list), each with a way
 * to cancel, and below them the history (followed, completed, cancelled).
 */
export default function MyEnrolmentsPage() {
  const { t } = useTranslation('learner');
  usePageTitle(t('enrolments.title'));
  const f = useFormat();
  const dates = useEditionDates();
  const enrolments = useMyEnrolments();
  const cancel = useCancelEnrolment();
  const [asking, setAsking] = useState<EnrolmentView | null>(null);
  const [cancelled, setCancelled] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (cancelled) noticeRef.current?.focus();
  }, [cancelled]);

  const all = enrolments.data ?? [];
  const coming = all.filter((e) => activeStatuses.has(e.status)).sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const history = all.filter((e) => !activeStatuses.has(e.status)).sort((a, b) => b.startsOn.localeCompare(a.startsOn));
  const titleOf = (e: EnrolmentView) => pick(e.offerTitle, f.lang)?.text ?? '';

  return (
    <div className="learner">
      <LearnerTabs />
      <h1>{t('enrolments.title')}</h1>
      <p className="lead">{t('enrolments.intro')}</p>
      <ReadAloud text={[t('enrolments.title'), ...coming.map((e) => `${titleOf(e)}, ${dates(e)}`)].join('. ')} locale={f.lang} />
      {cancelled ? (
        <div className="alert alert--success" role="status" tabIndex={-1} ref={noticeRef}>
          <p>{t('enrolments.cancelled', { title: cancelled })}</p>
        </div>
      ) : null}
      {enrolments.isPending ? <Loading /> : null}
      <ErrorMessage error={enrolments.error} />

      <section aria-labelledby="coming-title">
        <h2 id="coming-title">{t('enrolments.coming')}</h2>
        {enrolments.data && coming.length === 0 ? (
          <p className="empty">
            {t('enrolments.noneComing')} <Link to={paths.catalog()}>{t('home.recommended.searchYourself')}</Link>
          </p>
        ) : null}
        {coming.length ? (
          <ul className="cards">
            {coming.map((e) => (
              <li key={e.id} className="card enrolment-card">
                <h3 className="card__title">
                  <Link to={paths.catalogOffer(e.offerId)}>{titleOf(e)}</Link>
                </h3>
                <p className="card__meta">{t('card.by', { provider: e.providerName })}</p>
                <p>
                  <strong>{dates(e)}</strong>
                </p>
                <p>
                  <EnrolmentState enrolment={e} />
                </p>
                {e.editionStatus === 'cancelled' ? <p className="flag">{t('enrolments.editionCancelled')}</p> : null}
                <div className="card__actions">
                  <button type="button" className="button button--danger" onClick={() => setAsking(e)}>
                    {e.status === 'waitlisted' ? t('enrolments.leaveWaitlist') : t('enrolments.cancel')}
                    <span className="visually-hidden">: {titleOf(e)}</span>
                  </button>
                </div>
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('enrolments.history')}</h2>
        {enrolments.data && history.length === 0 ? <p className="empty">{t('enrolments.noHistory')}</p> : null}
        {history.length ? (
          <ul className="result-list history-list">
            {history.map((e) => (
              <li key={e.id}>
                <Link to={paths.catalogOffer(e.offerId)}>{titleOf(e)}</Link>
                <p>
                  {dates(e)} · <EnrolmentState enrolment={e} />
                  {e.completedOn ? ` · ${t('enrolments.completedOn', { date: f.date(e.completedOn) })}` : null}
                  {e.minutesAttended > 0 ? ` · ${t('enrolments.attended', { duration: f.duration(e.minutesAttended) })}` : null}
                </p>
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <ConfirmDialog
        open={asking !== null}
        title={asking?.status === 'waitlisted' ? t('enrolments.confirmLeaveTitle') : t('enrolments.confirmTitle')}
        confirmLabel={asking?.status === 'waitlisted' ? t('enrolments.leaveWaitlist') : t('enrolments.cancel')}
        cancelLabel={t('enrolments.keep')}
        danger
        busy={cancel.isPending}
        onCancel={() => {
          cancel.reset();
          setAsking(null);
        }}
        onConfirm={() => {
          if (!asking) return;
          const title = titleOf(asking);
          cancel.mutate(asking.id, {
            onSuccess: () => {
              setAsking(null);
              setCancelled(title);
            },
          });
        }}
      >
        {asking ? <p>{t('enrolments.confirmText', { title: titleOf(asking), dates: dates(asking) })}</p> : null}
        <ErrorMessage error={cancel.error} />
      </ConfirmDialog>
    </div>
  );
}
