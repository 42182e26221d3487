/**
 * The sector-scale workload (bench/generate-sector.ts: a sector body, 50 members, 20,000 people,
 * 1,000,000 ratings, 50,000 offers) through the real app on loopback, per database kind. Every
 * figure is the median and p95 of RUNS runs (after WARMUPS), measured interleaved with its
 * reference in the same run, and reported as a ratio to it:
 * - API routes against a route on the same server that only returns 204 (the framework's floor
 *   on this machine);
 * - the aggregates (heat map and top needs of the largest member, the sector aggregate over every
 *   member, offer search) also against the best hand-written SQL for the same result, run directly
 *   on the same database (the database's floor);
 * - the offer CSV import against COPY of the same rows into tables of the same shape and indexes
 *   (PostgreSQL: server-side COPY FROM a file; PGlite: COPY FROM '/dev/blob').
 * There is no sector-aggregate route yet: "sector aggregate" is what a sector view built on
 * today's API costs — the member heat map (by target group) requested for every member in turn.
 * Writes bench/results/sector.json.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Database } from '../src/db/client.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { openSectorWorkload, type SectorManifest } from './generate-sector.js';
import { timedRequest, type LoadStep } from './http-load.js';
import {
  benchKinds,
  benchScale,
  compare,
  interleave,
  loadAverage,
  machineInfo,
  postgresUrlSource,
  writeResult,
  type BenchDatabaseKind,
  type Compared,
} from './support.js';

const RUNS = benchScale === 'small' ? 5 : 15;
const WARMUPS = 2;
const IMPORT_RUNS = benchScale === 'small' ? 3 : 5;
const IMPORT_OFFERS = benchScale === 'small' ? 100 : 1_000;
const POOL_SIZE = 10;

type Get = (path: string, cookie?: string) => Promise<string>;

/** The hand-written heat map of one member: persons, gap sum, gap ≥ 1 / ≥ 2 per competence × group. */
function heatmapSql(groupColumn: string, campaignJoin: string, campaignWhere: string, required: string) {
  return `select cs.competence_id, ${groupColumn}::text as group_id, count(*)::int as persons,
            sum(greatest(0, ${required} - cs.current_level))::int as gap_sum,
            count(*) filter (where ${required} - cs.current_level >= 1)::int as gap1,
            count(*) filter (where ${required} - cs.current_level >= 2)::int as gap2
          from competence_status cs join people p on p.id = cs.person_id ${campaignJoin}
          where ${campaignWhere}
          group by 1, 2`;
}

const HEATMAP_BY_TEAM = heatmapSql(
  'p.team_id',
  `join campaign_competences cc on cc.campaign_id = $2 and cc.competence_id = cs.competence_id
   left join function_profile_competences fpc on fpc.profile_id = p.function_profile_id and fpc.competence_id = cs.competence_id`,
  `cs.organisation_id = $1 and p.organisation_id = $1 and exists (select 1 from assessments a where a.campaign_id = $2 and a.person_id = p.id)`,
  'coalesce(fpc.required_level, cc.default_required_level)',
);

const TOP_NEEDS = `with cells as (${heatmapSql(
  'p.target_group',
  `join campaign_competences cc on cc.campaign_id = $2 and cc.competence_id = cs.competence_id
   left join function_profile_competences fpc on fpc.profile_id = p.function_profile_id and fpc.competence_id = cs.competence_id`,
  `cs.organisation_id = $1 and p.organisation_id = $1 and exists (select 1 from assessments a where a.campaign_id = $2 and a.person_id = p.id)`,
  'coalesce(fpc.required_level, cc.default_required_level)',
)})
  select r.group_id, r.competence_id, c.label, r.persons, r.gap1 from (
    select cells.*, row_number() over (partition by group_id order by gap1::real / persons desc, gap_sum desc, competence_id) as rank
    from cells where persons >= 5) r
  join competences c on c.id = r.competence_id where r.rank <= 5 order by r.group_id, r.rank`;

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
  { what: 'offer search, text (q=heftruck)', path: '/api/offers?q=heftruck', sql: searchSql('o.search_nl @@ q', 'score desc, id'), param: 'heftruck' },
  {
    what: 'offer search, facets (region=antwerpen, format=classroom)',
    path: '/api/offers?region=antwerpen&format=classroom',
    sql: searchSql("o.region = 'antwerpen' and o.format = 'classroom' and q is not null", 'published_at desc nulls last, id'),
    param: 'x',
  },
];

async function columnsOf(database: Database, table: string): Promise<string> {
  const rows = await database.query<{ column_name: string }>(
    `select column_name from information_schema.columns where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER' order by ordinal_position`,
    [table],
  );
  return rows.map((r) => `"${r.column_name}"`).join(', ');
}

/**
 * COPY of the rows `select` gives (as written by an import) into `target` (a copy of the table with
 * its indexes): the database's floor for writing those rows. Returns the COPY FROM time in ms.
 */
