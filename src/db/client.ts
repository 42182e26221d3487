import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema/index.js';
import { DataDirError, lockDataDir } from './data-dir-lock.js';

export { DataDirError, DataDirLockedError, lockDataDir } from './data-dir-lock.js';

export type Schema = typeof schema;
/** The typed database handle; a transaction handle has the same query surface. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything queries can run on: the database or an open transaction. */
export type Executor = Db | Tx;

/**
 * One statement as a named prepared statement on node-postgres: each pooled connection parses and
 * plans it once and afterwards only executes it. For the few statements on a hot path whose
 * planning costs more than their execution (the survey's). On the database it runs outside any
 * transaction; on a transaction handle, inside it. PGlite runs the text as it is. `name` must be
 * unique per statement text.
 */
export async function queryNamed<T>(db: Executor, name: string, text: string, params: unknown[]): Promise<T[]> {
  // Drizzle keeps the connection of a handle (pool, pooled client, PGlite or its transaction) in
  // its session; its public API has no named statements.
  const client = (db as unknown as { _: { session: { client: pg.Pool | pg.Client | Pick<PGlite, 'query'> } } })._.session.client;
  if (client instanceof pg.Pool || client instanceof pg.Client) return (await client.query({ name, text, values: params })).rows as T[];
  return (await client.query<T>(text, params)).rows;
}

/** A write in plain SQL with its own placeholders $1…$n, sent alone or inside one larger statement (sendWrites). */
export interface SqlWrite {
  text: string;
  params: unknown[];
}

/**
 * In a write sent with a guard (sendWrites): true when the guard wrote its row. Every write that
 * must not happen without the guard says so with this condition.
 */
export const GUARD_PASSED = 'exists (select 1 from guard)';

/**
 * Sends the writes as ONE statement: all but the last as data-modifying WITH parts (PostgreSQL
 * runs them to completion whether or not they are referenced), the last as the statement itself —
 * a round trip per write is most of what a small write costs. Each write's placeholders are
 * renumbered after those of the writes before it, so a write's text holds no `$` but its
 * placeholders. Sent as a named statement whose name is a hash of its text: each shape of writes
 * is parsed and planned once per connection (queryNamed).
 *
 * With a `guard` — a data-modifying statement with RETURNING, e.g. an update whose WHERE checks
 * that what the caller read is still so — the guard runs first (as the WITH part `guard`), the
 * writes are expected to be conditional on GUARD_PASSED, and the result says whether it passed.
 * One statement is atomic on its own, so this needs no transaction around it.
 */
export async function sendWrites(db: Executor, writes: readonly SqlWrite[], options: { guard?: SqlWrite } = {}): Promise<boolean> {
  const all = options.guard ? [options.guard, ...writes, { text: `select ${GUARD_PASSED} as passed`, params: [] }] : writes;
  if (all.length === 0) return true;
  const params: unknown[] = [];
  const texts = all.map((write) => {
    const offset = params.length;
    params.push(...write.params);
    return offset === 0 ? write.text : write.text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
  });
  const last = texts.pop()!;
  const parts = texts.map((t, i) => `${options.guard && i === 0 ? 'guard' : `w${i}`} as (${t})`);
  const text = parts.length ? `with ${parts.join(',\n')}\n${last}` : last;
  const rows = await queryNamed<{ passed?: boolean }>(db, `w_${createHash('sha1').update(text).digest('hex').slice(0, 32)}`, text, params);
  return options.guard ? rows[0]?.passed === true : true;
}

export type DatabaseConfig = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string; poolSize?: number };

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Raw SQL with parameters, for bulk work and benchmarks; rows as plain objects. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Several statements without parameters (COPY-free bulk DDL/DML). */
  exec(text: string): Promise<void>;
  close(): Promise<void>;
  /** The underlying PGlite instance (embedded mode only), e.g. for dumps. */
  pglite?: PGlite;
  pool?: pg.Pool;
}

/** Extensions must be identical on every open of a PGlite data dir (see stack-notes). */
export const pgliteExtensions = { pg_trgm };

const errnoText: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
};

function describeErrno(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return errnoText[code] ? `${errnoText[code]} (${code})` : (error as Error).message;
}

/**
 * PGlite fails on a data dir it cannot write with only "PGlite failed to initialize properly", and
 * part-way through a write a permission error is worse than none: check every path first and name
 * the first one that is not readable and writable by this process.
 */
