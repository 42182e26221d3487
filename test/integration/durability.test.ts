import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { adminUrl, databaseKinds } from '../support/databases.js';
import { httpLogin, killHard, runCli, startServerProcess } from '../support/server-process.js';

const PASSWORD = 'durable-password-1';

/** Environment for a server on a fresh database of the given kind. */
async function freshDatabaseEnv(kind: string, cleanups: Array<() => Promise<void>>): Promise<Record<string, string>> {
  if (kind === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lk-durable-'));
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    return { LEERKOMPAS_DATA_DIR: dir, LEERKOMPAS_DEMO: 'false' };
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
  // No demo world: the test is about the writes, and seeding would only lengthen every start.
  return { DATABASE_URL: adminUrl(name), LEERKOMPAS_DEMO: 'false' };
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
    const request = await httpLogin(first.baseUrl, 'admin@durable.test', PASSWORD);
    // Concurrent writers, each a transaction (organisation row); record what was acknowledged.
    const acknowledged: string[] = [];
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const slug = `durable-${w}-${i}`;
        const res = await request('POST', '/api/organisations', { name: `Durable ${w}/${i}`, slug, kind: 'employer' }).catch(() => null);
        if (res?.status === 201) acknowledged.push(slug);
        else break;
      }
    };
    const writers = Promise.all([0, 1, 2, 3].map(writer));
    while (acknowledged.length < 60) await new Promise((r) => setTimeout(r, 5));
    // Kill while writes are still in flight: no graceful close, no flush hook.
    await killHard(first);
    stop = true;
    await writers;

    const second = await startServerProcess(env);
    try {
      const again = await httpLogin(second.baseUrl, 'admin@durable.test', PASSWORD);
      const res = await again('GET', '/api/organisations');
      expect(res.status).toBe(200);
      const slugs = new Set(((await res.json()) as Array<{ slug: string }>).map((o) => o.slug));
      const lost = acknowledged.filter((s) => !slugs.has(s));
      expect(lost).toEqual([]);
      expect(acknowledged.length).toBeGreaterThanOrEqual(60);
    } finally {
      await killHard(second);
    }
  }, 150_000);
});
