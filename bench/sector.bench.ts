/**
 * The sector-scale workload (bench/generate-sector.ts: a sector body, 50 members, 20,000 people,
 * 1,000,000 ratings, 50,000 offers) through the real app on loopback, per database kind. Every
 * figure is the median and p95 of RUNS runs (after WARMUPS), measured interleaved with its
 * reference in the same run, and reported as a ratio to it:
 * - API routes against a route on the same server that only returns 204 (the framework's floor
 *   on this machine);
 * - the aggregates (heat map and top needs of the largest member, the sector aggregate over every
 *   member, offer search) also against the best hand-written SQL for the same result, run directly
 *   on the same database (the database's floor). For the heat map and top needs that is the fastest,
 *   per database and run, of several formulations measured in the same rounds ("one grouping",
 *   "classes first", and the app's own statement taken from heatmapQuery, so the reference is never
 *   slower than the statement the app itself runs); the results name the one used and keep every candidate's
 *   figure (`references`). Before timing, every candidate is checked against the API's answer —
 *   shown heat-map cells and totals, top-needs items, order, figures and suppressed counts — and the
 *   run fails if one differs (checkHeatmap, checkTopNeeds);
 * - the offer CSV import against COPY of the same rows into tables of the same shape and indexes
 *   (PostgreSQL: server-side COPY FROM a file; PGlite: COPY FROM '/dev/blob').
 * There is no sector-aggregate route yet: "sector aggregate" is what a sector view built on
 * today's API costs — the member heat map (by target group) requested for every member in turn.
 * Writes bench/results/sector.json.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { PgDialect } from 'drizzle-orm/pg-core';
import { heatmapQuery } from '../src/modules/diagnosis/queries.js';
import type { Heatmap, TopNeeds } from '../src/modules/diagnosis/schemas.js';
import { DEFAULT_TOP_NEEDS } from '../src/modules/diagnosis/service.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { openSectorWorkload, type SectorManifest } from './generate-sector.js';
import { timedRequest, type LoadStep } from './http-load.js';
import {
  benchKinds,
  columnsOf,
  copyRows,
  benchScale,
  compare,
  figure,
  interleave,
  loadAverage,
  machineInfo,
  postgresUrlSource,
  writeResult,
  type BenchDatabaseKind,
  type Compared,
  type Figure,
} from './support.js';

const RUNS = benchScale === 'small' ? 5 : 15;
const WARMUPS = 2;
const IMPORT_RUNS = benchScale === 'small' ? 3 : 5;
const IMPORT_OFFERS = benchScale === 'small' ? 100 : 1_000;
const POOL_SIZE = 10;

type Get = (path: string, cookie?: string) => Promise<string>;

/** A hand-written heat map (used by SECTOR_AGGREGATE): persons, gap sum, gap ≥ 1 / ≥ 2 per competence × group. */
function heatmapSql(groupColumn: string, campaignJoin: string, campaignWhere: string, required: string) {
  return `select cs.competence_id, ${groupColumn}::text as group_id, count(*)::int as persons,
            sum(greatest(0, ${required} - cs.current_level))::int as gap_sum,
            count(*) filter (where ${required} - cs.current_level >= 1)::int as gap1,
            count(*) filter (where ${required} - cs.current_level >= 2)::int as gap2
          from competence_status cs join people p on p.id = cs.person_id ${campaignJoin}
          where ${campaignWhere}
          group by 1, 2`;
}

/*
 * The heat map of a named campaign ($1 organisation, $2 campaign), without filters, as the app
 * defines it (src/modules/diagnosis/queries.ts): the subjects are the organisation's people who
 * submitted a response in the campaign OR were rated in it; the competences are the campaign's;
 * the required level is the person's function profile's, else the campaign's default, and cells
 * without one are left out. Columns: competence_id, group_id (text, null = no group), persons,
 * gap_sum, gap1, gap2. Several hand-written formulations are measured in every run and the fastest
 * (per database) is the reference; the sameness checks below hold each one to the app's answer.
 */
