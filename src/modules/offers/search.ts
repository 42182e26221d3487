import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { readAll } from '../../db/read-all.js';
import type { LocalizedText } from '../../db/schema/columns.js';
import { todayInBrussels } from '../../domain/calendar/brussels.js';
import { buildSearchQuery } from '../../domain/competences/search-query.js';
import { badRequest } from '../../server/errors.js';
import { rows } from './queries.js';
import type { SearchQuery, SearchResult } from './schemas.js';

/**
 * Public catalog search (issue 5 item 3): published offers only, no sign-in. Dutch full-text over
 * offers.search_nl (title weight A, description B) with the competence search's query builder: all
 * words ANDed, the last one also as a prefix ("excel begin" finds "Excel voor beginners").
 *
 * Without words, two queries run side by side (on PostgreSQL over two pooled connections):
 * - the facet counts and the total, in one pass with GROUPING SETS over every matching offer. With
 *   filters on region, format, level, price, duration, language, recognition or dates only,
 *   everything it reads of offers is in offers_search_facets_idx, so the planner can take an
 *   index-only scan (8 MB for 50,000 offers instead of 47 MB of rows with their tsvector) once the
 *   table is vacuumed;
 * - the page. Price, duration and "most recently published" walk a partial index in that order and
 *   stop after one page; "next start" walks the scheduled editions in start order (pageByStart).
 * With words, the full-text test is the costly part, so it runs once: the matches go into a CTE
 * that gives both the facet counts and the page's ids, and a second query reads the page's rows.
 * The cursor is an opaque offset. Measured in bench/offer-search.bench.ts (docs/operations.md).
 */

const encodeCursor = (offset: number) => Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  try {
    const o = (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown }).o;
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0 && o <= 100_000) return o;
  } catch {
    // reported below
  }
  throw badRequest('/querystring/cursor', 'is not a cursor of this search; start again without it');
}

