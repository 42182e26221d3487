import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { adminUrl, databaseKinds } from '../support/databases.js';
import { httpLogin, killHard, runCli, startServerProcess } from '../support/server-process.js';

const PASSWORD = 'durable-password-1';

/** Environment for a server on a fresh database of the given kind. */
/** No demo world and no bundled ESCO: the test is about the writes, and both would only lengthen the first start. */
const BARE = { LEERKOMPAS_DEMO: 'false', LEERKOMPAS_ESCO: 'false' };

async function freshDatabaseEnv(kind: string, cleanups: Array<() => Promise<void>>): Promise<Record<string, string>> {
  if (kind === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lk-durable-'));
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    return { LEERKOMPAS_DATA_DIR: dir, ...BARE };
  }
  const name = `lk_durable_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const a = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
  });
  return { DATABASE_URL: adminUrl(name), ...BARE };
}

describe.each(databaseKinds)('acknowledged writes survive kill -9 on %s', (kind) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('keeps every write the server acknowledged before SIGKILL', async () => {
    const env = await freshDatabaseEnv(kind, cleanups);
    runCli(['user', 'create', '--email', 'admin@durable.test', '--org', 'leerkompas', '--role', 'platform_admin'], env, `${PASSWORD}\n`);

    const first = await startServerProcess(env);
    expect(first.output(), 'LEERKOMPAS_ESCO=false leaves the bundled ESCO out').not.toMatch(/Importing the bundled Dutch ESCO/);
    const request = await httpLogin(first.baseUrl, 'admin@durable.test', PASSWORD);
    // Concurrent writers, each write a transaction; record what was acknowledged. Every loop makes
    // an organisation (one row) and then grants a role in it (membership and audit row in one
    // transaction: both or neither may survive).
    const acknowledged: string[] = [];
    const grants: string[] = [];
    let failedInFlight = 0;
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const slug = `durable-${w}-${i}`;
        const res = await request('POST', '/api/organisations', { name: `Durable ${w}/${i}`, slug, kind: 'employer' }).catch(() => null);
        if (!res) failedInFlight++;
        if (res?.status !== 201) break;
        acknowledged.push(slug);
        const { id } = (await res.json().catch(() => ({}))) as { id?: string };
        if (!id) break;
        const grant = await request('POST', `/api/organisations/${id}/members`, { email: 'admin@durable.test', role: 'hr' }).catch(
          () => null,
        );
        if (!grant) failedInFlight++;
        if (grant?.status !== 201) break;
        grants.push(id);
      }
    };
    let writersDone = false;
    const writers = Promise.all([0, 1, 2, 3].map(writer)).finally(() => (writersDone = true));
    while (!writersDone && acknowledged.length + grants.length < 60) await new Promise((r) => setTimeout(r, 5));
    // Kill while writes are still in flight: no graceful close, no flush hook.
    await killHard(first);
    stop = true;
    await writers;
    // Sustained load: writers were still sending when the process died (their requests failed).
    expect(failedInFlight).toBeGreaterThan(0);

    const second = await startServerProcess(env);
    try {
      const again = await httpLogin(second.baseUrl, 'admin@durable.test', PASSWORD);
      const res = await again('GET', '/api/organisations');
      expect(res.status).toBe(200);
      const slugs = new Set(((await res.json()) as Array<{ slug: string }>).map((o) => o.slug));
      const lost = acknowledged.filter((s) => !slugs.has(s));
      expect(lost).toEqual([]);
      expect(acknowledged.length).toBeGreaterThanOrEqual(30);
    } finally {
      await killHard(second);
    }

    // Straight from the database, once no server holds it: every acknowledged grant has its
    // membership, and memberships and their audit rows match one to one (no half transaction).
    const database = await openDatabase(
      kind === 'pglite'
        ? { kind: 'pglite', dataDir: path.join(env.LEERKOMPAS_DATA_DIR, 'db') }
        : { kind: 'postgres', url: env.DATABASE_URL, poolSize: 1 },
    );
    try {
      const memberships = await database.query<{ organisation_id: string }>(
        "select m.organisation_id from memberships m join users u on u.id = m.user_id where u.email = 'admin@durable.test' and m.role = 'hr' order by 1",
      );
      const audited = await database.query<{ organisation_id: string }>(
        "select organisation_id from audit_log where event = 'role_granted' and subject = 'admin@durable.test' and detail->>'role' = 'hr' order by 1",
      );
      const granted = memberships.map((r) => r.organisation_id);
      expect(granted).toEqual(expect.arrayContaining(grants));
      expect(audited.map((r) => r.organisation_id)).toEqual(granted);
      expect(grants.length).toBeGreaterThan(0);
    } finally {
      await database.close();
    }
  }, 150_000);
});
