/** Shared pieces of the benchmarks: fresh databases of both kinds, result files. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { bootstrap } from '../src/db/bootstrap.js';
import { defaultOutDir, generateEscoFull } from './generate-esco.js';

export const benchDir = path.dirname(fileURLToPath(import.meta.url));
export const resultsDir = path.join(benchDir, 'results');

/**
 * The PostgreSQL server the benchmarks create their throwaway databases on (CREATE DATABASE
 * lk_bench_…, dropped after): the first of BENCH_DATABASE_URL, DATABASE_URL and TEST_DATABASE_URL
 * that is set, else the local server. The database named in the URL is only used to connect.
 * BENCH_DATABASE_URL=none measures PGlite only.
 */
export const postgresAdminUrl =
  process.env.BENCH_DATABASE_URL ||
  process.env.DATABASE_URL ||
  process.env.TEST_DATABASE_URL ||
  'postgres://postgres@127.0.0.1:5432/postgres';

/** Which of the variables chose postgresAdminUrl, for the results. */
export const postgresUrlSource = process.env.BENCH_DATABASE_URL
  ? 'BENCH_DATABASE_URL'
  : process.env.DATABASE_URL
    ? 'DATABASE_URL'
    : process.env.TEST_DATABASE_URL
      ? 'TEST_DATABASE_URL'
      : 'default (local server)';

/**
 * BENCH_SCALE=small: a tenth of the sector workload and fewer repetitions, for development.
 * Anything else (or unset) is the full scale the results are committed at.
 */
export const benchScale: 'full' | 'small' = process.env.BENCH_SCALE === 'small' ? 'small' : 'full';

export type BenchDatabaseKind = 'pglite' | 'postgres';

export interface BenchDatabase {
  kind: BenchDatabaseKind;
  database: Database;
  dispose(): Promise<void>;
}

export async function postgresAvailable(): Promise<boolean> {
  if (process.env.BENCH_DATABASE_URL === 'none') return false;
  const client = new pg.Client({ connectionString: postgresAdminUrl, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** A fresh, migrated database: a PGlite dir under the OS temp dir, or lk_bench_<ts> on the server (dropped after). */
export async function freshDatabase(kind: BenchDatabaseKind, options: { poolSize?: number } = {}): Promise<BenchDatabase> {
  if (kind === 'pglite') {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lk-bench-'));
    const database = await openDatabase({ kind: 'pglite', dataDir: path.join(root, 'db') });
    await migrateDatabase(database);
    await bootstrap(database.db);
    return {
      kind,
      database,
      async dispose() {
        await database.close();
        fs.rmSync(root, { recursive: true, force: true });
      },
    };
  }
  const name = `lk_bench_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: options.poolSize ?? 5 });
  await migrateDatabase(database);
  await bootstrap(database.db);
  return {
    kind,
    database,
    async dispose() {
      await database.close();
      const a = new pg.Client({ connectionString: postgresAdminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/** The kinds to measure: PGlite always, PostgreSQL when the server answers. */
export async function benchKinds(): Promise<BenchDatabaseKind[]> {
  return (await postgresAvailable()) ? ['pglite', 'postgres'] : ['pglite'];
}

/** The full-size ESCO folder, generated on first use. */
export function ensureFullEscoFolder(): string {
  if (!fs.existsSync(path.join(defaultOutDir, 'occupationSkillRelations_nl.csv'))) generateEscoFull();
  return defaultOutDir;
}

/** ESCO version of the real files the full-size folder is built from. */
export const FULL_ESCO_VERSION = '1.2.0';

export function writeResult(name: string, data: unknown) {
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, name), `${JSON.stringify(data, null, 2)}\n`);
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Median and p95 of a series of timings (ms), with the count. */
export interface Figure {
  n: number;
  medianMs: number;
  p95Ms: number;
}

export function figure(ms: readonly number[]): Figure {
  const sorted = [...ms].sort((a, b) => a - b);
  return { n: ms.length, medianMs: round(percentile(sorted, 50), 2), p95Ms: round(percentile(sorted, 95), 2) };
}

/** A measured figure against the reference measured in the same run: ratio = median / reference median. */
export interface Compared {
  what: string;
  measured: Figure;
  reference: { what: string } & Figure;
  /** measured.medianMs / reference.medianMs (how many times the reference's time). */
  ratio: number;
  /** measured.p95Ms / reference.p95Ms. */
  ratioP95: number;
  note?: string;
}

export function compare(what: string, measured: number[], referenceWhat: string, reference: number[], note?: string): Compared {
  const m = figure(measured);
  const r = figure(reference);
  return {
    what,
    measured: m,
    reference: { what: referenceWhat, ...r },
    ratio: round(m.medianMs / r.medianMs, 2),
    ratioP95: round(m.p95Ms / r.p95Ms, 2),
    ...(note ? { note } : {}),
  };
}

/**
 * Runs the functions in turn, `warmups` then `runs` rounds, so that a busy moment of the machine
 * falls on all of them alike; returns each one's timings (ms), in the order given.
 */
export async function interleave(runs: number, warmups: number, fns: Array<() => Promise<unknown>>): Promise<number[][]> {
  const out = fns.map(() => [] as number[]);
  for (let i = 0; i < warmups + runs; i++) {
    for (const [k, fn] of fns.entries()) {
      const started = performance.now();
      await fn();
      if (i >= warmups) out[k].push(performance.now() - started);
    }
  }
  return out;
}

export function machineInfo() {
  return {
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    platform: `${os.platform()} ${os.release()}`,
  };
}

/** The 1, 5 and 15 minute load averages, rounded: how busy the machine was during a measurement. */
export function loadAverage(): number[] {
  return os.loadavg().map((n) => round(n, 2));
}

/** utime + stime of a /proc/…/stat line, in ms (Linux counts them in ticks of 10 ms). */
function statCpuMs(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** CPU time of this process's main thread (the server's thread in the benchmarks), in ms; null off Linux. */
export function mainThreadCpuMs(): number | null {
  try {
    return statCpuMs(fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * CPU time of every PostgreSQL process on this machine (server, backends, WAL writer…), in ms;
 * null when none is visible (no /proc, or a server elsewhere). Only differences between two calls
 * mean anything, and only while nothing else uses that server.
 */
export function localPostgresCpuMs(): number | null {
  let total = 0;
  let found = false;
  let pids: string[];
  try {
    pids = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  for (const pid of pids) {
    try {
      if (!fs.readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('postgres')) continue;
      total += statCpuMs(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
      found = true;
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return found ? total : null;
}

/** p50, p95 and the slowest of a list of durations (ms). */
export interface Series {
  n: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

export function series(ms: number[]): Series {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    n: ms.length,
    p50Ms: round(percentile(sorted, 50), 1),
    p95Ms: round(percentile(sorted, 95), 1),
    maxMs: round(sorted[sorted.length - 1], 1),
  };
}

/** The written (not generated) columns of a table, quoted, in order. */
export async function columnsOf(database: Database, table: string): Promise<string> {
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
export async function copyRows(database: Database, select: string, target: string, columns: string): Promise<number> {
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
