import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { transformWithEsbuild } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirError, DataDirLockedError, lockDataDir } from './data-dir-lock.js';

const source = path.join(import.meta.dirname, 'data-dir-lock.ts');

/**
 * A racer: its own node process, which on {round, dataDir, startAt} sleeps until startAt, spins the
 * last two milliseconds (so that all racers call lockDataDir within the same few milliseconds), and
 * reports; a winner holds the lock until told to release it.
 */
const racerSource = `
const { lockDataDir } = await import(process.env.LOCK_MODULE);
const sleeper = new Int32Array(new SharedArrayBuffer(4));
const held = new Map();
process.on('disconnect', () => process.exit(0));
process.on('message', (message) => {
  if (message.release !== undefined) {
    held.get(message.release)?.();
    held.delete(message.release);
    process.send({ released: message.release });
    return;
  }
  const { round, dataDir, startAt } = message;
  const wait = startAt - Date.now() - 2;
  if (wait > 0) Atomics.wait(sleeper, 0, 0, wait);
  while (Date.now() < startAt);
  try {
    held.set(round, lockDataDir(dataDir));
    process.send({ round, pid: process.pid, got: true });
  } catch (error) {
    process.send({ round, pid: process.pid, got: false, error: error.constructor.name, holder: error.pid ?? null, message: String(error.message) });
  }
});
process.send({ ready: process.pid });
`;

interface Outcome {
  round: number;
  pid: number;
  got: boolean;
  error?: string;
  holder?: number | null;
  message?: string;
}

class Racers {
  private inbox = new Map<ChildProcess, Record<string, unknown>[]>();
  private waiters = new Map<ChildProcess, Array<() => void>>();
  readonly children: ChildProcess[] = [];