type HeatGroup = 'team' | 'target_group';
const GROUP_COLUMN: Record<HeatGroup, string> = { team: 's.team_id', target_group: 's.target_group' };
const SUBJECTS = `s.organisation_id = $1
    and (exists (select 1 from survey_responses r where r.person_id = s.id and r.campaign_id = $2 and r.status = 'submitted')
         or exists (select 1 from assessments a where a.campaign_id = $2 and a.person_id = s.id))`;
const REQUIRED = 'coalesce(fpc.required_level, cc.default_required_level)';

/**
 * "one grouping": every diagnosis row of the subjects joined with its required level, grouped
 * once by the raw group column (uuid / enum, cheaper to hash than text). The subject test is two
 * EXISTS per person (a hashed set of the responders, the rating index only for the others), not
 * per diagnosis row: the old reference probed the ratings 93,575 times for 3,743 people.
 */
function heatmapOneGrouping(group: HeatGroup): string {
  return `select cs.competence_id, ${GROUP_COLUMN[group]}::text as group_id, count(*)::int as persons,
      sum(greatest(0, ${REQUIRED} - cs.current_level))::int as gap_sum,
      count(*) filter (where ${REQUIRED} - cs.current_level >= 1)::int as gap1,
      count(*) filter (where ${REQUIRED} - cs.current_level >= 2)::int as gap2
    from competence_status cs
    join people s on s.id = cs.subject_id
    join campaign_competences cc on cc.campaign_id = $2 and cc.competence_id = cs.competence_id
    left join function_profile_competences fpc on fpc.profile_id = s.function_profile_id and fpc.competence_id = cs.competence_id
    where cs.organisation_id = $1 and cs.person_id is not null and ${SUBJECTS} and ${REQUIRED} is not null
    group by cs.competence_id, ${GROUP_COLUMN[group]}`;
}

/**
 * "classes first": the diagnosis rows folded into classes (competence, group, profile, level)
 * first, the required level joined to the classes — the app's plan, without its filter columns.
 * Wins when there are few classes (by target group: ~2,500 classes for 93,575 rows).
 */
function heatmapClassesFirst(group: HeatGroup): string {
  return `with a as (
      select cs.competence_id, ${GROUP_COLUMN[group]} as g, s.function_profile_id as p, cs.current_level as lvl, count(*)::int as n
      from competence_status cs join people s on s.id = cs.subject_id
      where cs.organisation_id = $1 and cs.person_id is not null and ${SUBJECTS}
      group by 1, 2, 3, 4)
    select a.competence_id, a.g::text as group_id, sum(a.n)::int as persons,
      sum(a.n * greatest(0, ${REQUIRED} - a.lvl))::int as gap_sum,
      coalesce(sum(a.n) filter (where ${REQUIRED} - a.lvl >= 1), 0)::int as gap1,
      coalesce(sum(a.n) filter (where ${REQUIRED} - a.lvl >= 2), 0)::int as gap2
    from a join campaign_competences cc on cc.campaign_id = $2 and cc.competence_id = a.competence_id
    left join function_profile_competences fpc on fpc.profile_id = a.p and fpc.competence_id = a.competence_id
    where ${REQUIRED} is not null
    group by a.competence_id, a.g`;
}

/** The statement the app runs for this heat map (heatmapQuery, no filters), as text with $1 / $2. */
function heatmapAppStatement(group: HeatGroup): string {
  const org = '00000000-0000-7000-8000-00000000000a';
  const campaign = '00000000-0000-7000-8000-00000000000b';
  const { query } = heatmapQuery({ organisationId: org, campaign: { id: campaign, title: '', mode: 'named' } }, group, {});
  const { sql: text, params } = new PgDialect().sqlToQuery(query);
  return text.replace(/\$(\d+)/g, (_m, n: string) => {
    const value = params[Number(n) - 1];
    if (value !== org && value !== campaign) throw new Error(`unexpected parameter ${String(value)} in the app's heat-map statement`);
    return value === org ? '$1' : '$2';
  });
}

