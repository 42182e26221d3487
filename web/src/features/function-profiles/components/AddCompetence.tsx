import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/Status';
import { useDebounced } from '../../../components/useDebounced';
import type { CompetenceSearchResult } from '../../../../../src/modules/frameworks/schemas';
import type { Locale } from '../../../../../src/shared/roles';
import { useCompetenceHits } from '../api/profiles';

/** Search competences (all frameworks this organisation can see) and add one with a button. */
export function AddCompetence({
  orgId,
  chosen,
  onAdd,
}: {
  orgId: string;
  chosen: Set<string>;
  onAdd: (hit: CompetenceSearchResult) => void;
}) {
  const { t, i18n } = useTranslation('profiles');
  const lang = (i18n.resolvedLanguage ?? 'nl') as Locale;
  const [q, setQ] = useState('');
  const debounced = useDebounced(q);
  const hits = useCompetenceHits(debounced, lang, orgId);
  const id = useId();
  const active = debounced.trim().length >= 2;
  // Groups only organise a framework; a profile asks for real competences.
  const results = hits.data?.filter((hit) => hit.kind !== 'group');
  return (
    <section className="add-competence" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('editor.addTitle')}</h2>
      <div role="search">
        <label htmlFor={id}>{t('editor.searchLabel')}</label>
        <p className="field__hint" id={`${id}-hint`}>
          {t('editor.searchHint')}
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
      <p role="status">{active && results ? t('editor.resultCount', { count: results.length }) : ''}</p>
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
                  {already ? t('editor.alreadyAdded') : t('editor.add')}
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
