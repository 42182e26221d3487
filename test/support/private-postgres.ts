import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './server-process.js';

/**
 * A throwaway PostgreSQL 15 cluster of the test's own (initdb + pg_ctl), on a free port with its
 * socket in its own directory: a test may stop and start it without touching the machine's shared
 * server. As root the binaries run as the `postgres` OS user (the server refuses root).
 */
export const postgresBinDir = process.env.LK_TEST_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PrivatePostgres {
  url: string;
  /** `pg_ctl stop -m immediate`: every backend killed at once, no shutdown checkpoint — like a crash. */
  crash(): void;
  start(): void;
  log(): string;
  dispose(): void;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  for (const tool of ['initdb', 'pg_ctl', 'postgres']) {
    if (!fs.existsSync(path.join(postgresBinDir, tool))) {
      throw new Error(
        `${path.join(postgresBinDir, tool)} is missing: this test starts its own PostgreSQL server. ` +
          'Install the server (Debian: apt-get install postgresql) or set LK_TEST_PG_BIN to its bin directory.',
      );
    }
  }
  const isRoot = process.getuid?.() === 0;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lk-private-pg-'));
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    fs.chownSync(root, uid, gid);
  }
  const dataDir = path.join(root, 'data');
  const logFile = path.join(root, 'server.log');
  const asPostgres = (tool: string, args: string[]) => {
    const [cmd, ...rest] = isRoot
      ? ['runuser', '-u', 'postgres', '--', path.join(postgresBinDir, tool), ...args]
      : [path.join(postgresBinDir, tool), ...args];
    return execFileSync(cmd, rest, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  };
  const port = await freePort();
  // fsync off is safe here: the "crash" kills processes, not the machine, so written WAL survives in
  // the OS. synchronous_commit must stay on: with it off, a commit acknowledged just before the
  // crash (the login's session row, the write before the outage) may be lost, and the test flakes.
  const options = () => `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=30`;
  const cluster: PrivatePostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    crash() {
      asPostgres('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    },
    start() {
      asPostgres('pg_ctl', ['-D', dataDir, '-o', options(), '-l', logFile, '-w', '-t', '60', 'start']);
    },
    log: () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : ''),
    dispose() {
      try {
        asPostgres('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } catch {
        /* not running */
      }
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
  try {
    asPostgres('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
    cluster.start();
  } catch (error) {
    const log = cluster.log();
    cluster.dispose();
    throw new Error(`could not start a private PostgreSQL server: ${(error as Error).message}\n${log}`, { cause: error });
  }
  return cluster;
}