/** The candidates for one heat map, by name (the name appears in the results). */
function heatmapCandidates(group: HeatGroup): Record<string, string> {
  return {
    'one grouping': heatmapOneGrouping(group),
    'classes first': heatmapClassesFirst(group),
    "the app's own statement": heatmapAppStatement(group),
  };
}

/**
 * Top needs ($1 organisation, $2 campaign, $3 the organisation's k, $4 items per group) from the
 * heat map by target group `cells`, with the app's rules (src/domain/anonymity/disclosure.ts,
 * rankTopNeeds in src/modules/diagnosis/service.ts): a cell is shown from k persons; in a
 * competence whose total is shown, while one non-empty cell is hidden or the hidden ones hold
 * fewer than k persons, the smallest shown cells (then by group key) are hidden too (without
 * filters there is no differencing); per target group the shown cells are ranked by share with a
 * gap ≥ 1, mean gap (both rounded to 3 decimals as in the API), label, key. `suppressed` counts
 * the group's hidden cells over all the campaign's competences. One row per item, and one row
 * with rank null for a group with cells but no item.
 */
function topNeedsSql(cells: string): string {
  const k = 'greatest(3, $3::int)';
  const rounded = (n: string) => `floor(${n}::float8 / c.persons * 1000 + 0.5) / 1000`;
  return `with cells as (${cells}),
    listed as (select count(*)::int as n from campaign_competences where campaign_id = $2),
    parts as (
      select c.*,
        sum(c.persons) over (partition by c.competence_id) as total,
        count(*) filter (where c.persons < ${k}) over (partition by c.competence_id) as hidden_n,
        coalesce(sum(c.persons) filter (where c.persons < ${k}) over (partition by c.competence_id), 0) as hidden_sum,
        count(*) filter (where c.persons >= ${k}) over smaller as shown_rank,
        sum(c.persons) filter (where c.persons >= ${k}) over smaller as shown_cum
      from cells c where c.persons > 0
      window smaller as (partition by c.competence_id order by c.persons, c.group_id collate "C" rows between unbounded preceding and current row)),
    shown as (
      select c.*, ${rounded('c.gap1')} as share1, ${rounded('c.gap_sum')} as mean_gap from parts c
      where c.persons >= ${k}
        and not (c.total >= ${k} and c.hidden_n > 0 and (c.hidden_n + c.shown_rank - 1 = 1 or c.hidden_sum + c.shown_cum - c.persons < ${k}))),
    ranked as (
      select s.group_id, s.competence_id, co.key, co.label, s.persons, s.gap_sum, s.gap1, s.gap2,
        row_number() over (partition by s.group_id order by s.share1 desc, s.mean_gap desc, co.label->>'nl' collate "und-x-icu", co.key collate "und-x-icu") as rank,
        count(*) over (partition by s.group_id) as shown_n
      from shown s join competences co on co.id = s.competence_id)
    select g.group_id, r.rank::int, r.competence_id, r.key, r.label, r.persons, r.gap_sum, r.gap1, r.gap2,
      (select n from listed) - coalesce(r.shown_n, 0)::int as suppressed
    from (select distinct group_id from cells where persons > 0) g
    left join ranked r on r.group_id = g.group_id and r.rank <= $4
    order by g.group_id, r.rank`;
}

function topNeedsCandidates(): Record<string, string> {
  return Object.fromEntries(Object.entries(heatmapCandidates('target_group')).map(([name, cells]) => [name, topNeedsSql(cells)]));
}

interface HeatRow {
  competence_id: string;
  group_id: string | null;
  persons: number;
  gap_sum: number;
  gap1: number;
  gap2: number;
}
interface TopRow extends HeatRow {
  rank: number | null;
  key: string;
  suppressed: number;
}

/** The API's rounding (src/modules/diagnosis/service.ts). */
const round3 = (value: number) => Math.round(value * 1000) / 1000;
const figuresOf = (r: HeatRow) => ({
  assessed: r.persons,
  meanGap: round3(r.gap_sum / r.persons),
  shareGap1: round3(r.gap1 / r.persons),
  shareGap2: round3(r.gap2 / r.persons),
});
const sameFigures = (api: Record<string, unknown>, r: HeatRow) => Object.entries(figuresOf(r)).every(([k, v]) => api[k] === v);

