/**
 * A bounded load run (issue 6 item 3) on the sector-scale workload (bench/generate-sector.ts),
 * per database kind: the server runs as its own process (bench/server.ts, loopback only) and
 * CONCURRENCY clients from a worker thread (bench/http-load.ts) send a fixed number of requests
 * per scenario, one scenario after the other:
 * - the 204 route (the framework's floor; its throughput is the reference of the ratios);
 * - survey visits through the public survey routes with x-survey-token (open, 10 answers,
 *   submit), on links minted for this run in the largest member;
 * - offer search (the query mix of offer-search.bench.ts);
 * - the heat map of the largest member (by team, function profile and target group in turn).
 * Reports throughput, p50/p95/p99 latency and errors per scenario, and the server's memory (RSS
 * from /proc/<pid>/status, heap from its bench-only /bench/memory route) at start and end, with
 * the peak RSS sampled every 250 ms. Any error fails the benchmark (exit code 1) after the
 * results are written. Writes bench/results/load.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import readline from 'node:readline';
import { mintSurveyInvitations, openSectorWorkload, pgliteDataDir, postgresWorkloadUrl } from './generate-sector.js';
import { runLoad, timedRequest, type LoadResult, type LoadStep } from './http-load.js';
import { queryMix } from './offer-search.bench.js';
import {
  benchDir,
  benchKinds,
  benchScale,
  loadAverage,
  machineInfo,
  postgresUrlSource,
  round,
  writeResult,
  type BenchDatabaseKind,
} from './support.js';

const CONCURRENCY = 50;
const SIZES =
  benchScale === 'small'
    ? { noop: 1_000, respondents: 60, search: 200, heatmap: 60 }
    : { noop: 5_000, respondents: 300, search: 600, heatmap: 150 };
/** Hard stop for one scenario: a run that takes longer than this is broken, not slow. */
const SCENARIO_TIMEOUT_MS = 10 * 60_000;

function memoryOf(pid: number) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: round(kb('VmRSS') / 1024, 1), peakRssMb: round(kb('VmHWM') / 1024, 1) };
}

async function startServer(kind: BenchDatabaseKind): Promise<{ child: ChildProcess; origin: string }> {
  const env = {
    ...process.env,
    ...(kind === 'pglite' ? { BENCH_SERVER_PGLITE_DIR: pgliteDataDir() } : { BENCH_SERVER_DATABASE_URL: postgresWorkloadUrl() }),
  };
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(benchDir, 'server.ts')], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: child.stdout! });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the bench server did not start within 120 s')), 120_000);
    child.once('exit', (code) => reject(new Error(`the bench server exited with ${code}`)));
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve((JSON.parse(line) as { port: number }).port);
    });
  });
  return { child, origin: `http://127.0.0.1:${port}` };
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