const textArray = (values: readonly string[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

export function createOfferSearch({ db, now = () => new Date() }: { db: Db; now?: () => Date }) {
  return async function search(input: SearchQuery): Promise<SearchResult> {
    const limit = input.limit ?? 20;
    const offset = decodeCursor(input.cursor);
    if (input.priceMin !== undefined && input.priceMax !== undefined && input.priceMin > input.priceMax) {
      throw badRequest('/querystring/priceMax', 'must not be below priceMin');
    }
    if (input.from && input.to && input.from > input.to) throw badRequest('/querystring/to', 'must not be before from');
    const today = todayInBrussels(now());

    const conditions: SQL[] = [sql`o.status = 'published'`];
    const query = input.q ? buildSearchQuery(input.q) : null;
    let tsquery: SQL | null = null;
    if (query?.exact) {
      // Normalised once (stemmed, stop words dropped) and passed on as a constant. Only stop words
      // ("de het") leave an empty query, which would match nothing: then there is no text filter.
      const [normalised] = await rows<{ q: string }>(
        db,
        sql`select to_tsquery('dutch'::regconfig, ${query.prefix ?? query.exact})::text as q`,
      );
      if (normalised?.q) tsquery = sql`${normalised.q}::tsquery`;
    }
    if (tsquery) conditions.push(sql`o.search_nl @@ ${tsquery}`);
    if (input.region?.length) conditions.push(sql`o.region = any(${textArray(input.region)})`);
    if (input.language?.length) conditions.push(sql`o.languages && ${textArray(input.language)}`);
    if (input.format?.length) conditions.push(sql`o.format = any(${textArray(input.format)}::offer_format[])`);
    if (input.recognition?.length) conditions.push(sql`o.recognitions && ${textArray(input.recognition)}`);
    if (input.accessibility?.length) conditions.push(sql`o.accessibility @> ${textArray(input.accessibility)}`);
    if (input.level?.length) conditions.push(sql`o.level = any(${textArray(input.level.map(String))}::smallint[])`);
    if (input.priceMin !== undefined) conditions.push(sql`o.price_cents >= ${input.priceMin}`);
    if (input.priceMax !== undefined) conditions.push(sql`o.price_cents <= ${input.priceMax}`);
    if (input.durationMax !== undefined) conditions.push(sql`o.duration_minutes <= ${input.durationMax}`);
    if (input.provider) conditions.push(sql`o.provider_id = ${input.provider}`);
    if (input.from || input.to) {
      conditions.push(
        sql`exists (select 1 from offer_editions e where e.offer_id = o.id and e.status = 'scheduled'
              and e.starts_on >= ${input.from ?? today}::date ${input.to ? sql`and e.starts_on <= ${input.to}::date` : sql``})`,
      );
    }
    const where = sql.join(conditions, sql` and `);
    const nextStart = sql`(select min(e.starts_on) from offer_editions e where e.offer_id = o.id and e.status = 'scheduled' and e.starts_on >= ${today}::date)`;
    const sort = input.sort ?? 'relevance';

    const hitColumns = sql`o.id, o.provider_id as "providerId", org.name as "providerName", org.slug as "providerSlug", o.title,
            jsonb_strip_nulls(jsonb_build_object('nl', left(o.description->>'nl', 300), 'fr', left(o.description->>'fr', 300), 'en', left(o.description->>'en', 300))) as summary,
            o.languages, o.format, o.municipality, o.region, o.duration_minutes as "durationMinutes", o.price_cents as "priceCents", o.level,
            o.recognitions, o.accessibility, ${nextStart}::text as "nextStartsOn"`;

    const hitsByIds = async (ids: string[]): Promise<HitRow[]> => {
      if (!ids.length) return [];
      const found = await rows<HitRow>(
        db,
        sql`select ${hitColumns} from offers o join organisations org on org.id = o.provider_id
            where o.id = any(array[${sql.join(
              ids.map((id) => sql`${id}`),
              sql`, `,
            )}]::uuid[])`,
      );
      const byId = new Map(found.map((r) => [r.id, r]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    };
    const facetSets = sql`grouping sets ((region), (format), (level), (languages), (recognitions), ())`;
    const facetColumns = sql`grouping(region, format, level, languages, recognitions) as g, region, format::text as format, level, languages, recognitions, count(*)::int as n`;

    let hits: HitRow[];
    let facetRows: FacetRow[];
    if (tsquery) {
      // With words: one pass over the matches (the text test is the costly part), kept in a CTE for
      // both the facet counts and the page's ids (pos = place in the order); then the page's rows.
      const order =
        sort === 'price'
          ? sql`price_cents asc, id`
          : sort === 'duration'
            ? sql`duration_minutes asc, id`
            : sort === 'start'
              ? sql`(select min(e.starts_on) from offer_editions e where e.offer_id = m.id and e.status = 'scheduled' and e.starts_on >= ${today}::date) asc nulls last, id`
              : sql`score desc, id`;
      const combined = await rows<FacetRow & { id: string | null; pos: number | null }>(
        db,
        sql`with m as materialized (
              select o.id, o.region, o.format, o.level, o.languages, o.recognitions, o.price_cents, o.duration_minutes,
                ${sort === 'relevance' ? sql`ts_rank(o.search_nl, ${tsquery}, 32)` : sql`0::real`} as score
              from offers o where ${where}),
            p as (select id, row_number() over (order by ${order}) as pos from m order by ${order} limit ${limit + 1} offset ${offset})
            select null::int as g, null::text as region, null::text as format, null::smallint as level, null::text[] as languages,
                   null::text[] as recognitions, 0 as n, p.id, p.pos from p
            union all
            select ${facetColumns}, null::uuid, null::bigint from m group by ${facetSets}`,
      );
      const pageIds = combined
        .filter((r) => r.id !== null)
        .sort((a, b) => Number(a.pos) - Number(b.pos))
        .map((r) => r.id!);
      facetRows = combined.filter((r) => r.id === null);
      hits = await hitsByIds(pageIds);
    } else {
      // Without words: the facet counts (index-only when the filters allow) beside the page, which
      // walks the index of its order.
      const page = async (): Promise<HitRow[]> => {
        if (sort === 'start') return hitsByIds(await pageByStart(db, { where, today, offset, count: limit + 1 }));
        const order =
          sort === 'price'
            ? sql`o.price_cents asc, o.id`
            : sort === 'duration'
              ? sql`o.duration_minutes asc, o.id`
              : sql`o.published_at desc nulls last, o.id`;
        return rows<HitRow>(
          db,
          sql`select ${hitColumns}
              from offers o join organisations org on org.id = o.provider_id
              where ${where}
              order by ${order}
              limit ${limit + 1} offset ${offset}`,
        );
      };
      [hits, facetRows] = await readAll(db, [
        page,
        () => rows<FacetRow>(db, sql`select ${facetColumns} from offers o where ${where} group by ${facetSets}`),
      ]);
    }

    // grouping() sets one bit per column not grouped on, the first column the highest: a row of the
    // set (region) has 0b01111, of (format) 0b10111, …, the grand total 0b11111.
    const counts = {
      region: new Map<string, number>(),
      format: new Map<string, number>(),
      level: new Map<string, number>(),
      language: new Map<string, number>(),
      recognition: new Map<string, number>(),
    };
    const add = (map: Map<string, number>, value: string, n: number) => map.set(value, (map.get(value) ?? 0) + n);
    let total = 0;
    for (const r of facetRows) {
      const n = Number(r.n);
      const g = Number(r.g);
      if (g === 0b11111) total = n;
      else if (g === 0b01111 && r.region !== null) add(counts.region, r.region, n);
      else if (g === 0b10111 && r.format !== null) add(counts.format, r.format, n);
      else if (g === 0b11011 && r.level !== null) add(counts.level, String(r.level), n);
      else if (g === 0b11101) for (const l of r.languages ?? []) add(counts.language, l, n);
      else if (g === 0b11110) for (const k of r.recognitions ?? []) add(counts.recognition, k, n);
    }
    const facet = (map: Map<string, number>) =>
      [...map].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));

    return {
      total,
      items: hits.slice(0, limit).map(({ providerId, providerName, providerSlug, ...hit }) => ({
        ...hit,
        level: hit.level === null ? null : Number(hit.level),
        provider: { id: providerId, name: providerName, slug: providerSlug },
      })),
      nextCursor: hits.length > limit ? encodeCursor(offset + limit) : null,
      facets: {
        region: facet(counts.region),
        language: facet(counts.language),
        format: facet(counts.format),
        recognition: facet(counts.recognition),
        level: facet(counts.level),
      },
    };
  };
}

interface HitRow {
  id: string;
  providerId: string;
  providerName: string;
  providerSlug: string;
  title: LocalizedText;
  summary: LocalizedText;
  languages: string[];
  format: 'classroom' | 'online' | 'blended' | 'workplace';
  municipality: string | null;
  region: string | null;
  durationMinutes: number;
  priceCents: number;
  level: number | null;
  recognitions: string[];
  accessibility: string[];
  nextStartsOn: string | null;
}

interface FacetRow {
  g: number;
  region: string | null;
  format: string | null;
  level: number | null;
  languages: string[] | null;
  recognitions: string[] | null;
  n: number;
}

/** Editions the walk of pageByStart reads at most, per wanted offer and in all. */
const WALK_PER_OFFER = 20;
const MAX_WALK = 5_000;

/**
 * Ids of the matching offers at [offset, offset + count) in the order (next scheduled start from
 * today, id), offers without one last. Usually without computing every offer's next start: it reads
 * the first scheduled editions in (starts_on, offer_id) order (offer_editions_scheduled_start_idx)
 * and keeps those of matching offers; the first time an offer shows up is its next start, so the
 * first k distinct offers are the first k of the order. That is quick when many offers match (the
 * bare catalog, a region, a format). The walk reads a bounded number of editions, so a narrow
 * search never reads them all: when it does not find enough offers, each match's next start is
 * looked up instead (one probe of offer_editions_offer_idx per match).
 */
async function pageByStart(db: Db, input: { where: SQL; today: string; offset: number; count: number }): Promise<string[]> {
  const want = input.offset + input.count;
  const walk = Math.max(want * WALK_PER_OFFER, 500);
  if (walk <= MAX_WALK) {
    const walked = await rows<{ id: string }>(
      db,
      sql`select w.offer_id as id
          from (select e.offer_id, e.starts_on from offer_editions e
                where e.status = 'scheduled' and e.starts_on >= ${input.today}::date
                order by e.starts_on, e.offer_id limit ${walk}) w
          join offers o on o.id = w.offer_id
          where ${input.where}
          order by w.starts_on, w.offer_id`,
    );
    const seen = [...new Set(walked.map((r) => r.id))];
    if (seen.length >= want) return seen.slice(input.offset, want);
  }
  const sorted = await rows<{ id: string }>(
    db,
    sql`select o.id from offers o
        where ${input.where}
        order by (select min(e.starts_on) from offer_editions e where e.offer_id = o.id and e.status = 'scheduled' and e.starts_on >= ${input.today}::date) asc nulls last, o.id
        limit ${input.count} offset ${input.offset}`,
  );
  return sorted.map((r) => r.id);
}

export type OfferSearch = ReturnType<typeof createOfferSearch>;
