import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { bootstrap } from '../../src/db/bootstrap.js';

export type DatabaseKind = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL points at a server. */
export const databaseKinds: DatabaseKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

const templateDir = () => process.env.LK_TEST_PGLITE_TEMPLATE ?? path.join(os.tmpdir(), 'leerkompas-test-template', 'db');
const templateDbName = () => process.env.LK_TEST_PG_TEMPLATE ?? 'leerkompas_template';

export function adminUrl(database = 'postgres'): string {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Builds the migrated templates once per test run (vitest globalSetup): PGlite always, PostgreSQL
 * when TEST_DATABASE_URL is set and the project uses it (`postgres: false` for the browser tests).
 */
export async function prepareTemplates(options: { postgres?: boolean } = {}): Promise<() => Promise<void>> {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lk-template-')), 'db');
  process.env.LK_TEST_PGLITE_TEMPLATE = dir;
  const database = await openDatabase({ kind: 'pglite', dataDir: dir });
  await migrateDatabase(database);
  await bootstrap(database.db);
  await database.close();
  let pgTemplate: string | undefined;
  if (process.env.TEST_DATABASE_URL && options.postgres !== false) {
    pgTemplate = `lk_template_${process.pid}_${Date.now()}`;
    process.env.LK_TEST_PG_TEMPLATE = pgTemplate;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${pgTemplate}`);
    await admin.end();
    const tdb = await openDatabase({ kind: 'postgres', url: adminUrl(pgTemplate), poolSize: 2 });
    await migrateDatabase(tdb);
    await bootstrap(tdb.db);
    await tdb.close();
  }
  return async () => {
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
    if (pgTemplate) {
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${pgTemplate} WITH (FORCE)`);
      await admin.end();
    }
  };
}

export interface TestDatabase {
  database: Database;
  /** For PGlite: the data dir; for PostgreSQL: the connection URL. */
  location: string;
  dispose(): Promise<void>;
}

let counter = 0;

/**
 * A fresh, migrated database of the given kind, copied from the run's template — for PGlite, from
 * `pgliteTemplate` instead when given (a closed data dir, e.g. the browser tests' seeded demo).
 */
export async function createTestDatabase(kind: DatabaseKind, options: { pgliteTemplate?: string } = {}): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lk-test-'));
    const dir = path.join(root, 'db');
    fs.cpSync(options.pgliteTemplate ?? templateDir(), dir, { recursive: true });
    const database = await openDatabase({ kind: 'pglite', dataDir: dir });
    return {
      database,
      location: dir,
      async dispose() {
        await database.close();
        fs.rmSync(root, { recursive: true, force: true });
      },
    };
  }
  const name = `lk_test_${process.pid}_${Date.now()}_${counter++}`;
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateDbName()}`);
  await admin.end();
  const url = adminUrl(name);
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 5 });
  return {
    database,
    location: url,
    async dispose() {
      await database.close();
      const a = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
