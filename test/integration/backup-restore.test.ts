import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { restore } from '../../src/cli/backup.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { DEMO_PASSWORD, seedDemoData } from '../../src/db/seed/demo.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { createTestDatabase, databaseKinds } from '../support/databases.js';
import { logIn } from '../support/test-app.js';
import { runCli } from '../support/server-process.js';

/**
 * `leerkompas backup <file>` / `leerkompas restore <file>` exactly as docs/operations.md
 * ("Backup and restore") tells the operator: back up the demo world, wipe the database, restore
 * into the empty one, and compare every table's row count and content hash and every sequence;
 * then the restored database is migrated and served as at start, and a demo account logs in.
 */

interface Fingerprint {
  tables: Record<string, { rows: number; hash: string }>;
  sequences: Record<string, string | null>;
}

async function fingerprint(database: Database): Promise<Fingerprint> {
  const tables = await database.query<{ schemaname: string; tablename: string }>(
    "select schemaname, tablename from pg_tables where schemaname not in ('pg_catalog', 'information_schema') order by 1, 2",
  );
  const result: Fingerprint = { tables: {}, sequences: {} };
  for (const { schemaname, tablename } of tables) {
    const [row] = await database.query<{ rows: number; hash: string | null }>(
      `select count(*)::int as rows, md5(string_agg(t::text, E'\\n' order by t::text)) as hash from "${schemaname}"."${tablename}" t`,
    );
    result.tables[`${schemaname}.${tablename}`] = { rows: row.rows, hash: row.hash ?? '' };
  }
  for (const s of await database.query<{ name: string; last_value: string | null }>(
    "select schemaname || '.' || sequencename as name, last_value::text from pg_sequences order by 1",
  )) {
    result.sequences[s.name] = s.last_value;
  }
  return result;
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe.each(databaseKinds)('backup and restore on %s', (kind) => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('restores a wiped database to the same rows, and the demo logs in on it', async () => {
    const source = await createTestDatabase(kind);
    const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lk-backup-'));
    cleanups.push(() => fs.rmSync(backupDir, { recursive: true, force: true }));
    const backupFile = path.join(backupDir, kind === 'pglite' ? 'leerkompas.tar.gz' : 'leerkompas.dump');
    // The configuration the operator's commands run with: LEERKOMPAS_DATA_DIR or DATABASE_URL.
    const env: Record<string, string> =
      kind === 'pglite' ? { LEERKOMPAS_DATA_DIR: path.dirname(source.location) } : { DATABASE_URL: source.location };
    const databaseName = kind === 'postgres' ? new URL(source.location).pathname.slice(1) : '';
    let open: Database | null = source.database;
    cleanups.push(async () => {
      await open?.close();
      if (kind === 'pglite') fs.rmSync(path.dirname(source.location), { recursive: true, force: true });
      else await withAdmin((a) => a.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`));
    });

    await seedDemoData(source.database);
    const before = await fingerprint(source.database);
    expect(before.tables['public.users'].rows).toBeGreaterThan(5);
    expect(before.tables['public.organisations'].rows).toBeGreaterThan(3);
    expect(Object.keys(before.tables).length).toBeGreaterThan(30);
    // PGlite is one process at a time: the operator stops the server before backing up.
    await source.database.close();
    open = null;

    expect(runCli(['backup', backupFile], env)).toMatch(/backed up to/);
    expect(fs.statSync(backupFile).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(`${backupFile}.partial`)).toBe(false);

    // Restoring over a database that holds data is refused without --force (the command's own
    // code, in-process: a process start less).
    await expect(restore(loadConfig(env), backupFile)).rejects.toThrow(kind === 'pglite' ? /is not empty/ : /already holds \d+ tables/);

    // Wipe: the data directory is gone / the database is dropped and created empty.
    if (kind === 'pglite') fs.rmSync(source.location, { recursive: true, force: true });
    else
      await withAdmin(async (a) => {
        await a.query(`DROP DATABASE ${databaseName} WITH (FORCE)`);
        await a.query(`CREATE DATABASE ${databaseName}`);
      });

    expect(runCli(['restore', backupFile], env)).toMatch(/^Restored /);

    const restored = await openDatabase(
      kind === 'pglite' ? { kind, dataDir: source.location } : { kind, url: source.location, poolSize: 2 },
    );
    open = restored;
    const after = await fingerprint(restored);
    expect(after).toEqual(before);

    // As at start: migrations (none pending), then the app on the restored data.
    await migrateDatabase(restored);
    const app = await buildApp({
      config: loadConfig({ LOG_LEVEL: 'silent', LEERKOMPAS_LOGIN_LIMIT: '1000' }),
      database: restored,
      version: 'test',
    });
    try {
      const hr = await logIn(app, 'hr@demo.leerkompas.be', DEMO_PASSWORD);
      const orgs = await hr.request('GET', '/api/organisations');
      expect(orgs.statusCode).toBe(200);
      expect(orgs.json().map((o: { slug: string }) => o.slug)).toContain('de-brug');
    } finally {
      await app.close();
    }
  }, 120_000);
});