/**
 * A candidate's cells against the API's heat map: no cell outside the API's grid (its
 * competences × groups), every shown cell and every shown total equal to the candidate's figures.
 * Throws on the first difference: a reference that answers something else is no reference.
 */
function checkHeatmap(name: string, api: Heatmap, rows: HeatRow[]) {
  const fail = (why: string) => {
    throw new Error(`hand-written heat map "${name}" differs from the API: ${why}`);
  };
  const competences = new Set(api.competences.map((c) => c.id));
  const groups = new Set(api.groups.map((g) => g.id));
  const byCell = new Map<string, HeatRow>();
  const totals = new Map<string, HeatRow>();
  for (const r of rows) {
    const group = r.group_id ?? 'none';
    if (!competences.has(r.competence_id) || !groups.has(group)) fail(`cell ${r.competence_id} × ${group} is not in the API's grid`);
    byCell.set(`${r.competence_id}|${group}`, r);
    const t = totals.get(r.competence_id) ?? { ...r, persons: 0, gap_sum: 0, gap1: 0, gap2: 0 };
    t.persons += r.persons;
    t.gap_sum += r.gap_sum;
    t.gap1 += r.gap1;
    t.gap2 += r.gap2;
    totals.set(r.competence_id, t);
  }
  for (const c of api.cells) {
    if (!c.shown) continue;
    const r = byCell.get(`${c.competenceId}|${c.groupId}`);
    if (!r || !sameFigures(c, r))
      fail(`shown cell ${c.competenceId} × ${c.groupId}: API ${JSON.stringify(c)}, SQL ${JSON.stringify(r ?? null)}`);
  }
  for (const t of api.totals) {
    if (!t.shown) continue;
    const r = totals.get(t.competenceId);
    if (!r || !sameFigures(t, r)) fail(`total of ${t.competenceId}: API ${JSON.stringify(t)}, SQL ${JSON.stringify(r ?? null)}`);
  }
  if (!api.cells.some((c) => c.shown)) fail('the API shows no cell, nothing to compare');
}

/** A candidate's top needs against the API's: the same items, order, figures and suppressed counts. */
function checkTopNeeds(name: string, api: TopNeeds, rows: TopRow[]) {
  for (const g of api.groups) {
    const mine = rows.filter((r) => r.group_id === g.targetGroup);
    const items = mine.filter((r) => r.rank !== null);
    const suppressed = mine.length ? mine[0].suppressed : 0;
    const same =
      suppressed === g.suppressed &&
      items.length === g.items.length &&
      items.every((r, i) => r.competence_id === g.items[i].competenceId && sameFigures(g.items[i], r));
    if (!same)
      throw new Error(
        `hand-written top needs "${name}" differ from the API for ${g.targetGroup}: API ${JSON.stringify({ suppressed: g.suppressed, items: g.items.map((i) => [i.key, i.assessed, i.shareGap1, i.meanGap]) })}, SQL ${JSON.stringify({ suppressed, items: items.map((r) => [r.key, r.persons, figuresOf(r).shareGap1, figuresOf(r).meanGap]) })}`,
      );
  }
  const known = new Set(api.groups.map((g) => g.targetGroup as string));
  const stray = rows.find((r) => !known.has(r.group_id ?? 'none'));
  if (stray) throw new Error(`hand-written top needs "${name}" have a group the API does not: ${stray.group_id}`);
}

/** Every member at once, by member × target group × competence (the profile's required level). */
const SECTOR_AGGREGATE = heatmapSql(
  "p.organisation_id::text || '/' || p.target_group",
  'join function_profile_competences fpc on fpc.profile_id = p.function_profile_id and fpc.competence_id = cs.competence_id',
  'cs.organisation_id in (select member_id from sector_memberships where sector_id = $1) and p.organisation_id = cs.organisation_id',
  'fpc.required_level',
);

