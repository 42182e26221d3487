import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { lockDataDir, openDatabase, pgliteExtensions } from '../db/client.js';
import type { Config } from '../server/config.js';

/**
 * `leerkompas backup <file>` and `leerkompas restore <file> [--force]`, for both database modes:
 * - PGlite: PGlite's own data-dir tarball (dumpDataDir / loadDataDir), gzip-compressed, taken
 *   after a CHECKPOINT. The server must be stopped: the data dir's lock says so otherwise.
 * - PostgreSQL: pg_dump in the custom format (online, consistent) and pg_restore in one
 *   transaction; the client tools must be on PATH, of the server's major version or newer.
 * Neither command runs migrations: a backup holds the database as it was, and the next
 * `leerkompas serve` after a restore brings it up to date.
 */
export const backupUsage = [
  'leerkompas backup <file>                     back up the database (PGlite: stop the server first)',
  'leerkompas restore <file> [--force]          restore a backup into an empty database (--force: replace)',
];

export class BackupError extends Error {}

const PG_DUMP_MAGIC = 'PGDMP';
const GZIP_MAGIC = [0x1f, 0x8b];

type BackupKind = 'pglite' | 'postgres';

function backupKindOf(file: string): BackupKind | 'unknown' {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(5);
    fs.readSync(fd, head, 0, 5, 0);
    if (head.toString('latin1') === PG_DUMP_MAGIC) return 'postgres';
    if (head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1]) return 'pglite';
    return 'unknown';
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes through a temporary name, so a failed backup never leaves a file that looks whole; the
 * file is readable by its owner only (it holds personal data and password hashes).
 */
async function writeAtomically(file: string, write: (partial: string) => Promise<void>): Promise<void> {
  const partial = `${file}.partial`;
  try {
    await write(partial);
    fs.chmodSync(partial, 0o600);
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/** libpq settings from DATABASE_URL; the password goes in the environment, not on the command line. */
function libpqTarget(url: string): { dbname: string; env: Record<string, string>; database: string } {
  const parsed = new URL(url);
  const env: Record<string, string> = {};
  if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), env, database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) };
}

function run(tool: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        new BackupError(
          error.code === 'ENOENT'
            ? `${tool} was not found. Install the PostgreSQL client tools (Debian: apt-get install postgresql-client), of the server's major version or newer.`
            : `${tool} could not run: ${error.message}`,
        ),
      ),
    );
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new BackupError(`${tool} failed (exit code ${code}):\n${stderr.trim()}`)),
    );
  });
}

export async function backup(config: Config, file: string): Promise<string> {
  const target = path.resolve(file);
  if (config.database.kind === 'postgres') {
    const { dbname, env } = libpqTarget(config.database.url);
    await writeAtomically(target, (partial) => run('pg_dump', ['--format=custom', '--file', partial, '--dbname', dbname], env));
    return `PostgreSQL database backed up to ${target} (pg_dump custom format).`;
  }
  const database = await openDatabase(config.database);
  try {
    // Flush every change to the data files, so the tarball needs no crash recovery.
    await database.exec('CHECKPOINT');
    const tarball = await database.pglite!.dumpDataDir('gzip');
    await writeAtomically(target, async (partial) => fs.writeFileSync(partial, Buffer.from(await tarball.arrayBuffer()), { mode: 0o600 }));
  } finally {
    await database.close();
  }
  return `Embedded database ${config.database.dataDir} backed up to ${target} (PGlite data-dir tarball).`;
}

export async function restore(config: Config, file: string, options: { force?: boolean } = {}): Promise<string> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new BackupError(`No backup file at ${source}.`);
  const kind = backupKindOf(source);
  if (kind !== config.database.kind) {
    const what =
      kind === 'unknown' ? 'is not a Leerkompas backup' : `is a ${kind === 'postgres' ? 'PostgreSQL (pg_dump)' : 'PGlite'} backup`;
    throw new BackupError(
      `${source} ${what}, and the configured database is ${config.database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : 'the embedded PGlite'}. ` +
        'Restore a backup made in the same database mode.',
    );
  }
  if (config.database.kind === 'postgres') {
    const { dbname, env, database } = libpqTarget(config.database.url);
    const client = new pg.Client({ connectionString: config.database.url });
    await client.connect();
    let tables: number;
    try {
      const result = await client.query<{ n: string }>(
        "select count(*) as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')",
      );
      tables = Number(result.rows[0].n);
    } finally {
      await client.end();
    }
    if (tables > 0 && !options.force) {
      throw new BackupError(
        `The database ${database} already holds ${tables} tables. Restore into an empty database (createdb), or pass --force to replace its contents.`,
      );
    }
    const args = ['--no-owner', '--no-comments', '--single-transaction', '--exit-on-error', '--dbname', dbname];
    if (tables > 0) args.push('--clean', '--if-exists');
    await run('pg_restore', [...args, source], env);
    return `Restored ${source} into the PostgreSQL database ${database}. Start Leerkompas to apply newer migrations, if any.`;
  }
  const { dataDir } = config.database;
  const release = lockDataDir(dataDir);
  let movedTo: string | null = null;
  try {
    if (fs.readdirSync(dataDir).length > 0) {
      if (!options.force) {
        throw new BackupError(
          `The data directory ${dataDir} is not empty. Restore into an empty directory, or pass --force to move it aside first.`,
        );
      }
      movedTo = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      fs.renameSync(dataDir, movedTo);
      fs.mkdirSync(dataDir);
    }
    const tarball = new Blob([fs.readFileSync(source)]);
    const client = await PGlite.create(dataDir, { extensions: pgliteExtensions, loadDataDir: tarball });
    try {
      await client.query('select 1');
    } finally {
      await client.close();
    }
  } catch (error) {
    if (movedTo) (error as Error).message += ` (the previous contents of the data directory are in ${movedTo})`;
    throw error;
  } finally {
    release();
  }
  return (
    `Restored ${source} into ${dataDir}.` +
    (movedTo ? ` The previous contents are in ${movedTo}; remove that directory when you no longer need it.` : '') +
    ' Start Leerkompas to apply newer migrations, if any.'
  );
}

/** Entry point from the CLI: `backup <file>` or `restore <file> [--force]`. */
export async function backupCommand(command: 'backup' | 'restore', args: string[], config: Config): Promise<void> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { force: { type: 'boolean' } } });
  if (positionals.length !== 1) throw new BackupError(`Usage:\n  ${command === 'backup' ? backupUsage[0] : backupUsage[1]}`);
  if (command === 'backup' && values.force) throw new BackupError('backup takes no --force: it never overwrites the database.');
  console.log(command === 'backup' ? await backup(config, positionals[0]) : await restore(config, positionals[0], { force: values.force }));
}