  constructor(count: number, lockModule: string) {
    for (let i = 0; i < count; i++) {
      const child = spawn(process.execPath, ['--input-type=module', '-e', racerSource], {
        env: { ...process.env, LOCK_MODULE: lockModule },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      this.inbox.set(child, []);
      this.waiters.set(child, []);
      child.on('message', (message) => {
        this.inbox.get(child)!.push(message as Record<string, unknown>);
        this.waiters
          .get(child)!
          .splice(0)
          .forEach((wake) => wake());
      });
      this.children.push(child);
    }
  }

  /** The next message from `child` that `match` accepts (earlier ones it does not are dropped). */
  private async next<T>(child: ChildProcess, match: (message: Record<string, unknown>) => boolean): Promise<T> {
    for (;;) {
      const inbox = this.inbox.get(child)!;
      const index = inbox.findIndex(match);
      if (index >= 0) return inbox.splice(0, index + 1).pop() as T;
      if (child.exitCode !== null) throw new Error(`racer ${child.pid} exited with ${child.exitCode}`);
      await new Promise<void>((resolve) => this.waiters.get(child)!.push(resolve));
    }
  }

  async ready(): Promise<number[]> {
    return Promise.all(this.children.map((child) => this.next<{ ready: number }>(child, (m) => 'ready' in m).then((m) => m.ready)));
  }

  /** All racers call lockDataDir(dataDir) at the same moment; returns what each got, locks still held. */
  async race(round: number, dataDir: string): Promise<Outcome[]> {
    const startAt = Date.now() + 100;
    for (const child of this.children) child.send({ round, dataDir, startAt });
    return Promise.all(this.children.map((child) => this.next<Outcome>(child, (m) => m.round === round)));
  }

  async release(round: number): Promise<void> {
    for (const child of this.children) child.send({ release: round });
    await Promise.all(this.children.map((child) => this.next(child, (m) => m.released === round)));
  }

  stop(): void {
    for (const child of this.children) if (child.connected) child.disconnect();
  }
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lk-lock-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A fresh parent directory with `db` as the data dir; the lock is `db.lock` beside it. */
function freshDataDir(name: string): { dataDir: string; lockFile: string; parent: string } {
  const parent = fs.mkdtempSync(path.join(scratch, `${name}-`));
  return { parent, dataDir: path.join(parent, 'db'), lockFile: path.join(parent, 'db.lock') };
}

/** The pid of a process that has exited. */
function deadPid(): number {
  const pid = spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' }).pid!;
  expect(() => process.kill(pid, 0)).toThrow();
  return pid;
}

describe('lockDataDir between processes', () => {
  const racerCount = 8;
  const rounds = 6;
  let racers: Racers;
  let pids: number[];

  beforeAll(async () => {
    // The module imports only node:*, so the racers run it compiled to plain JavaScript: eight
    // processes with the TypeScript loader take seconds to start on two cores, plain node a tenth.
    const compiled = path.join(scratch, 'data-dir-lock.mjs');
    fs.writeFileSync(compiled, (await transformWithEsbuild(fs.readFileSync(source, 'utf8'), source, { format: 'esm' })).code);
    racers = new Racers(racerCount, pathToFileURL(compiled).href);
    pids = await racers.ready();
  }, 60_000);
  afterAll(() => racers?.stop());

  /** Exactly one winner, every other racer refused with DataDirLockedError; the lock names the winner. */
  async function raceRound(round: number, dataDir: string, lockFile: string): Promise<{ winner: Outcome; outcomes: Outcome[] }> {
    const outcomes = await racers.race(round, dataDir);
    const winners = outcomes.filter((o) => o.got);
    const detail = JSON.stringify(outcomes);
    expect(winners, `round ${round}: ${detail}`).toHaveLength(1);
    const winner = winners[0];
    for (const loser of outcomes.filter((o) => !o.got)) {
      expect(loser.error, `round ${round}: ${detail}`).toBe('DataDirLockedError');
      expect(loser.message).toContain(lockFile);
    }
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(winner.pid));
    return { winner, outcomes };
  }

  it(`lets exactly one of ${racerCount} processes starting at once take a free lock, round after round`, async () => {
    for (let round = 0; round < rounds; round++) {
      const { dataDir, lockFile, parent } = freshDataDir('free');
      const { winner, outcomes } = await raceRound(round, dataDir, lockFile);
      // Nobody saw the lock file without its pid: each refusal names the winner.
      for (const loser of outcomes.filter((o) => !o.got)) expect(loser.holder).toBe(winner.pid);
      await racers.release(round);
      expect(fs.readdirSync(parent)).toEqual(['db']);
    }
  }, 30_000);

  it(`lets exactly one of ${racerCount} processes starting at once take over a dead process's lock`, async () => {
    const dead = deadPid();
    for (let round = 100; round < 100 + rounds; round++) {
      const { dataDir, lockFile, parent } = freshDataDir('stale');
      fs.writeFileSync(lockFile, String(dead));
      const { outcomes } = await raceRound(round, dataDir, lockFile);
      // A refusal names the winner, or a racer that was taking over when it looked.
      for (const loser of outcomes.filter((o) => !o.got)) expect(pids).toContain(loser.holder);
      await racers.release(round);
      // No takeover sentinel or temporary file left behind.
      expect(fs.readdirSync(parent)).toEqual(['db']);
    }
  }, 30_000);
});

describe('lockDataDir in one process', () => {
  it('takes a free lock and releases it', () => {
    const { dataDir, lockFile, parent } = freshDataDir('own');
    const release = lockDataDir(dataDir);
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
    expect(fs.readdirSync(parent).sort()).toEqual(['db', 'db.lock']);
    release();
    expect(fs.readdirSync(parent)).toEqual(['db']);
    lockDataDir(dataDir)();
  });

  it('refuses a lock held by a live process and leaves it alone', () => {
    const { dataDir, lockFile } = freshDataDir('live');
    fs.writeFileSync(lockFile, String(process.ppid));
    const error = catchError(() => lockDataDir(dataDir));
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect((error as DataDirLockedError).pid).toBe(process.ppid);
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(process.ppid));
  });

  it('takes over the lock of a dead process', () => {
    const { dataDir, lockFile, parent } = freshDataDir('dead');
    fs.writeFileSync(lockFile, String(deadPid()));
    const release = lockDataDir(dataDir);
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.readdirSync(parent)).toEqual(['db']);
  });

  for (const [what, content] of [
    ['an empty lock file', ''],
    ['a lock file without a pid', 'not a pid'],
  ] as const) {
    it(`treats ${what} as held while it is fresh and as stale once it is old`, () => {
      const { dataDir, lockFile, parent } = freshDataDir('unreadable');
      fs.writeFileSync(lockFile, content);
      const error = catchError(() => lockDataDir(dataDir));
      expect(error).toBeInstanceOf(DataDirLockedError);
      expect((error as DataDirLockedError).pid).toBeNull();
      expect(fs.readFileSync(lockFile, 'utf8')).toBe(content);

      const minuteAgo = new Date(Date.now() - 60_000);
      fs.utimesSync(lockFile, minuteAgo, minuteAgo);
      const release = lockDataDir(dataDir);
      expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
      release();
      expect(fs.readdirSync(parent)).toEqual(['db']);
    });
  }

  it('takes over a stale lock whose takeover was abandoned by a dead process', () => {
    const { dataDir, lockFile, parent } = freshDataDir('abandoned');
    const dead = deadPid();
    fs.writeFileSync(lockFile, String(dead));
    fs.writeFileSync(`${lockFile}.takeover`, String(dead));
    const release = lockDataDir(dataDir);
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.readdirSync(parent)).toEqual(['db']);
  });

  it('refuses a stale lock while a live process is taking it over', () => {
    const { dataDir, lockFile } = freshDataDir('taking');
    const dead = deadPid();
    fs.writeFileSync(lockFile, String(dead));
    fs.writeFileSync(`${lockFile}.takeover`, String(process.ppid));
    const error = catchError(() => lockDataDir(dataDir));
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect((error as DataDirLockedError).pid).toBe(process.ppid);
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(dead));
  });

  it.runIf(process.getuid?.() === 0)('says the disk is full when the lock file cannot be written, and leaves no file behind', () => {
    const mountPoint = fs.mkdtempSync(path.join(scratch, 'full-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mountPoint]);
    try {
      const dataDir = path.join(mountPoint, 'db');
      fs.mkdirSync(dataDir);
      const fd = fs.openSync(path.join(mountPoint, 'ballast'), 'w');
      try {
        for (;;) fs.writeSync(fd, Buffer.alloc(512, 1));
      } catch (error) {
        expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
      } finally {
        fs.closeSync(fd);
      }
      const error = catchError(() => lockDataDir(dataDir));
      expect(error).toBeInstanceOf(DataDirError);
      expect((error as Error).message).toContain(dataDir);
      expect((error as Error).message).toMatch(/disk holding it is full/);
      expect(fs.readdirSync(mountPoint).sort()).toEqual(['ballast', 'db']);
    } finally {
      execFileSync('umount', [mountPoint]);
    }
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
