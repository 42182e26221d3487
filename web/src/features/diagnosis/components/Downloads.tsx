import { useTranslation } from 'react-i18next';
import { exportUrl, reportUrl, type DiagnosisFilters, type ExportTable } from '../api/diagnosis';

/**
 * Download links: the table on screen as CSV or Excel (same filters, same privacy rule) and,
 * optionally, the printable PDF report. Plain links: the browser saves the file.
 */
export function Downloads({
  orgId,
  table,
  filters,
  report = false,
}: {
  orgId: string;
  table: ExportTable;
  filters: DiagnosisFilters;
  report?: boolean;
}) {
  const { t, i18n } = useTranslation('diagnosis');
  const lang = i18n.resolvedLanguage ?? 'nl';
  return (
    <section className="diagnosis-downloads" aria-labelledby={`downloads-${table}`}>
      <h2 id={`downloads-${table}`}>{t('downloads.title')}</h2>
      <p>{t('downloads.intro')}</p>
      <ul className="diagnosis-downloads__list">
        <li>
          <a className="button" href={exportUrl(orgId, table, 'csv', filters, lang)} download>
            <DownloadIcon />
            {t('downloads.csv')}
          </a>
        </li>
        <li>
          <a className="button" href={exportUrl(orgId, table, 'xlsx', filters, lang)} download>
            <DownloadIcon />
            {t('downloads.xlsx')}
          </a>
        </li>
        {report ? (
          <li>
            <a className="button button--primary" href={reportUrl(orgId, filters, lang)} download>
              <DownloadIcon />
              {t('downloads.pdf')}
            </a>
          </li>
        ) : null}
      </ul>
    </section>
  );
}

function DownloadIcon() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.5"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M12 3v12M6 10l6 6 6-6M4 20h16" />
    </svg>
  );
}