const withTimeout = <T>(promise: Promise<T>, what: string) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} took over ${SCENARIO_TIMEOUT_MS} ms`)), SCENARIO_TIMEOUT_MS).unref(),
    ),
  ]);

function searchPath(params: Record<string, string | number | Array<string | number>>) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const v of [value].flat()) query.append(key, String(v));
  return `/api/offers?${query}`;
}

async function measureKind(kind: BenchDatabaseKind, log: (line: string) => void) {
  // Survey links for this run, written before the server opens the database (PGlite: one process).
  const { database, manifest } = await openSectorWorkload(kind, { log });
  let minted: { campaignId: string; tokens: string[] };
  try {
    minted = await mintSurveyInvitations(database, manifest, SIZES.respondents + 10);
  } finally {
    await database.close();
  }
  const loadBefore = loadAverage();
  const { child, origin } = await startServer(kind);
  const pid = child.pid!;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let peakSampledMb = 0;
  const sampler = setInterval(() => {
    try {
      peakSampledMb = Math.max(peakSampledMb, memoryOf(pid).rssMb);
    } catch {
      /* the server is gone */
    }
  }, 250);
  try {
    const heap = async () =>
      JSON.parse((await timedRequest(agent, origin, { label: 'memory', method: 'GET', path: '/bench/memory' })).body) as NodeJS.MemoryUsage;
    const memory = async () => {
      const h = await heap();
      return { ...memoryOf(pid), heapUsedMb: round(h.heapUsed / 2 ** 20, 1), heapTotalMb: round(h.heapTotal / 2 ** 20, 1) };
    };
    const memoryStart = await memory();
    const login = await timedRequest(agent, origin, { label: 'login', method: 'POST', path: '/api/auth/login', body: manifest.hr });
    if (login.status !== 200) throw new Error(`login answered ${login.status}: ${login.body}`);
    const cookie = [login.headers['set-cookie']]
      .flat()
      .find((c) => c?.startsWith('lk_session='))!
      .split(';')[0];

    const scenarios: Record<string, LoadStep[][]> = {};
    scenarios.noop = Array.from({ length: SIZES.noop }, () => [{ label: 'noop', method: 'GET', path: '/bench/noop' }]);
    const questions = manifest.largest.openCompetenceIds;
    scenarios.survey = minted.tokens.slice(0, SIZES.respondents).map((token, r) => {
      const headers = { 'x-survey-token': token };
      return [
        { label: 'open', method: 'GET', path: '/api/survey', headers },
        ...questions.map((competenceId, i): LoadStep => ({
          label: 'answer',
          method: 'PUT',
          path: `/api/survey/answers/${competenceId}`,
          headers,
          body: { level: (r + i) % 5 },
        })),
        { label: 'submit', method: 'POST', path: '/api/survey/submit', headers },
      ];
    });
    const mix = Object.values(queryMix(SIZES.search)).flat();
    scenarios.search = Array.from({ length: SIZES.search }, (_, i) => [
      { label: 'search', method: 'GET', path: searchPath(mix[(i * 7) % mix.length]) },
    ]);
    const groupings = ['team', 'function_profile', 'target_group'];
    const heatBase = `/api/organisations/${manifest.largest.organisationId}/diagnosis/heatmap`;
    scenarios.heatmap = Array.from({ length: SIZES.heatmap }, (_, i) => [
      {
        label: 'heatmap',
        method: 'GET',
        path: `${heatBase}?groupBy=${groupings[i % 3]}&campaignId=${manifest.largest.closedCampaignId}`,
        headers: { cookie },
      },
    ]);

    // A short warm-up of every scenario (plans, caches, JIT), not counted.
    const warm = await runLoad(origin, 10, [
      ...scenarios.noop.slice(0, 100),
      ...minted.tokens
        .slice(SIZES.respondents, SIZES.respondents + 5)
        .map((token) => [{ label: 'open', method: 'GET' as const, path: '/api/survey', headers: { 'x-survey-token': token } }]),
      ...scenarios.search.slice(0, 10),
      ...scenarios.heatmap.slice(0, 3),
    ]);
    if (warm.errors) throw new Error(`warm-up failed: ${warm.firstErrors.join('; ')}`);

    const results: Record<string, LoadResult & { ratioToNoop?: number; wallS: number }> = {};
    for (const [name, scripts] of Object.entries(scenarios)) {
      const r = await withTimeout(runLoad(origin, CONCURRENCY, scripts), name);
      results[name] = { ...r, wallS: round(r.wallMs / 1000, 1) };
      if (name !== 'noop') results[name].ratioToNoop = round(r.requestsPerSecond / results.noop.requestsPerSecond, 3);
      log(
        `${kind} ${name}: ${r.requests} requests, ${r.requestsPerSecond} req/s, p50 ${r.p50Ms} / p95 ${r.p95Ms} / p99 ${r.p99Ms} ms, ${r.errors} errors` +
          (r.firstErrors.length ? ` (${r.firstErrors.join('; ')})` : ''),
      );
    }
    const memoryEnd = await memory();
    log(
      `${kind} server memory: start RSS ${memoryStart.rssMb} MB / heap ${memoryStart.heapUsedMb} MB; end RSS ${memoryEnd.rssMb} MB / heap ${memoryEnd.heapUsedMb} MB; peak RSS ${memoryEnd.peakRssMb} MB`,
    );
    const errors = Object.values(results).reduce((n, r) => n + r.errors, 0);
    const brief = (r: LoadResult & { ratioToNoop?: number; wallS: number }) => ({
      requests: r.requests,
      errors: r.errors,
      wallS: r.wallS,
      requestsPerSecond: r.requestsPerSecond,
      ratioToNoop: r.ratioToNoop ?? 1,
      p50Ms: r.p50Ms,
      p95Ms: r.p95Ms,
      p99Ms: r.p99Ms,
      maxMs: r.maxMs,
      statuses: r.statuses,
      byLabel: r.byLabel,
      firstErrors: r.firstErrors,
    });
    return {
      concurrency: CONCURRENCY,
      errors,
      noopRps: results.noop.requestsPerSecond,
      surveyRps: results.survey.requestsPerSecond,
      surveyRatio: results.survey.ratioToNoop,
      searchRps: results.search.requestsPerSecond,
      searchRatio: results.search.ratioToNoop,
      heatmapRps: results.heatmap.requestsPerSecond,
      heatmapRatio: results.heatmap.ratioToNoop,
      rssStartMb: memoryStart.rssMb,
      rssEndMb: memoryEnd.rssMb,
      rssPeakMb: Math.max(memoryEnd.peakRssMb, peakSampledMb),
      heapStartMb: memoryStart.heapUsedMb,
      heapEndMb: memoryEnd.heapUsedMb,
      loadAverage: { before: loadBefore, after: loadAverage() },
      memory: { start: memoryStart, end: memoryEnd, peakSampledRssMb: peakSampledMb },
      scenarios: Object.fromEntries(Object.entries(results).map(([k, r]) => [k, brief(r)])),
      workload: {
        people: manifest.counts.people,
        largestMember: manifest.largest.people,
        offers: manifest.counts.offers,
        ratings: manifest.counts.ratings,
      },
      surveyCampaignId: minted.campaignId,
    };
  } finally {
    clearInterval(sampler);
    agent.destroy();
    await stopServer(child);
  }
}

export async function runLoadBench() {
  const results: Record<string, Awaited<ReturnType<typeof measureKind>>> = {};
  for (const kind of await benchKinds()) results[kind] = await measureKind(kind, (line) => console.log(`load ${line}`));
  const errors = Object.values(results).reduce((n, r) => n + r.errors, 0);
  const output = {
    benchmark: 'load',
    title: `Load: ${CONCURRENCY} concurrent clients against a separate server process (${benchScale} scale)`,
    at: new Date().toISOString(),
    scale: benchScale,
    machine: machineInfo(),
    postgres: postgresUrlSource,
    note: `Fixed request counts per scenario (${JSON.stringify(SIZES)}; survey: 12 requests per respondent); ratio = throughput / the 204 route's throughput in the same run. Client and server share the machine's cores.`,
    targets: { errors: 0 },
    meetsTarget: errors === 0,
    results,
  };
  writeResult('load.json', output);
  return output;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const output = await runLoadBench();
  if (!output.meetsTarget) {
    console.error('load: requests failed (see bench/results/load.json)');
    process.exitCode = 1;
  }
}
