import { useId, useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { OFFER_CSV_COLUMNS } from '../../../../../src/shared/offers';
import { ApiError } from '../../../api/http';
import { useSession } from '../../../api/session';
import { DataTable } from '../../../components/DataTable';
import { ErrorMessage, Notice } from '../../../components/Status';
import { exportUrl, importCsv, importJson, offersKey, type ImportResult } from '../api/offers';

/**
 * Import offers from a CSV (or JSON) file and export them. Each line stands alone: a broken line
 * is reported with its number and nothing of it is saved; the other lines are imported. The
 * provider's own code identifies an offer, so importing the same file again changes nothing.
 */
export function ImportPanel({ orgId }: { orgId: string }) {
  const { t } = useTranslation('offers');
  const session = useSession();
  const client = useQueryClient();
  const fileId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setResult(null);
    setFailure(null);
    setFileError(null);
    if (!file) {
      setFileError(t('import.chooseFirst'));
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const text = await file.text();
      let answer: ImportResult;
      if (/\.json$/i.test(file.name) || file.type === 'application/json') {
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          setFileError(t('import.notJson'));
          return;
        }
        answer = await importJson(orgId, body as Parameters<typeof importJson>[1]);
      } else {
        answer = await importCsv(orgId, text, session.data?.csrfToken ?? '');
      }
      setResult(answer);
      await client.invalidateQueries({ queryKey: offersKey(orgId) });
    } catch (error) {
      // A file the server cannot read at all (no header, wrong columns, not CSV) is named at the file field.
      if (error instanceof ApiError && error.status === 400) setFileError(t('import.unreadable', { detail: error.message }));
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="offer-exchange" aria-labelledby="offer-import-title">
      <h2 id="offer-import-title">{t('import.title')}</h2>
      <p>{t('import.intro')}</p>
      <details>
        <summary>{t('import.columnsTitle')}</summary>
        <p>{t('import.columnsIntro')}</p>
        <p className="offer-columns">
          {OFFER_CSV_COLUMNS.map((c) => (
            <code key={c}>{c}</code>
          ))}
        </p>
        <p>{t('import.columnsExample')}</p>
      </details>
      <form className="offer-import" onSubmit={onSubmit} noValidate>
        <div className={`field${fileError ? ' field--invalid' : ''}`}>
          <label htmlFor={fileId}>{t('import.file')}</label>
          <p className="field__hint" id={`${fileId}-hint`}>
            {t('import.fileHint')}
          </p>
          <input
            ref={input}
            id={fileId}
            type="file"
            accept=".csv,text/csv,.json,application/json"
            aria-describedby={[`${fileId}-hint`, fileError ? `${fileId}-error` : ''].filter(Boolean).join(' ')}
            aria-invalid={fileError ? true : undefined}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          {fileError ? (
            <p className="field__error" id={`${fileId}-error`}>
              <span aria-hidden="true">⚠ </span>
              {fileError}
            </p>
          ) : null}
        </div>
        <p>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('import.busy') : t('import.submit')}
          </button>
        </p>
      </form>
      <ErrorMessage error={failure} />
      {result ? <ImportReport result={result} /> : null}
      <h3>{t('export.title')}</h3>
      <p>{t('export.intro')}</p>
      <ul className="offer-downloads">
        <li>
          <a className="button" href={exportUrl(orgId, 'csv')} download="offers.csv">
            {t('export.csv')}
          </a>
        </li>
        <li>
          <a className="button" href={exportUrl(orgId, 'json')} download="offers.json">
            {t('export.json')}
          </a>
        </li>
      </ul>
    </section>
  );
}

function ImportReport({ result }: { result: ImportResult }) {
  const { t } = useTranslation('offers');
  return (
    <div className="offer-import-report">
      <Notice>
        <p>{t('import.summary', { count: result.rows })}</p>
        <p>{t('import.counts', { created: result.created, updated: result.updated, unchanged: result.unchanged })}</p>
      </Notice>
      {result.errors.length ? (
        <div className="alert alert--error">
          <p>
            <strong>{t('import.errorsTitle', { count: result.errors.length })}</strong>
          </p>
          <p>{t('import.errorsIntro')}</p>
        </div>
      ) : null}
      {result.errors.length ? (
        <DataTable
          caption={t('import.errorsCaption')}
          rows={result.errors}
          rowKey={(e) => `${e.line}`}
          empty=""
          columns={[
            { key: 'line', header: t('import.line'), render: (e) => e.line, rowHeader: true, numeric: true },
            { key: 'code', header: t('import.code'), render: (e) => (e.code ? <code>{e.code}</code> : '–') },
            // The server names the column and the rule in English (the column names are English too).
            { key: 'message', header: t('import.problem'), render: (e) => <span lang="en">{e.message}</span> },
          ]}
        />
      ) : null}
    </div>
  );
}
