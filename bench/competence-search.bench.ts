/**
 * Competence search latency after a full-size ESCO import: ~200 Dutch queries (whole words,
 * prefixes, words with a typo, two-word phrases) drawn from the imported labels, sent to
 * GET /api/competences?q=…&lang=nl through app.inject. Reports p50/p95 per database.
 * Target: p95 < 50 ms. Writes bench/results/competence-search.json.
 */
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { importEscoFolder } from '../src/jobs/import-esco.job.js';
import { createUserWithRole } from '../src/modules/organisations/service.js';
import { PLATFORM_ORG_SLUG } from '../src/db/bootstrap.js';
import { prng } from './generate-esco.js';
import {
  benchKinds,
  ensureFullEscoFolder,
  freshDatabase,
  FULL_ESCO_VERSION,
  machineInfo,
  percentile,
  round,
  writeResult,
} from './support.js';

const TARGET_P95_MS = 50;
const QUERY_COUNT = 200;

type QueryKind = 'word' | 'prefix' | 'typo' | 'phrase';

/** Deterministic queries from real labels: words of ≥ 4 letters, their prefixes, one-letter typos. */
export function buildQueries(labels: string[], count: number, seed = 7): Array<{ q: string; kind: QueryKind }> {
  const rnd = prng(seed);
  const words = [
    ...new Set(
      labels.flatMap((l) =>
        l
          .toLowerCase()
          .split(/[^a-zà-ÿ]+/)
          .filter((w) => w.length >= 4),
      ),
    ),
  ].sort();
  const pick = <T>(items: T[]) => items[Math.floor(rnd() * items.length)];
  const kinds: QueryKind[] = ['word', 'prefix', 'typo', 'phrase'];
  const out: Array<{ q: string; kind: QueryKind }> = [];
  for (let i = 0; i < count; i++) {
    const kind = kinds[i % kinds.length];
    const word = pick(words);
    if (kind === 'word') out.push({ q: word, kind });
    else if (kind === 'prefix') out.push({ q: word.slice(0, 3 + Math.floor(rnd() * Math.max(1, word.length - 4))), kind });
    else if (kind === 'typo') {
      const at = 1 + Math.floor(rnd() * (word.length - 2));
      const typo = rnd() < 0.5 ? word.slice(0, at) + word.slice(at + 1) : word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
      out.push({ q: typo, kind });
    } else {
      const label = pick(labels).toLowerCase().split(/\s+/).slice(0, 2).join(' ');
      out.push({ q: label, kind });
    }
  }
  return out;
}

export async function runCompetenceSearchBench() {
  const dir = ensureFullEscoFolder();
  const results: Record<string, unknown> = {};
  for (const kind of await benchKinds()) {
    const bench = await freshDatabase(kind);
    try {
      const importStarted = performance.now();
      await importEscoFolder(bench.database, { dir, version: FULL_ESCO_VERSION });
      const importMs = performance.now() - importStarted;
      const app = await buildApp({
        config: loadConfig({ LOG_LEVEL: 'silent', LEERKOMPAS_LOGIN_LIMIT: '1000' }),
        database: bench.database,
        version: 'bench',
      });
      await app.ready();
      try {
        // Search is for signed-in users; a platform admin sees every public framework.
        const email = 'bench@example.org';
        const password = 'bench-password-long';
        await createUserWithRole(bench.database.db, { email, password, organisation: PLATFORM_ORG_SLUG, role: 'platform_admin' });
        const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
        const cookie = [login.headers['set-cookie']]
          .flat()
          .find((c) => c?.startsWith('lk_session='))!
          .split(';')[0];

        const labels = (
          await bench.database.query<{ label: string }>("select label->>'nl' as label from competences where label ? 'nl' order by key")
        ).map((r) => r.label);
        const queries = buildQueries(labels, QUERY_COUNT);
        const run = async (q: string) => {
          const started = performance.now();
          const res = await app.inject({ url: `/api/competences?q=${encodeURIComponent(q)}&lang=nl`, headers: { cookie } });
          const ms = performance.now() - started;
          if (res.statusCode !== 200) throw new Error(`GET /api/competences?q=${q} answered ${res.statusCode}: ${res.body}`);
          return { ms, hits: (res.json() as unknown[]).length };
        };
        for (const { q } of queries.slice(0, 20)) await run(q); // warm-up: plans, caches
        const timings: Array<{ kind: QueryKind; ms: number; hits: number }> = [];
        for (const { q, kind: queryKind } of queries) timings.push({ kind: queryKind, ...(await run(q)) });
        const stats = (items: typeof timings) => {
          const sorted = items.map((t) => t.ms).sort((a, b) => a - b);
          return {
            n: items.length,
            p50Ms: round(percentile(sorted, 50), 2),
            p95Ms: round(percentile(sorted, 95), 2),
            maxMs: round(sorted[sorted.length - 1], 2),
            withHits: items.filter((t) => t.hits > 0).length,
          };
        };
        const all = stats(timings);
        results[kind] = {
          importMs: Math.round(importMs),
          competences: labels.length,
          ...all,
          byKind: Object.fromEntries(
            (['word', 'prefix', 'typo', 'phrase'] as const).map((k) => [k, stats(timings.filter((t) => t.kind === k))]),
          ),
        };
        console.log(
          `competence-search ${kind}: p50 ${all.p50Ms} ms, p95 ${all.p95Ms} ms, max ${all.maxMs} ms over ${all.n} queries (${all.withHits} with hits)`,
        );
      } finally {
        await app.close();
      }
    } finally {
      await bench.dispose();
    }
  }
  const output = {
    benchmark: 'competence-search',
    at: new Date().toISOString(),
    machine: machineInfo(),
    targetP95Ms: TARGET_P95_MS,
    meetsTarget: Object.values(results).every((r) => (r as { p95Ms: number }).p95Ms < TARGET_P95_MS),
    results,
  };
  writeResult('competence-search.json', output);
  return output;
}

await runCompetenceSearchBench();
