import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { LocalizedText } from '../../db/schema/columns.js';
import { buildSearchQuery } from '../../domain/competences/search-query.js';
import { brusselsDate } from '../../domain/offers/rules.js';
import { badRequest } from '../../server/errors.js';
import { rows } from './queries.js';
import type { SearchQuery, SearchResult } from './schemas.js';

/**
 * Public catalog search (issue 5 item 3): published offers only, no sign-in. Dutch full-text over
 * offers.search_nl (title weight A, description B) with the competence search's query builder: all
 * words ANDed, the last one also as a prefix ("excel begin" finds "Excel voor beginners").
 * Facet counts are taken over every offer matching the query and all filters, in one pass over a
 * CTE; the page is a second query. The cursor is an opaque offset.
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

const textArray = (values: readonly string[]) => sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;

export function createOfferSearch({ db, now = () => new Date() }: { db: Db; now?: () => Date }) {
  return async function search(input: SearchQuery): Promise<SearchResult> {
    const limit = input.limit ?? 20;
    const offset = decodeCursor(input.cursor);
    if (input.priceMin !== undefined && input.priceMax !== undefined && input.priceMin > input.priceMax) {
      throw badRequest('/querystring/priceMax', 'must not be below priceMin');
    }
    if (input.from && input.to && input.from > input.to) throw badRequest('/querystring/to', 'must not be before from');
    const today = brusselsDate(now());

    const conditions: SQL[] = [sql`o.status = 'published'`];
    const query = input.q ? buildSearchQuery(input.q) : null;
    let tsquery: SQL | null = null;
    if (query?.exact) {
      // Normalised once (stemmed, stop words dropped) and passed on as a constant. Only stop words
      // ("de het") leave an empty query, which would match nothing: then there is no text filter.
      const [normalised] = await rows<{ q: string }>(db, sql`select to_tsquery('dutch'::regconfig, ${query.prefix ?? query.exact})::text as q`);
      if (normalised?.q) tsquery = sql`${normalised.q}::tsquery`;
    }
    if (tsquery) conditions.push(sql`o.search_nl @@ ${tsquery}`);
    if (input.region?.length) conditions.push(sql`o.region = any(${textArray(input.region)})`);
    if (input.language?.length) conditions.push(sql`o.languages && ${textArray(input.language)}`);
    if (input.format?.length) conditions.push(sql`o.format::text = any(${textArray(input.format)})`);
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
    const order =
      sort === 'price'
        ? sql`o.price_cents asc`
        : sort === 'duration'
          ? sql`o.duration_minutes asc`
          : sort === 'start'
            ? sql`${nextStart} asc nulls last`
            : tsquery
              ? sql`ts_rank(o.search_nl, ${tsquery}, 32) desc`
              : sql`o.published_at desc nulls last`;

    const page = await rows<{
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
    }>(
      db,
      sql`select o.id, o.provider_id as "providerId", org.name as "providerName", org.slug as "providerSlug", o.title,
            jsonb_strip_nulls(jsonb_build_object('nl', left(o.description->>'nl', 300), 'fr', left(o.description->>'fr', 300), 'en', left(o.description->>'en', 300))) as summary,
            o.languages, o.format, o.municipality, o.region, o.duration_minutes as "durationMinutes", o.price_cents as "priceCents", o.level,
            o.recognitions, o.accessibility, ${nextStart}::text as "nextStartsOn"
          from offers o join organisations org on org.id = o.provider_id
          where ${where}
          order by ${order}, o.id
          limit ${limit + 1} offset ${offset}`,
    );

    const facetRows = await rows<{ f: string; v: string | null; n: number }>(
      db,
      sql`with m as materialized (select o.region, o.languages, o.format, o.recognitions, o.level from offers o where ${where})
          select 'total' as f, null as v, count(*)::int as n from m
          union all select 'region', region, count(*)::int from m where region is not null group by region
          union all select 'language', l, count(*)::int from m, unnest(m.languages) l group by l
          union all select 'format', format::text, count(*)::int from m group by format
          union all select 'recognition', r, count(*)::int from m, unnest(m.recognitions) r group by r
          union all select 'level', level::text, count(*)::int from m where level is not null group by level`,
    );
    const facet = (name: string) =>
      facetRows
        .filter((r) => r.f === name && r.v !== null)
        .map((r) => ({ value: r.v!, count: Number(r.n) }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    const total = Number(facetRows.find((r) => r.f === 'total')?.n ?? 0);

    return {
      total,
      items: page.slice(0, limit).map(({ providerId, providerName, providerSlug, ...hit }) => ({
        ...hit,
        level: hit.level === null ? null : Number(hit.level),
        provider: { id: providerId, name: providerName, slug: providerSlug },
      })),
      nextCursor: page.length > limit ? encodeCursor(offset + limit) : null,
      facets: { region: facet('region'), language: facet('language'), format: facet('format'), recognition: facet('recognition'), level: facet('level') },
    };
  };
}

export type OfferSearch = ReturnType<typeof createOfferSearch>;
