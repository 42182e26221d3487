import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  accessibilityFlags,
  activeFilterCount,
  hourChoices,
  knownLanguages,
  knownRecognitions,
  knownRegions,
  offerFormats,
  offerLevels,
  type CatalogFilters,
  type SearchResult,
} from '../api/catalog';
import { useFormat } from './format';

type ListKey = 'region' | 'language' | 'format' | 'recognition' | 'level' | 'accessibility';
type Facets = SearchResult['facets'];

/**
 * The filters of the catalog search. Ticking a box or choosing a duration searches at once; the
 * price and dates are typed and then applied with one button (so the list does not jump while
 * typing). Counts show how many offers each choice gives; a group in which something is chosen
 * shows no counts (its choices add up rather than narrow down).
 */
export function FilterPanel({
  filters,
  facets,
  onChange,
}: {
  filters: CatalogFilters;
  facets: Facets | undefined;
  onChange: (next: Partial<CatalogFilters>) => void;
}) {
  const { t } = useTranslation('learner');
  const f = useFormat();
  const active = activeFilterCount(filters);
  const [typed, setTyped] = useState({ priceMin: '', priceMax: '', from: '', to: '' });
  const ids = useId();
  // Open at first on wide screens or when filters are on; after that the person decides (React never touches it again).
  const [initiallyOpen] = useState(
    () => active > 0 || (typeof window.matchMedia === 'function' && window.matchMedia('(min-width: 60rem)').matches),
  );
  useEffect(() => {
    setTyped({
      priceMin: filters.priceMin === null ? '' : String(filters.priceMin),
      priceMax: filters.priceMax === null ? '' : String(filters.priceMax),
      from: filters.from,
      to: filters.to,
    });
  }, [filters.priceMin, filters.priceMax, filters.from, filters.to]);

  const toggle = (key: ListKey, value: string | number, on: boolean) => {
    const current = filters[key] as Array<string | number>;
    onChange({ [key]: on ? [...current, value] : current.filter((v) => v !== value) } as Partial<CatalogFilters>);
  };

  const group = (key: ListKey, known: ReadonlyArray<string | number>, label: (value: string) => string) => {
    const selected = (filters[key] as Array<string | number>).map(String);
    const counts = key === 'accessibility' ? undefined : facets?.[key as keyof Facets];
    const values = [...new Set([...known.map(String), ...(counts ?? []).map((b) => b.value), ...selected])];
    const countOf = (v: string) => counts?.find((b) => b.value === v)?.count ?? 0;
    const showCounts = counts !== undefined && selected.length === 0;
    if (showCounts) values.sort((a, b) => countOf(b) - countOf(a) || label(a).localeCompare(label(b), f.lang));
    return (
      <fieldset className="fieldset filter-group">
        <legend>{t(`filters.${key}`)}</legend>
        <ul className="filter-options">
          {values.map((value) => (
            <li key={value}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={selected.includes(value)}
                  onChange={(e) => toggle(key, key === 'level' ? Number(value) : value, e.target.checked)}
                />
                <span>
                  {label(value)}
                  {showCounts ? <span className="filter-count"> ({countOf(value)})</span> : null}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
    );
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const money = (v: string) => (/^\d{1,7}$/.test(v.trim()) ? Number(v.trim()) : null);
    onChange({ priceMin: money(typed.priceMin), priceMax: money(typed.priceMax), from: typed.from, to: typed.to });
  };

  return (
    <details className="filters" open={initiallyOpen}>
      <summary>
        {t('filters.title')}
        {active ? <span className="badge">{t('filters.active', { count: active })}</span> : null}
      </summary>
      <div className="filters__body">
        {group('format', offerFormats, f.format)}
        {group('region', knownRegions, f.region)}
        {group('language', knownLanguages, f.language)}
        {group('recognition', knownRecognitions, f.recognition)}
        {group('level', offerLevels, (v) => f.level(Number(v)))}
        {group('accessibility', accessibilityFlags, f.accessibility)}
        <fieldset className="fieldset filter-group">
          <legend>{t('filters.duration')}</legend>
          <ul className="filter-options">
            {[null, ...hourChoices].map((hours) => (
              <li key={hours ?? 'any'}>
                <label className="radio">
                  <input
                    type="radio"
                    name={`${ids}-hours`}
                    checked={filters.hoursMax === hours}
                    onChange={() => onChange({ hoursMax: hours })}
                  />
                  <span>{hours === null ? t('filters.anyDuration') : t('filters.hoursMax', { count: hours })}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <form className="filter-group filter-typed" onSubmit={apply}>
          <fieldset className="fieldset">
            <legend>{t('filters.price')}</legend>
            <div className="filter-pair">
              <div className="field">
                <label htmlFor={`${ids}-pmin`}>{t('filters.priceMin')}</label>
                <input
                  id={`${ids}-pmin`}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  step={1}
                  value={typed.priceMin}
                  onChange={(e) => setTyped({ ...typed, priceMin: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`${ids}-pmax`}>{t('filters.priceMax')}</label>
                <input
                  id={`${ids}-pmax`}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  step={1}
                  value={typed.priceMax}
                  onChange={(e) => setTyped({ ...typed, priceMax: e.target.value })}
                />
              </div>
            </div>
          </fieldset>
          <fieldset className="fieldset">
            <legend>{t('filters.dates')}</legend>
            <div className="filter-pair">
              <div className="field">
                <label htmlFor={`${ids}-from`}>{t('filters.from')}</label>
                <input id={`${ids}-from`} type="date" value={typed.from} onChange={(e) => setTyped({ ...typed, from: e.target.value })} />
              </div>
              <div className="field">
                <label htmlFor={`${ids}-to`}>{t('filters.to')}</label>
                <input id={`${ids}-to`} type="date" value={typed.to} onChange={(e) => setTyped({ ...typed, to: e.target.value })} />
              </div>
            </div>
          </fieldset>
          <button type="submit" className="button">
            {t('filters.apply')}
          </button>
        </form>
        {active ? (
          <button
            type="button"
            className="button button--small filter-clear"
            onClick={() =>
              onChange({
                region: [],
                language: [],
                format: [],
                recognition: [],
                level: [],
                accessibility: [],
                priceMin: null,
                priceMax: null,
                hoursMax: null,
                from: '',
                to: '',
              })
            }
          >
            {t('filters.clear')}
          </button>
        ) : null}
      </div>
    </details>
  );
}