/** The search's result (page of 20 with the hit columns, total and facet counts) in one statement. */
function searchSql(match: string, order: string) {
  return `with m as materialized (
      select o.id, o.region, o.format, o.level, o.languages, o.recognitions, o.price_cents, o.published_at, ${order.includes('score') ? 'ts_rank(o.search_nl, q, 32)' : '0::real'} as score
      from offers o, to_tsquery('dutch', $1) q where o.status = 'published' and ${match}),
    page as (
      select o.id, o.provider_id, org.name, org.slug, o.title, left(o.description->>'nl', 300) as summary, o.languages, o.format, o.municipality,
             o.region, o.duration_minutes, o.price_cents, o.level, o.recognitions, o.accessibility,
             (select min(e.starts_on) from offer_editions e where e.offer_id = o.id and e.status = 'scheduled' and e.starts_on >= current_date) as next_start
      from (select id, score, published_at, price_cents from m order by ${order} limit 21) h
      join offers o on o.id = h.id join organisations org on org.id = o.provider_id)
    select (select json_agg(page) from page) as page,
           (select json_agg(f) from (select grouping(region, format, level, languages, recognitions) as g, region, format, level, languages,
                                            recognitions, count(*) as n from m group by grouping sets ((region), (format), (level), (languages), (recognitions), ())) f) as facets`;
}

const SEARCHES = [
  {
    what: 'offer search, text (q=heftruck)',
    path: '/api/offers?q=heftruck',
    sql: searchSql('o.search_nl @@ q', 'score desc, id'),
    param: 'heftruck',
  },
  {
    what: 'offer search, facets (region=antwerpen, format=classroom)',
    path: '/api/offers?region=antwerpen&format=classroom',
    sql: searchSql("o.region = 'antwerpen' and o.format = 'classroom' and q is not null", 'published_at desc nulls last, id'),
    param: 'x',
  },
];