function checkWritable(dataDir: string): void {
  const who = typeof process.getuid === 'function' ? ` (user id ${process.getuid()})` : '';
  const fail = (target: string, error: unknown) =>
    new DataDirError(
      dataDir,
      `The data directory ${dataDir} cannot be used: ${target} is not writable — ${describeErrno(error)}. ` +
        `The embedded database needs read and write access to the whole directory for the user running Leerkompas${who}. Nothing was changed.`,
      { cause: error },
    );
  try {
    fs.mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw fail(dataDir, error);
  }
  const lockDir = path.dirname(dataDir);
  try {
    fs.accessSync(lockDir, fs.constants.W_OK | fs.constants.X_OK);
  } catch (error) {
    throw fail(`${lockDir} (where the lock file goes)`, error);
  }
  const pending = [dataDir];
  while (pending.length) {
    const dir = pending.pop()!;
    const check = (target: string, mode: number) => {
      try {
        fs.accessSync(target, mode);
      } catch (error) {
        throw fail(target, error);
      }
    };
    check(dir, fs.constants.R_OK | fs.constants.W_OK | fs.constants.X_OK);
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const target = path.join(dir, entry.name);
      if (entry.isDirectory()) pending.push(target);
      else if (entry.isFile()) check(target, fs.constants.R_OK | fs.constants.W_OK);
    }
  }
}

/** Free bytes for unprivileged writers on the disk holding `dir`, or null when unknown. */
function freeBytes(dir: string): number | null {
  try {
    const stats = fs.statfsSync(dir);
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

/** PostgreSQL may need a new 16 MB write-ahead log segment to start. */
const minimumFreeToStart = 32 * 1024 * 1024;

/** Turns PGlite's opaque start failure into a message naming the directory and the likely cause. */
function explainOpenFailure(dataDir: string, error: unknown): Error {
  const free = freeBytes(dataDir);
  if (free !== null && free < minimumFreeToStart) {
    return new DataDirError(
      dataDir,
      `The embedded database in ${dataDir} could not start: the disk holding it is full (${(free / 1024 / 1024).toFixed(1)} MB free; ` +
        `starting may need ${minimumFreeToStart / 1024 / 1024} MB for the write-ahead log). Free space on that disk and start again; the data was not changed.`,
      { cause: error },
    );
  }
  return new DataDirError(dataDir, `The embedded database in ${dataDir} could not start: ${(error as Error).message}`, { cause: error });
}

/** Opens the configured database: PGlite (file-backed, locked) or a node-postgres pool. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === 'pglite') {
    checkWritable(config.dataDir);
    const release = lockDataDir(config.dataDir);
    try {
      const client = await PGlite.create(config.dataDir, { extensions: pgliteExtensions }).catch((error: unknown) => {
        throw explainOpenFailure(config.dataDir, error);
      });
      // PGlite is one connection: it queues queries itself, and a query outside an open
      // transaction() waits for it, which serialises access for the whole process.
      const db = drizzlePglite({ client, schema }) as unknown as Db;
      return {
        db,
        kind: 'pglite',
        pglite: client,
        async query<T>(text: string, params: unknown[] = []) {
          const result = await client.query<T>(text, params);
          return result.rows;
        },
        async exec(text: string) {
          await client.exec(text);
        },
        async close() {
          try {
            await client.close();
          } finally {
            release();
          }
        },
      };
    } catch (error) {
      release();
      throw error;
    }
  }
  // Bounded waits: an unreachable server (firewalled, paused) fails the request with 503 after 10 s
  // instead of holding it forever. pg-pool applies the same limit to waiting for a free
  // connection when all are busy, so an overloaded pool sheds requests (503) rather than queueing
  // them without end.
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize ?? 10,
    connectionTimeoutMillis: 10_000,
    // A closed connection takes its prepared statements along (queryNamed): with pg's default of
    // 10 s, the first requests after every quiet spell would connect and plan anew.
    idleTimeoutMillis: 300_000,
  });
  // An idle client losing its server (restart, network) must not crash the process.
  pool.on('error', () => {});
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    pool,
    async query<T>(text: string, params: unknown[] = []) {
      const result = await pool.query(text, params as unknown[]);
      return result.rows as T[];
    },
    async exec(text: string) {
      await pool.query(text);
    },
    async close() {
      await pool.end();
    },
  };
}
