import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { http, withQuery } from '../api/http';
import type { CompetenceSearchResult } from '../../../src/modules/frameworks/schemas';
import type { Locale } from '../../../src/shared/roles';
import { ErrorMessage } from './Status';
import { useDebounced } from './useDebounced';

export type { CompetenceSearchResult };

/** Search the competences an organisation can see (public frameworks and its own) and pick one with a button. */
export function CompetencePicker({
  orgId,
  chosen,
  onAdd,
  title,
}: {
  orgId: string;
  chosen: Set<string>;
  onAdd: (hit: CompetenceSearchResult) => void;
  title: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = (i18n.resolvedLanguage ?? 'nl') as Locale;
  const [q, setQ] = useState('');
  const debounced = useDebounced(q).trim();
  const id = useId();
  const active = debounced.length >= 2;
  const hits = useQuery({
    queryKey: ['competence-picker', debounced, lang, orgId],
    queryFn: ({ signal }) =>
      http.get<CompetenceSearchResult[]>(withQuery('/api/competences', { q: debounced, lang, orgId, limit: 10 }), { signal }),
    enabled: active,
    placeholderData: (previous) => previous,
  });
  // Tree nodes only organise a framework; people learn real competences.
  const results = hits.data?.filter((hit) => hit.kind !== 'group');
  return (
    <section className="add-competence" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{title}</h3>
      <div role="search">
        <label htmlFor={id}>{t('competencePicker.label')}</label>
        <p className="field__hint" id={`${id}-hint`}>
          {t('competencePicker.hint')}
        </p>
        <input
          id={id}
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          maxLength={200}
          autoComplete="off"
          aria-describedby={`${id}-hint`}
        />
      </div>
      <p role="status">{active && results ? t('competencePicker.count', { count: results.length }) : ''}</p>
      <ErrorMessage error={hits.error} />
      {active && results?.length ? (
        <ul className="choice-list">
          {results.map((hit) => {
            const already = chosen.has(hit.id);
            return (
              <li key={hit.id}>
                <span className="choice-list__label">
                  {hit.label}
                  <span className="result-list__meta"> {hit.frameworkTitle}</span>
                </span>
                <button type="button" className="button button--small" disabled={already} onClick={() => onAdd(hit)}>
                  {already ? t('competencePicker.already') : t('competencePicker.add')}
                  <span className="visually-hidden">: {hit.label}</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