async function measureKind(kind: BenchDatabaseKind, log: (line: string) => void) {
  const opened = performance.now();
  const { database, manifest } = await openSectorWorkload(kind, { poolSize: POOL_SIZE, log });
  const openMs = Math.round(performance.now() - opened);
  const loadBefore = loadAverage();
  const config = loadConfig({ LOG_LEVEL: 'silent', LEERKOMPAS_LOGIN_LIMIT: '1000' });
  const app = await buildApp({ config, database, version: 'bench' });
  // Benchmark-only: the floor the server reaches with no work at all, through the same hooks.
  app.get('/bench/noop', { schema: { hide: true } }, (_request, reply) => reply.code(204).send());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const comparisons: Compared[] = [];
  const references: Record<string, { used: string; candidates: Array<{ name: string } & Figure> }> = {};
  const extra: Record<string, unknown> = { references };
  try {
    const request = async (step: LoadStep, expect: number) => {
      const reply = await timedRequest(agent, origin, step);
      if (reply.status !== expect) throw new Error(`${step.method} ${step.path} answered ${reply.status}: ${reply.body.slice(0, 400)}`);
      return reply;
    };
    const login = async (who: SectorManifest['hr']) => {
      const reply = await request({ label: 'login', method: 'POST', path: '/api/auth/login', body: who }, 200);
      const cookie = [reply.headers['set-cookie']]
        .flat()
        .find((c) => c?.startsWith('lk_session='))!
        .split(';')[0];
      return { cookie, csrf: (JSON.parse(reply.body) as { csrfToken: string }).csrfToken };
    };
    const hrCookie = (await login(manifest.hr)).cookie;
    const adminLogin = await login(manifest.admin);
    const adminCookie = adminLogin.cookie;
    const get: Get = async (p, cookie) =>
      (await request({ label: 'get', method: 'GET', path: p, headers: cookie ? { cookie } : {} }, 200)).body;
    const noop = () => request({ label: 'noop', method: 'GET', path: '/bench/noop' }, 204);
    const sqlRun = (text: string, params: unknown[]) => () => database.query(text, params);
    /**
     * The route against the 204 route and against hand-written SQL. With several formulations
     * (name → statement), all are run in every round and the fastest median is the reference;
     * every candidate's figure is kept in `references`.
     */
    const apiAndSql = async (
      what: string,
      api: () => Promise<unknown>,
      sqlText: string | Record<string, string>,
      params: unknown[],
      noops = 1,
      note?: string,
    ) => {
      const noopRound = async () => {
        for (let i = 0; i < noops; i++) await noop();
      };
      const candidates = typeof sqlText === 'string' ? { 'hand-written SQL': sqlText } : sqlText;
      const names = Object.keys(candidates);
      const [a, n, ...s] = await interleave(RUNS, WARMUPS, [api, noopRound, ...names.map((name) => sqlRun(candidates[name], params))]);
      const figures = names.map((name, i) => ({ name, ...figure(s[i]) }));
      const best = figures.reduce((b, f) => (f.medianMs < b.medianMs ? f : b));
      const vs204 = compare(what, a, noops === 1 ? '204 route, same server' : `${noops} requests to the 204 route`, n, note);
      const vsSql = compare(
        what,
        a,
        names.length === 1
          ? 'hand-written SQL, same database'
          : `hand-written SQL, same database: "${best.name}", the fastest of ${figures.map((f) => `"${f.name}" ${f.medianMs} ms`).join(', ')}`,
        s[names.indexOf(best.name)],
        note,
      );
      comparisons.push(vs204, vsSql);
      if (names.length > 1) references[what] = { used: best.name, candidates: figures };
      log(
        `${kind} ${what}: median ${vs204.measured.medianMs} ms, p95 ${vs204.measured.p95Ms} ms; ×${vs204.ratio} the 204 route, ×${vsSql.ratio} the hand-written SQL (${vsSql.reference.medianMs} ms${names.length > 1 ? `: ${figures.map((f) => `${f.name} ${f.medianMs}`).join(', ')}` : ''})`,
      );
    };

    // ------------------------------------------------------------ aggregates of the largest member
    const org = manifest.largest.organisationId;
    const campaign = manifest.largest.closedCampaignId;
    const base = `/api/organisations/${org}/diagnosis`;
    // Every candidate must give the app's answer (checkHeatmap / checkTopNeeds throw otherwise).
    const heatPath = `${base}/heatmap?groupBy=team&campaignId=${campaign}`;
    const heat = JSON.parse(await get(heatPath, hrCookie)) as Heatmap;
    const heatCandidates = heatmapCandidates('team');
    for (const [name, text] of Object.entries(heatCandidates))
      checkHeatmap(name, heat, await database.query<HeatRow>(text, [org, campaign]));
    const topPath = `${base}/top-needs?campaignId=${campaign}`;
    const top = JSON.parse(await get(topPath, hrCookie)) as TopNeeds;
    const topParams = [org, campaign, top.threshold, DEFAULT_TOP_NEEDS];
    const topCandidates = topNeedsCandidates();
    for (const [name, text] of Object.entries(topCandidates)) checkTopNeeds(name, top, await database.query<TopRow>(text, topParams));
    const handHeat = await database.query<HeatRow>(heatCandidates['one grouping'], [org, campaign]);
    extra.heatmapCells = {
      api: heat.cells.length,
      handWritten: handHeat.length,
      shownByApi: heat.cells.filter((c) => c.shown).length,
      sameAsApi: 'every candidate: each shown cell and total of the API equals its cells; no cell outside the API grid',
    };
    extra.topNeeds = {
      items: top.groups.map((g) => ({ targetGroup: g.targetGroup, items: g.items.length, suppressed: g.suppressed })),
      sameAsApi: 'every candidate: the same items in the same order with the same figures, and the same suppressed counts',
    };
    if (!heat.cells.some((c) => c.shown)) throw new Error('the heat map shows no cell');
    await apiAndSql(
      `heat map by team, largest member (${manifest.largest.people} people, closed campaign)`,
      () => get(heatPath, hrCookie),
      heatCandidates,
      [org, campaign],
    );
    await apiAndSql('top needs per target group, largest member', () => get(topPath, hrCookie), topCandidates, topParams);

    // ------------------------------------------------------------ the sector aggregate
    const members = manifest.memberIds;
    await apiAndSql(
      `sector aggregate: heat map by target group of all ${members.length} members (${members.length} requests)`,
      async () => {
        for (const member of members) await get(`/api/organisations/${member}/diagnosis/heatmap?groupBy=target_group`, adminCookie);
      },
      SECTOR_AGGREGATE,
      [manifest.sectorId],
      members.length,
      'no sector route exists: one heat-map request per member, in turn',
    );

    // ------------------------------------------------------------ offer search
    for (const s of SEARCHES) await apiAndSql(s.what, () => get(s.path), s.sql, [s.param]);

    // ------------------------------------------------------------ offer CSV import against COPY
    const providers = await database.query<{ id: string }>(
      "select id from organisations where kind = 'training_provider' and slug like 'bench-provider-%' order by slug",
    );
    const records: string[][] = [];
    let header: string[] = [];
    for (const p of providers) {
      const csv = await get(`/api/organisations/${p.id}/offers/export.csv`, adminCookie);
      const rows = parse(csv, { bom: true, relax_column_count: true }) as string[][];
      header = rows[0];
      records.push(...rows.slice(1));
      if (records.length >= IMPORT_OFFERS * 1.3) break;
    }
    const codeColumn = header.indexOf('code');
    if (codeColumn < 0 || records.length < IMPORT_OFFERS)
      throw new Error(`export gave ${records.length} offers, header ${header.join(',')}`);
    const importer = crypto.randomUUID();
    await database.query("insert into organisations (id, name, slug, kind) values ($1, 'Bench importeur', $2, 'training_provider')", [
      importer,
      `bench-import-${importer.slice(-12)}`,
    ]);
    const tables = ['offers', 'offer_editions', 'offer_competences'] as const;
    const columns = Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await columnsOf(database, t)] as const)));
    await database.exec(
      tables.map((t) => `drop table if exists bench_copy_${t}; create table bench_copy_${t} (like ${t} including all);`).join('\n'),
    );
    // A warm-up import of every exported row tells which ones the import accepts today (the
    // generated editions include past ones, which an import refuses); the runs use those.
    const probe = await postCsv(
      origin,
      `/api/organisations/${importer}/offers/import`,
      adminLogin,
      stringify([header, ...records.map((r, i) => r.map((v, c) => (c === codeColumn ? `P-${importer.slice(-6)}-${i}` : v)))]),
    );
    const refused = new Set(probe.result.errors.map((e) => Number((e as { code: string }).code.split('-').pop())));
    const accepted = records.filter((_r, i) => !refused.has(i));
    if (accepted.length < IMPORT_OFFERS) throw new Error(`only ${accepted.length} exported offers import cleanly`);
    records.splice(0, records.length, ...accepted);
    const importMs: number[] = [];
    const copyMs: number[] = [];
    let copyError: string | null = null;
    let imported = 0;
    for (let run = 1; run <= IMPORT_RUNS; run++) {
      const prefix = `R${run}-${importer.slice(-6)}-`;
      const body = stringify([
        header,
        ...records.slice(0, IMPORT_OFFERS).map((r, i) => r.map((v, c) => (c === codeColumn ? `${prefix}${i}` : v))),
      ]);
      const { ms, result } = await postCsv(origin, `/api/organisations/${importer}/offers/import`, adminLogin, body);
      if (result.created !== IMPORT_OFFERS || result.errors.length)
        throw new Error(`import run ${run}: ${JSON.stringify(result).slice(0, 400)}`);
      imported += result.created;
      const of = `select id from offers where provider_id = '${importer}' and code like '${prefix}%'`;
      let copied = 0;
      try {
        copied += await copyRows(database, `select ${columns.offers} from offers where id in (${of})`, 'bench_copy_offers', columns.offers);
        copied += await copyRows(
          database,
          `select ${columns.offer_editions} from offer_editions where offer_id in (${of})`,
          'bench_copy_offer_editions',
          columns.offer_editions,
        );
        copied += await copyRows(
          database,
          `select ${columns.offer_competences} from offer_competences where offer_id in (${of})`,
          'bench_copy_offer_competences',
          columns.offer_competences,
        );
      } catch (error) {
        copyError = (error as Error).message;
      }
      importMs.push(ms);
      if (!copyError) copyMs.push(copied);
    }
    const [rowsWritten] = await database.query<{ offers: number; editions: number; tags: number }>(
      `select (select count(*)::int from bench_copy_offers) as offers, (select count(*)::int from bench_copy_offer_editions) as editions,
              (select count(*)::int from bench_copy_offer_competences) as tags`,
    );
    await database.exec(tables.map((t) => `drop table bench_copy_${t};`).join('\n'));
    extra.import = { offersPerRun: IMPORT_OFFERS, runs: IMPORT_RUNS, rowsPerRun: rowsWritten, imported, copyError };
    const what = `offer CSV import, ${IMPORT_OFFERS} new offers (POST …/offers/import)`;
    if (copyError) {
      const m = compare(what, importMs, 'COPY unavailable', importMs, `COPY failed: ${copyError}`);
      comparisons.push(m);
      log(`${kind} ${what}: median ${m.measured.medianMs} ms; COPY failed: ${copyError}`);
    } else {
      const m = compare(
        what,
        importMs,
        kind === 'pglite' ? "COPY FROM '/dev/blob' of the same rows" : 'COPY FROM a file of the same rows (server-side)',
        copyMs,
        `${rowsWritten.offers} offers, ${rowsWritten.editions} editions, ${rowsWritten.tags} competence tags per run`,
      );
      comparisons.push(m);
      log(`${kind} ${what}: median ${m.measured.medianMs} ms, p95 ${m.measured.p95Ms} ms; COPY ${m.reference.medianMs} ms; ×${m.ratio}`);
    }
  } finally {
    agent.destroy();
    await app.close();
    await database.close();
  }
  return {
    members: manifest.counts.members,
    people: manifest.counts.people,
    ratings: manifest.counts.ratings,
    offers: manifest.counts.offers,
    setupMs: manifest.timings.total,
    ratingsSetupMs: manifest.timings.ratings,
    openMs,
    loadAverage: { before: loadBefore, after: loadAverage(), setup: manifest.loadAverage },
    setup: { counts: manifest.counts, timings: manifest.timings, generatedAt: manifest.generatedAt },
    runs: RUNS,
    warmups: WARMUPS,
    comparisons,
    ...extra,
  };
}

