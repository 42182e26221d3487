import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { bootstrap } from '../../src/db/bootstrap.js';
import { createUserWithRole } from '../../src/modules/organisations/service.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { startPrivatePostgres, type PrivatePostgres } from '../support/private-postgres.js';
import { freePort, httpLogin, killHard, startServerProcess, type ServerProcess } from '../support/server-process.js';
import { logIn } from '../support/test-app.js';

/**
 * Faults from outside the app (docs/operations.md, "When the database fails"):
 * - the PostgreSQL server stops and comes back: 503 problem+json meanwhile, recovery on its own;
 * - PGlite on a data directory it may not write: a clear refusal to start, nothing changed;
 * - PGlite on a full disk: a clear refusal to start; while running, writes answer 507 and reads
 *   keep working, and after space is freed the data is whole.
 */

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'bin/leerkompas.mjs');
const ADMIN = { email: 'admin@faults.test', password: 'faults-password-1' };
const isRoot = process.getuid?.() === 0;

const templateDir = () => process.env.LK_TEST_PGLITE_TEMPLATE ?? path.join(os.tmpdir(), 'leerkompas-test-template', 'db');

/** A request that must answer: a hung request fails the test with its address instead of a timeout. */
async function answer(
  request: () => Promise<Response>,
  what: string,
): Promise<{ status: number; type: string | null; body: Record<string, unknown>; retryAfter: string | null }> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within 20 s (the server hangs on a dead database)`)), 20_000);
  });
  try {
    const res = await Promise.race([request(), hung]);
    const text = await res.text();
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      body = { text };
    }
    return { status: res.status, type: res.headers.get('content-type'), body, retryAfter: res.headers.get('retry-after') };
  } finally {
    clearTimeout(timer);
  }
}

async function prepareDatabase(database: Database): Promise<void> {
  await migrateDatabase(database);
  await bootstrap(database.db);
  await createUserWithRole(database.db, {
    email: ADMIN.email,
    password: ADMIN.password,
    organisation: 'leerkompas',
    role: 'platform_admin',
  });
}

describe('the PostgreSQL server stops and comes back (private cluster)', () => {
  let cluster: PrivatePostgres | undefined;
  let server: ServerProcess | undefined;
  afterAll(async () => {
    if (server) await killHard(server);
    cluster?.dispose();
  });

  it('answers 503 problem+json while the database is down and recovers without a restart', async () => {
    cluster = await startPrivatePostgres();
    const setup = await openDatabase({ kind: 'postgres', url: cluster.url, poolSize: 2 });
    try {
      await prepareDatabase(setup);
    } finally {
      await setup.close();
    }
    server = await startServerProcess({
      DATABASE_URL: cluster.url,
      LEERKOMPAS_DEMO: 'false',
      LEERKOMPAS_ESCO: 'false',
      DATABASE_POOL_SIZE: '4',
    });
    const pid = server.child.pid;
    const base = server.baseUrl;
    const request = await httpLogin(base, ADMIN.email, ADMIN.password);
    const health = () => fetch(`${base}/api/health`);
    const list = () => request('GET', '/api/organisations');
    const create = (slug: string) => () => request('POST', '/api/organisations', { name: `Outage ${slug}`, slug, kind: 'employer' });

    expect((await answer(health, 'health before')).status).toBe(200);
    expect((await answer(list, 'list before')).status).toBe(200);
    expect((await answer(create('before-outage'), 'write before')).status).toBe(201);

    cluster.crash();
    // Several rounds: the first meets the pool's dead connections, later ones a refused connect.
    for (let round = 0; round < 3; round++) {
      for (const [what, call] of [
        ['GET /api/health', health],
        ['GET /api/organisations (signed in)', list],
        ['POST /api/organisations (signed in)', create(`during-outage-${round}`)],
      ] as const) {
        const res = await answer(call, `${what} during the outage`);
        expect({ what, round, status: res.status, type: res.type, code: res.body.code }).toEqual({
          what,
          round,
          status: 503,
          type: 'application/problem+json; charset=utf-8',
          code: 'database.unavailable',
        });
        expect(res.retryAfter).toBe('5');
        expect(res.body.detail).toMatch(/not reachable/);
      }
    }

    cluster.start();
    // Recovery on its own: poll health (bounded), then the signed-in session works as before.
    let recovered = false;
    const seen: number[] = [];
    for (let attempt = 0; attempt < 150 && !recovered; attempt++) {
      const res = await answer(health, 'health after restart');
      seen.push(res.status);
      expect([200, 503]).toContain(res.status);
      recovered = res.status === 200;
      if (!recovered) await new Promise((r) => setTimeout(r, 200));
    }
    expect(recovered, `health after the database came back: ${seen.join(', ')}`).toBe(true);
    expect((await answer(create('after-outage'), 'write after')).status).toBe(201);
    const after = await answer(list, 'list after');
    expect(after.status).toBe(200);
    const slugs = (after.body as unknown as Array<{ slug: string }>).map((o) => o.slug);
    // Acknowledged writes are there; the ones answered 503 were not half-made.
    expect(slugs).toEqual(expect.arrayContaining(['before-outage', 'after-outage']));
    expect(slugs.filter((s) => s.startsWith('during-outage'))).toEqual([]);
    // The same process throughout, and nothing logged as an unhandled 500.
    expect(server.child.pid).toBe(pid);
    expect(server.child.exitCode).toBeNull();
    expect(server.output()).not.toMatch(/unhandled error/);
  }, 120_000);
});

/** Every path, size and content hash under a directory: "nothing changed" made checkable. */
function fingerprint(dir: string): string {
  const hash = crypto.createHash('sha256');
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, entry.name);
      hash.update(path.relative(dir, p));
      if (entry.isDirectory()) walk(p);
      else hash.update(fs.readFileSync(p));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

/** Runs `leerkompas serve` to its end (it is expected to refuse to start). */
async function serveUntilExit(env: Record<string, string>, asUser?: string): Promise<{ code: number | null; output: string }> {
  const port = await freePort();
  const command = asUser ? ['runuser', '-u', asUser, '--', process.execPath] : [process.execPath];
  return new Promise((resolve, reject) => {
    const child = spawn(command[0], [...command.slice(1), cli, 'serve', '--no-demo'], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1', HOME: os.tmpdir(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not stop within 60 s; it should refuse to start:\n${output}`));
    }, 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('PGlite on a data directory it may not write', () => {
  const cleanups: Array<() => void> = [];
  afterAll(() => cleanups.reverse().forEach((c) => c()));

  it('refuses to start, naming the directory and the cause, and changes nothing', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'lk-readonly-'));
    cleanups.push(() => fs.rmSync(home, { recursive: true, force: true }));
    const dataDir = path.join(home, 'db');
    fs.cpSync(templateDir(), dataDir, { recursive: true });
    // Root writes through any permission: run the server as `nobody`, who owns the files but may
    // only read them. The parent stays writable, so the refusal is about the data itself.
    if (isRoot) execFileSync('chown', ['-R', 'nobody', home]);
    execFileSync('chmod', ['-R', 'a+rX,a-w', dataDir]);
    cleanups.push(() => execFileSync('chmod', ['-R', 'u+w', dataDir]));
    const before = fingerprint(dataDir);

    const { code, output } = await serveUntilExit({ LEERKOMPAS_DATA_DIR: home }, isRoot ? 'nobody' : undefined);
    expect(code, output).not.toBe(0);
    expect(output).toContain(`The data directory ${dataDir} cannot be used`);
    expect(output).toMatch(/not writable — permission denied \(EACCES\)/);
    expect(output).not.toMatch(/PGlite failed to initialize/);
    expect(fingerprint(dataDir)).toBe(before);
  }, 90_000);
});

