import { useTranslation } from 'react-i18next';
import { ProgressBar } from '../../../components/ProgressBar';
import { ErrorMessage, Loading } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { useJobs, type JobView } from '../api/jobs';

const statusIcon: Record<JobView['status'], string> = { queued: '⏳', running: '↻', succeeded: '✓', failed: '✗' };

export default function ImportStatusPage() {
  const { t, i18n } = useTranslation('imports');
  usePageTitle(t('title'));
  const jobs = useJobs();
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);
  const date = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      {jobs.isPending ? <Loading /> : null}
      <ErrorMessage error={jobs.error} />
      {jobs.data?.length === 0 ? <p className="empty">{t('none')}</p> : null}
      <ul className="cards">
        {jobs.data?.map((job) => {
          const errorCount = typeof job.summary.errorCount === 'number' ? job.summary.errorCount : job.errors.length;
          const progressText =
            job.total !== null
              ? t('progress', { processed: number.format(job.processed), total: number.format(job.total) })
              : t('progressUnknown', { processed: number.format(job.processed) });
          return (
            <li key={job.id} className="card">
              <h2 className="card__title">{t(`kind.${job.kind}`, { defaultValue: job.kind })}</h2>
              <p className={`status status--${job.status}`}>
                <span aria-hidden="true">{statusIcon[job.status]} </span>
                {t(`status.${job.status}`)}
              </p>
              {job.input ? (
                <p className="card__meta">
                  {t('input')}: <code>{job.input}</code>
                </p>
              ) : null}
              <ProgressBar
                value={job.processed}
                max={job.total}
                label={t('progressLabel', { kind: t(`kind.${job.kind}`, { defaultValue: job.kind }) })}
                text={progressText}
              />
              <p className="card__meta">
                {t('started')}: {date.format(new Date(job.startedAt ?? job.createdAt))}
                {job.finishedAt ? ` · ${t('finished')}: ${date.format(new Date(job.finishedAt))}` : ''}
              </p>
              {errorCount > 0 ? (
                <details className="job-errors">
                  <summary>{t('errorCount', { count: errorCount })}</summary>
                  <table className="data-table">
                    <caption className="visually-hidden">{t('errorsCaption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('file')}</th>
                        <th scope="col">{t('line')}</th>
                        <th scope="col">{t('message')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {job.errors.map((e, i) => (
                        <tr key={i}>
                          <td data-label={t('file')}>{e.file ?? '–'}</td>
                          <td data-label={t('line')} className="num">
                            {e.line}
                          </td>
                          <td data-label={t('message')} lang="en">
                            {e.message}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  {errorCount > job.errors.length ? <p>{t('errorsCapped', { shown: job.errors.length })}</p> : null}
                </details>
              ) : job.status === 'succeeded' ? (
                <p>{t('noErrors')}</p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
