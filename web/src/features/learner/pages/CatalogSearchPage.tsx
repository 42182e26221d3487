import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../../api/session';
import { paths } from '../../../app/paths';
import { ReadAloud } from '../../../components/ReadAloud';
import { ErrorMessage, Loading } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { filtersFromParams, paramsFromFilters, PAGE_SIZE, searchSorts, useOfferSearch, type CatalogFilters } from '../api/catalog';
import { FilterPanel } from '../components/FilterPanel';
import { useFormat } from '../components/format';
import { LearnerIcon } from '../components/LearnerIcon';
import { LearnerTabs } from '../components/LearnerTabs';
import { OfferCard } from '../components/OfferCard';
import '../learner.css';

/**
 * The public catalog: Dutch full-text search over published offers with filters and sorting.
 * Everything sits in the address (filters, sorting, page), so the back button and shared links work.
 * Open to everyone; signed-in learners also see the leerportaal tabs.
 */
export default function CatalogSearchPage() {
  const { t } = useTranslation('learner');
  usePageTitle(t('search.title'));
  const f = useFormat();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const search = useOfferSearch(filters);
  const [q, setQ] = useState(filters.q);
  const ids = useId();
  useEffect(() => setQ(filters.q), [filters.q]);

  /** A new search starts on page 1. */
  const change = (next: Partial<CatalogFilters>) => setParams(paramsFromFilters({ ...filters, ...next, cursor: '', page: 1 }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change({ q });
  };
  const data = search.data;
  const first = (filters.page - 1) * PAGE_SIZE + 1;

  return (
    <div className="learner">
      {session.data ? <LearnerTabs /> : null}
      <h1>{t('search.title')}</h1>
      <p className="lead">{t('search.intro')}</p>
      <ReadAloud text={`${t('search.title')}. ${t('search.intro')}`} locale={f.lang} />

      <div className="search catalog-search">
        <form role="search" onSubmit={submit}>
          <label htmlFor={`${ids}-q`}>{t('search.label')}</label>
          <p className="field__hint" id={`${ids}-hint`}>
            {t('search.hint')}
          </p>
          <div className="catalog-search__row">
            <input
              id={`${ids}-q`}
              type="search"
              name="q"
              value={q}
              maxLength={200}
              aria-describedby={`${ids}-hint`}
              onChange={(e) => setQ(e.target.value)}
            />
            <button type="submit" className="button button--primary">
              <LearnerIcon name="search" size={24} />
              {t('search.submit')}
            </button>
          </div>
        </form>
      </div>

      <div className="catalog-layout">
        <FilterPanel filters={filters} facets={data?.facets} onChange={change} />
        <section aria-labelledby={`${ids}-results`} className="catalog-results">
          <h2 id={`${ids}-results`}>{t('search.results')}</h2>
          <div className="catalog-results__bar">
            <p role="status" className="catalog-results__count">
              {search.isPending ? t('search.searching') : data ? t('search.found', { count: data.total }) : ''}
            </p>
            <div className="field catalog-sort">
              <label htmlFor={`${ids}-sort`}>{t('search.sortLabel')}</label>
              <select id={`${ids}-sort`} value={filters.sort} onChange={(e) => change({ sort: e.target.value as CatalogFilters['sort'] })}>
                {searchSorts.map((s) => (
                  <option key={s} value={s}>
                    {t(`search.sort.${s}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {search.isPending ? <Loading /> : null}
          <ErrorMessage error={search.error} />
          {data && data.total === 0 ? <p className="empty">{t('search.none')}</p> : null}
          {data?.items.length ? (
            <ul className="cards catalog-cards" aria-busy={search.isFetching}>
              {data.items.map((hit) => (
                <OfferCard key={hit.id} hit={hit} />
              ))}
            </ul>
          ) : null}
          {data && (filters.cursor || data.nextCursor) ? (
            <nav className="pagination" aria-label={t('search.pages')}>
              <p>{t('search.showing', { first, last: first + data.items.length - 1, total: data.total })}</p>
              <ul>
                {filters.cursor ? (
                  <li>
                    <Link className="button" to={paths.catalog(paramsFromFilters({ ...filters, cursor: '', page: 1 }).toString())}>
                      <span aria-hidden="true">« </span>
                      {t('search.firstPage')}
                    </Link>
                  </li>
                ) : null}
                {data.nextCursor ? (
                  <li>
                    <Link
                      className="button button--primary"
                      to={paths.catalog(paramsFromFilters({ ...filters, cursor: data.nextCursor, page: filters.page + 1 }).toString())}
                    >
                      {t('search.nextPage')}
                      <span aria-hidden="true"> »</span>
                    </Link>
                  </li>
                ) : null}
              </ul>
            </nav>
          ) : null}
        </section>
      </div>
    </div>
  );
}
