import { useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Locale } from '../../../../../src/shared/roles';
import { paths } from '../../../app/paths';
import { DataTable } from '../../../components/DataTable';
import { pickText } from '../../../components/localized';
import { ErrorMessage, Loading, Notice } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { enrolmentsCsvUrl, enrolmentsKey, offerKey, useEditionEnrolments, useOffer, type EnrolmentView } from '../api/offers';
import { AttendanceDialog } from '../components/AttendanceDialog';
import { useDay } from '../components/bits';
import { hoursInput } from '../../../components/money';
import '../offers.css';

/** Statuses of people who hold a seat; only they can get attendance recorded. */
const SEATED = new Set(['enrolled', 'attended', 'completed', 'no_show']);

/** Who is coming to one edition, who waits, who cancelled; record attendance and completion; export as CSV. */
export default function EnrolmentListPage() {
  const { t, i18n } = useTranslation('offers');
  const lang = (i18n.resolvedLanguage ?? 'nl') as Locale;
  const { orgId = '', offerId = '', editionId = '' } = useParams();
  const client = useQueryClient();
  const offer = useOffer(orgId, offerId);
  const list = useEditionEnrolments(orgId, editionId);
  const day = useDay();
  const [recording, setRecording] = useState<EnrolmentView | null>(null);
  // The dialog leaves the page when it closes; focus goes back to the button that opened it.
  const opener = useRef<HTMLElement | null>(null);
  const open = (e: EnrolmentView) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setRecording(e);
  };
  const close = () => {
    setRecording(null);
    requestAnimationFrame(() => opener.current?.focus());
  };
  const [notice, setNotice] = useState<string | null>(null);
  const title = pickText(offer.data?.title, lang);
  const edition = offer.data?.editions.find((e) => e.id === editionId);
  const dates = edition
    ? edition.startsOn === edition.endsOn
      ? day(edition.startsOn)
      : t('editions.range', { from: day(edition.startsOn), to: day(edition.endsOn) })
    : '';
  usePageTitle(title ? t('enrolments.pageTitle', { title, dates }) : undefined);

  if (offer.isPending || list.isPending) return <Loading />;
  if (offer.error || !offer.data) return <ErrorMessage error={offer.error} />;
  if (list.error || !list.data) return <ErrorMessage error={list.error} />;

  const seated = list.data.filter((e) => SEATED.has(e.status));
  const waiting = list.data.filter((e) => e.status === 'waitlisted').sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
  const cancelled = list.data.filter((e) => e.status === 'cancelled');
  const hours = (e: EnrolmentView) => (e.minutesAttended ? hoursInput(e.minutesAttended, lang) : '–');

  return (
    <>
      <p>
        <Link to={paths.offerEditions(orgId, offerId)}>
          <span aria-hidden="true">← </span>
          {t('enrolments.back')}
        </Link>
      </p>
      <h1>{t('enrolments.title', { title })}</h1>
      <p className="lead">
        {dates}
        {edition ? ` · ${t('editions.enrolledValue', { enrolled: edition.enrolledCount, capacity: edition.capacity })}` : ''}
        {edition?.status === 'cancelled' ? ` · ${t('editions.statusCancelled')}` : ''}
      </p>
      {notice ? <Notice>{notice}</Notice> : null}
      <p>
        <a className="button" href={enrolmentsCsvUrl(orgId, editionId)} download="enrolments.csv">
          {t('enrolments.csv')}
        </a>
      </p>

      <h2>{t('enrolments.seatedTitle', { count: seated.length })}</h2>
      <p className="field__hint">{t('enrolments.seatedHint')}</p>
      <DataTable
        caption={t('enrolments.seatedCaption')}
        rows={seated}
        rowKey={(e) => e.id}
        empty={t('enrolments.noneSeated')}
        columns={[
          { key: 'name', header: t('enrolments.name'), rowHeader: true, render: (e) => e.learnerName },
          { key: 'employer', header: t('enrolments.employer'), render: (e) => e.employerName ?? '–' },
          {
            key: 'status',
            header: t('enrolments.status'),
            render: (e) => <span className={`offer-enrolment offer-enrolment--${e.status}`}>{t(`enrolmentStatus.${e.status}`)}</span>,
          },
          { key: 'hours', header: t('enrolments.hoursShort'), numeric: true, render: hours },
          { key: 'completed', header: t('enrolments.completedOn'), render: (e) => (e.completedOn ? day(e.completedOn) : '–') },
          {
            key: 'record',
            header: t('enrolments.record'),
            render: (e) => (
              <button type="button" className="button button--small" onClick={() => open(e)}>
                {t('enrolments.recordButton')}
                <span className="visually-hidden">: {e.learnerName}</span>
              </button>
            ),
          },
        ]}
      />

      <h2>{t('enrolments.waitingTitle', { count: waiting.length })}</h2>
      <p className="field__hint">{t('enrolments.waitingHint')}</p>
      <DataTable
        caption={t('enrolments.waitingCaption')}
        rows={waiting}
        rowKey={(e) => e.id}
        empty={t('enrolments.noneWaiting')}
        columns={[
          { key: 'position', header: t('enrolments.position'), numeric: true, render: (e) => e.waitlistPosition ?? '–' },
          { key: 'name', header: t('enrolments.name'), rowHeader: true, render: (e) => e.learnerName },
          { key: 'employer', header: t('enrolments.employer'), render: (e) => e.employerName ?? '–' },
          { key: 'since', header: t('enrolments.since'), render: (e) => day(e.createdAt) },
        ]}
      />

      {cancelled.length ? (
        <>
          <h2>{t('enrolments.cancelledTitle', { count: cancelled.length })}</h2>
          <DataTable
            caption={t('enrolments.cancelledCaption')}
            rows={cancelled}
            rowKey={(e) => e.id}
            empty=""
            columns={[
              { key: 'name', header: t('enrolments.name'), rowHeader: true, render: (e) => e.learnerName },
              { key: 'employer', header: t('enrolments.employer'), render: (e) => e.employerName ?? '–' },
            ]}
          />
        </>
      ) : null}

      {recording ? (
        <AttendanceDialog
          key={recording.id}
          orgId={orgId}
          editionId={editionId}
          enrolment={recording}
          lang={lang}
          onCancel={close}
          onDone={async (updated) => {
            close();
            setNotice(t('enrolments.recorded', { name: updated.learnerName, status: t(`enrolmentStatus.${updated.status}`) }));
            await client.invalidateQueries({ queryKey: enrolmentsKey(orgId, editionId) });
            await client.invalidateQueries({ queryKey: offerKey(orgId, offerId) });
          }}
        />
      ) : null}
    </>
  );
}