describe('PGlite when the disk is full (a small tmpfs)', () => {
  const cleanups: Array<() => void | Promise<void>> = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('refuses to start clearly, answers 507 to writes while reads work, and keeps the data whole', async () => {
    if (!isRoot) throw new Error('This test mounts a tmpfs to fill a disk, which needs root (mount -t tmpfs). Run it as root (CI does).');
    const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'lk-fulldisk-'));
    // Room for the data and one 16 MB write-ahead log segment more, so the database can open.
    const templateBytes = Number(execFileSync('du', ['-sb', templateDir()], { encoding: 'utf8' }).split('\t')[0]);
    const size = Math.ceil(templateBytes / 1024 / 1024) + 40;
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}m`, 'tmpfs', mountPoint]);
    cleanups.push(() => {
      execFileSync('umount', [mountPoint]);
      fs.rmSync(mountPoint, { recursive: true, force: true });
    });
    const dataDir = path.join(mountPoint, 'db');
    fs.cpSync(templateDir(), dataDir, { recursive: true });
    const ballast = path.join(mountPoint, 'ballast');
    const fillDisk = () => {
      const fd = fs.openSync(ballast, 'a');
      try {
        for (const chunk of [1024 * 1024, 4096, 512]) {
          const bytes = Buffer.alloc(chunk, 1);
          try {
            for (;;) fs.writeSync(fd, bytes);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
          }
        }
      } finally {
        fs.closeSync(fd);
      }
      expect(fs.statfsSync(mountPoint).bavail).toBe(0);
    };
    const freeDisk = () => fs.rmSync(ballast, { force: true });

    let database = await openDatabase({ kind: 'pglite', dataDir });
    await prepareDatabase(database);
    const count = async (db: Database) => Number((await db.query<{ n: string }>('select count(*) as n from organisations'))[0].n);
    const initialOrganisations = await count(database);
    await database.close();

    // 1. Starting on a full disk: a clear refusal naming the directory, and nothing lost.
    fillDisk();
    const start = await serveUntilExit({ LEERKOMPAS_DATA_DIR: mountPoint });
    expect(start.code, start.output).not.toBe(0);
    expect(start.output).toContain(dataDir);
    expect(start.output).toMatch(/is full/);
    freeDisk();

    // 2. The disk fills while the app runs.
    database = await openDatabase({ kind: 'pglite', dataDir });
    const config = loadConfig({ LOG_LEVEL: 'silent', LEERKOMPAS_DATA_DIR: mountPoint, LEERKOMPAS_LOGIN_LIMIT: '1000' });
    const app = await buildApp({ config, database, version: 'test' });
    let appOpen = true;
    cleanups.push(async () => {
      if (appOpen) {
        await app.close();
        await database.close();
      }
    });
    const session = await logIn(app, ADMIN.email, ADMIN.password);
    const acknowledged: string[] = [];
    const refused: string[] = [];
    const create = async (slug: string) => {
      const res = await session.request('POST', '/api/organisations', {
        name: `Full disk ${slug} ${'x'.repeat(150)}`,
        slug,
        kind: 'employer',
      });
      if (res.statusCode === 201) acknowledged.push(slug);
      return res;
    };
    for (let i = 0; i < 3; i++) expect((await create(`room-${i}`)).statusCode).toBe(201);

    fillDisk();
    // Rows still fit in pages the files already have; writing on until a file must grow.
    let full: Awaited<ReturnType<typeof create>> | undefined;
    for (let i = 0; i < 400 && !full; i++) {
      const slug = `full-${i}`;
      const res = await create(slug);
      expect([201, 507], res.body).toContain(res.statusCode);
      if (res.statusCode === 507) {
        full = res;
        refused.push(slug);
      }
    }
    expect(full, 'no write failed on a full disk').toBeDefined();
    expect(full!.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(full!.json()).toMatchObject({ status: 507, code: 'database.disk_full' });
    // Reads keep working, and so does a second write attempt's clean refusal.
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    const listed = await session.request('GET', '/api/organisations');
    expect(listed.statusCode).toBe(200);
    expect(listed.json().map((o: { slug: string }) => o.slug)).toEqual(expect.arrayContaining(acknowledged));
    const again = await create('full-again');
    expect(again.statusCode).toBe(507);
    refused.push('full-again');

    // Space comes back: writes work again without a restart.
    freeDisk();
    expect((await create('after-space')).statusCode).toBe(201);
    await app.close();
    await database.close();
    appOpen = false;

    // Opened again: every acknowledged write, none of the refused ones.
    const reopened = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const rows = await reopened.query<{ slug: string }>('select slug from organisations');
      const slugs = rows.map((r) => r.slug);
      expect(slugs).toEqual(expect.arrayContaining(acknowledged));
      expect(slugs.filter((s) => refused.includes(s))).toEqual([]);
      expect(await count(reopened)).toBe(initialOrganisations + acknowledged.length);
    } finally {
      await reopened.close();
    }
  }, 120_000);
});