async function copyRows(database: Database, select: string, target: string, columns: string): Promise<number> {
  await database.exec(`truncate ${target}`);
  if (database.pglite) {
    const out = await database.pglite.query(`COPY (${select}) TO '/dev/blob'`);
    const started = performance.now();
    await database.pglite.query(`COPY ${target} (${columns}) FROM '/dev/blob'`, [], { blob: out.blob! });
    return performance.now() - started;
  }
  const file = path.join(os.tmpdir(), `lk-bench-copy-${process.pid}-${target}.copy`);
  await database.exec(`COPY (${select}) TO '${file}'`);
  try {
    const started = performance.now();
    await database.exec(`COPY ${target} (${columns}) FROM '${file}'`);
    return performance.now() - started;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

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
  const extra: Record<string, unknown> = {};
  try {
    const request = async (step: LoadStep, expect: number) => {
      const reply = await timedRequest(agent, origin, step);
      if (reply.status !== expect) throw new Error(`${step.method} ${step.path} answered ${reply.status}: ${reply.body.slice(0, 400)}`);
      return reply;
    };
    const login = async (who: SectorManifest['hr']) => {
      const reply = await request({ label: 'login', method: 'POST', path: '/api/auth/login', body: who }, 200);
      const cookie = [reply.headers['set-cookie']].flat().find((c) => c?.startsWith('lk_session='))!.split(';')[0];
      return { cookie, csrf: (JSON.parse(reply.body) as { csrfToken: string }).csrfToken };
    };
    const hrCookie = (await login(manifest.hr)).cookie;
    const adminLogin = await login(manifest.admin);
    const adminCookie = adminLogin.cookie;
    const get: Get = async (p, cookie) => (await request({ label: 'get', method: 'GET', path: p, headers: cookie ? { cookie } : {} }, 200)).body;
    const noop = () => request({ label: 'noop', method: 'GET', path: '/bench/noop' }, 204);
    const sqlRun = (text: string, params: unknown[]) => () => database.query(text, params);
    const apiAndSql = async (what: string, api: () => Promise<unknown>, sqlText: string, params: unknown[], noops = 1, note?: string) => {
      const noopRound = async () => {
        for (let i = 0; i < noops; i++) await noop();
      };
      const [a, n, s] = await interleave(RUNS, WARMUPS, [api, noopRound, sqlRun(sqlText, params)]);
      const vs204 = compare(what, a, noops === 1 ? '204 route, same server' : `${noops} requests to the 204 route`, n, note);
      const vsSql = compare(what, a, 'hand-written SQL, same database', s, note);
      comparisons.push(vs204, vsSql);
      log(
        `${kind} ${what}: median ${vs204.measured.medianMs} ms, p95 ${vs204.measured.p95Ms} ms; ×${vs204.ratio} the 204 route, ×${vsSql.ratio} the hand-written SQL (${vsSql.reference.medianMs} ms)`,
      );
    };

    // ------------------------------------------------------------ aggregates of the largest member
    const org = manifest.largest.organisationId;
    const campaign = manifest.largest.closedCampaignId;
    const base = `/api/organisations/${org}/diagnosis`;
    const heat = JSON.parse(await get(`${base}/heatmap?groupBy=team&campaignId=${campaign}`, hrCookie)) as {
      cells: Array<{ shown: boolean; persons?: number }>;
    };
    const handHeat = await database.query<{ persons: number }>(HEATMAP_BY_TEAM, [org, campaign]);
    extra.heatmapCells = { api: heat.cells.length, handWritten: handHeat.length, shownByApi: heat.cells.filter((c) => c.shown).length };
    if (!heat.cells.some((c) => c.shown)) throw new Error('the heat map shows no cell');
    await apiAndSql(
      `heat map by team, largest member (${manifest.largest.people} people, closed campaign)`,
      () => get(`${base}/heatmap?groupBy=team&campaignId=${campaign}`, hrCookie),
      HEATMAP_BY_TEAM,
      [org, campaign],
    );
    await apiAndSql(
      'top needs per target group, largest member',
      () => get(`${base}/top-needs?campaignId=${campaign}`, hrCookie),
      TOP_NEEDS,
      [org, campaign],
    );

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
    if (codeColumn < 0 || records.length < IMPORT_OFFERS) throw new Error(`export gave ${records.length} offers, header ${header.join(',')}`);
    const importer = crypto.randomUUID();
    await database.query(
      "insert into organisations (id, name, slug, kind) values ($1, 'Bench importeur', $2, 'training_provider')",
      [importer, `bench-import-${importer.slice(-12)}`],
    );
    const tables = ['offers', 'offer_editions', 'offer_competences'] as const;
    const columns = Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await columnsOf(database, t)] as const)));
    await database.exec(tables.map((t) => `drop table if exists bench_copy_${t}; create table bench_copy_${t} (like ${t} including all);`).join('\n'));
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
      const body = stringify([header, ...records.slice(0, IMPORT_OFFERS).map((r, i) => r.map((v, c) => (c === codeColumn ? `${prefix}${i}` : v)))]);
      const { ms, result } = await postCsv(origin, `/api/organisations/${importer}/offers/import`, adminLogin, body);
      if (result.created !== IMPORT_OFFERS || result.errors.length) throw new Error(`import run ${run}: ${JSON.stringify(result).slice(0, 400)}`);
      imported += result.created;
      const of = `select id from offers where provider_id = '${importer}' and code like '${prefix}%'`;
      let copied = 0;
      try {
        copied += await copyRows(database, `select ${columns.offers} from offers where id in (${of})`, 'bench_copy_offers', columns.offers);
        copied += await copyRows(database, `select ${columns.offer_editions} from offer_editions where offer_id in (${of})`, 'bench_copy_offer_editions', columns.offer_editions);
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
