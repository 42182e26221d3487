import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { http } from '../../../api/http';
import type { EditionView, OfferDetail, SearchResult } from '../../../../../src/modules/offers/schemas';

export type { EditionView, OfferDetail, SearchResult };
export type SearchHit = SearchResult['items'][number];
export type OfferFormat = OfferDetail['format'];
export type SearchSort = 'relevance' | 'start' | 'price' | 'duration';

export const offerFormats: readonly OfferFormat[] = ['classroom', 'online', 'blended', 'workplace'];
export const searchSorts: readonly SearchSort[] = ['relevance', 'start', 'price', 'duration'];
export const accessibilityFlags = ['plain_language', 'dutch_a1_a2', 'wheelchair'] as const;
export const offerLevels = [1, 2, 3, 4] as const;
/** Provinces (the region facet), as the API names them (src/domain/offers/regions.ts). */
export const knownRegions = [
  'antwerpen',
  'brussel',
  'limburg',
  'oost-vlaanderen',
  'vlaams-brabant',
  'west-vlaanderen',
  'henegouwen',
  'luik',
  'luxemburg',
  'namen',
  'waals-brabant',
] as const;
export const knownRecognitions = ['opleidingscheques', 'kmo-portefeuille', 'vlaams-opleidingsverlof'] as const;
export const knownLanguages = ['nl', 'fr', 'en'] as const;
/** Choices of the "at most … hours" filter. */
export const hourChoices = [4, 8, 16, 40] as const;
export const PAGE_SIZE = 12;

/**
 * The search as it sits in the page's address, so a search can be bookmarked, shared and reached
 * with the back button. Prices are in whole euros and durations in hours here (plain for people);
 * the API gets cents and minutes.
 */
export interface CatalogFilters {
  q: string;
  region: string[];
  language: string[];
  format: OfferFormat[];
  recognition: string[];
  level: number[];
  accessibility: string[];
  priceMin: number | null;
  priceMax: number | null;
  hoursMax: number | null;
  from: string;
  to: string;
  sort: SearchSort;
  /** The API's cursor of the page on screen (absent on the first page). */
  cursor: string;
  /** 1-based number of the page on screen, for the words "page 2". */
  page: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const wholeNumber = (value: string | null, min = 0): number | null => {
  if (value === null || !/^\d{1,7}$/.test(value)) return null;
  const n = Number(value);
  return n >= min ? n : null;
};
const unique = <T>(values: T[]) => [...new Set(values)];

/** Reads the filters from the address; values the API would refuse are left out. */
export function filtersFromParams(params: URLSearchParams): CatalogFilters {
  const sort = params.get('sort');
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    region: unique(params.getAll('region').filter((r) => /^[a-z-]{2,40}$/.test(r))),
    language: unique(params.getAll('language').filter((l) => /^[a-z]{2}$/.test(l))),
    format: unique(params.getAll('format').filter((f): f is OfferFormat => (offerFormats as readonly string[]).includes(f))),
    recognition: unique(params.getAll('recognition').filter((r) => /^[a-z0-9._-]{1,100}$/.test(r))),
    level: unique(
      params
        .getAll('level')
        .map(Number)
        .filter((l) => (offerLevels as readonly number[]).includes(l)),
    ),
    accessibility: unique(params.getAll('accessibility').filter((a) => (accessibilityFlags as readonly string[]).includes(a))),
    priceMin: wholeNumber(params.get('priceMin')),
    priceMax: wholeNumber(params.get('priceMax')),
    hoursMax: wholeNumber(params.get('hoursMax'), 1),
    from: DATE.test(params.get('from') ?? '') ? params.get('from')! : '',
    to: DATE.test(params.get('to') ?? '') ? params.get('to')! : '',
    sort: (searchSorts as readonly string[]).includes(sort ?? '') ? (sort as SearchSort) : 'relevance',
    cursor: (params.get('cursor') ?? '').slice(0, 200),
    page: wholeNumber(params.get('page'), 1) ?? 1,
  };
}

/** The address for the filters; defaults are left out so the address stays short. */
export function paramsFromFilters(f: CatalogFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (f.q.trim()) params.set('q', f.q.trim());
  for (const key of ['region', 'language', 'format', 'recognition', 'level', 'accessibility'] as const) {
    for (const value of f[key]) params.append(key, String(value));
  }
  if (f.priceMin !== null) params.set('priceMin', String(f.priceMin));
  if (f.priceMax !== null) params.set('priceMax', String(f.priceMax));
  if (f.hoursMax !== null) params.set('hoursMax', String(f.hoursMax));
  if (f.from) params.set('from', f.from);
  if (f.to) params.set('to', f.to);
  if (f.sort !== 'relevance') params.set('sort', f.sort);
  if (f.cursor) {
    params.set('cursor', f.cursor);
    params.set('page', String(f.page));
  }
  return params;
}

/** GET /api/offers with the filters in the API's units. */
export function searchUrl(f: CatalogFilters): string {
  const params = new URLSearchParams();
  if (f.q.trim()) params.set('q', f.q.trim());
  for (const key of ['region', 'language', 'format', 'recognition', 'level', 'accessibility'] as const) {
    for (const value of f[key]) params.append(key, String(value));
  }
  if (f.priceMin !== null) params.set('priceMin', String(f.priceMin * 100));
  if (f.priceMax !== null) params.set('priceMax', String(f.priceMax * 100));
  if (f.hoursMax !== null) params.set('durationMax', String(f.hoursMax * 60));
  if (f.from) params.set('from', f.from);
  if (f.to) params.set('to', f.to);
  if (f.sort !== 'relevance') params.set('sort', f.sort);
  if (f.cursor) params.set('cursor', f.cursor);
  params.set('limit', String(PAGE_SIZE));
  return `/api/offers?${params.toString()}`;
}

/** How many filters are on (the text search and the sorting not counted). */
export function activeFilterCount(f: CatalogFilters): number {
  return (
    f.region.length +
    f.language.length +
    f.format.length +
    f.recognition.length +
    f.level.length +
    f.accessibility.length +
    (f.priceMin !== null ? 1 : 0) +
    (f.priceMax !== null ? 1 : 0) +
    (f.hoursMax !== null ? 1 : 0) +
    (f.from ? 1 : 0) +
    (f.to ? 1 : 0)
  );
}

/** Public search over published offers (no sign-in needed). */
export function useOfferSearch(filters: CatalogFilters) {
  const url = searchUrl(filters);
  return useQuery({
    queryKey: ['catalog', 'search', url],
    queryFn: ({ signal }) => http.get<SearchResult>(url, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** One published offer with its coming editions (no sign-in needed). */
export function usePublishedOffer(offerId: string) {
  return useQuery({
    queryKey: ['catalog', 'offer', offerId],
    queryFn: ({ signal }) => http.get<OfferDetail>(`/api/offers/${offerId}`, { signal }),
  });
}
