import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../app/paths';
import { ErrorMessage } from '../../../components/Status';
import { useDebounced } from '../../../components/useDebounced';
import type { Locale } from '../../../../../src/shared/roles';
import { useCompetenceSearch } from '../api/frameworks';

/** Search as you type (in the UI language), results as links to the competence page. */
export function CompetenceSearch({ orgId, frameworkId, label }: { orgId: string; frameworkId?: string; label: string }) {
  const { t, i18n } = useTranslation('frameworks');
  const lang = (i18n.resolvedLanguage ?? 'nl') as Locale;
  const [q, setQ] = useState('');
  const debounced = useDebounced(q, 300);
  const search = useCompetenceSearch({ q: debounced, lang, frameworkId, orgId });
  const inputId = useId();
  const hintId = useId();
  const active = debounced.trim().length >= 2;
  return (
    <section className="search" aria-labelledby={`${inputId}-h`}>
      <h2 id={`${inputId}-h`}>{label}</h2>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={inputId}>{t('search.label')}</label>
        <p className="field__hint" id={hintId}>
          {t('search.hint')}
        </p>
        <input
          id={inputId}
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          maxLength={200}
          aria-describedby={hintId}
          autoComplete="off"
        />
      </form>
      <p role="status" className="search__status">
        {active && search.data ? t('search.resultCount', { count: search.data.length }) : ''}
      </p>
      <ErrorMessage error={search.error} />
      {active && search.data && search.data.length > 0 ? (
        <ul className="result-list">
          {search.data.map((r) => (
            <li key={r.id}>
              <Link to={paths.competence(orgId, r.id)}>{r.label}</Link>
              <span className="result-list__meta">{r.frameworkTitle}</span>
              {r.description ? <p>{r.description}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