/** POSTs a CSV body (timedRequest sends JSON) and returns the time and the import result. */
async function postCsv(origin: string, p: string, who: { cookie: string; csrf: string }, body: string) {
  const started = performance.now();
  const res = await fetch(new URL(p, origin), {
    method: 'POST',
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': 'text/csv' },
    body,
  });
  const text = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`POST ${p} answered ${res.status}: ${text.slice(0, 400)}`);
  return { ms, result: JSON.parse(text) as { created: number; errors: unknown[] } };
}

export async function runSectorBench() {
  const results: Record<string, Awaited<ReturnType<typeof measureKind>>> = {};
  for (const kind of await benchKinds()) results[kind] = await measureKind(kind, (line) => console.log(`sector ${line}`));
  const output = {
    benchmark: 'sector',
    title: `Sector scale (${benchScale}): aggregates, search and import against their floors`,
    at: new Date().toISOString(),
    scale: benchScale,
    machine: machineInfo(),
    postgres: postgresUrlSource,
    note: `Median and p95 of ${RUNS} runs after ${WARMUPS} warm-ups (imports: ${IMPORT_RUNS} after a warm-up import), each interleaved with its reference; ratio = median / reference median.`,
    meetsTarget: null,
    results,
  };
  writeResult('sector.json', output);
  return output;
}

if (import.meta.url === `file://${process.argv[1]}`) await runSectorBench();
