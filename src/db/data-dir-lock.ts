import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The PGlite data directory cannot be used: not writable, or no room left on its disk. */
export class DataDirError extends Error {
  constructor(
    readonly dataDir: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class DataDirLockedError extends Error {
  constructor(
    readonly lockFile: string,
    /** The process holding (or just taking) the lock; null when its file names none yet. */
    readonly pid: number | null,
  ) {
    super(
      pid === null
        ? `The data directory is in use by another process: its lock file ${lockFile} was created moments ago and names no process. Stop that process first, or try again in a few seconds.`
        : `The data directory is in use by process ${pid} (lock file ${lockFile}). Stop that process first.`,
    );
  }
}

/**
 * A lock file that names no valid pid (empty, garbage, written by an older version that created
 * the file before writing its pid) counts as held for this long after its last change.
 */
const unreadableLockGraceMs = 5_000;

/** Each level only exists when a process died in the middle of a takeover; more means a bug. */
const maxTakeoverDepth = 8;

/** Thrown inside the recursion; lockDataDir names its own lock file in what it throws. */
class Held {
  constructor(readonly pid: number | null) {}
}

interface Mine {
  path: string;
  dev: bigint;
  ino: bigint;
}

const errnoOf = (error: unknown) => (error as NodeJS.ErrnoException).code;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoOf(error) === 'EPERM';
  }
}

/** Who holds `file` and whether that holder is gone; null when the file does not exist. */
function holderOf(file: string): { pid: number | null; stale: boolean } | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return null;
    throw error;
  }
  try {
    const stat = fs.fstatSync(fd);
    const match = /^\s*(\d{1,10})\s*$/.exec(fs.readFileSync(fd, 'utf8'));
    const pid = match ? Number(match[1]) : 0;
    // Our own pid in a lock we do not hold is a previous process that had the same pid (a
    // container restarted: pid 1 again), so it counts as dead.
    if (pid > 0) return { pid, stale: pid === process.pid || !isAlive(pid) };
    return { pid: null, stale: Math.abs(Date.now() - stat.mtimeMs) > unreadableLockGraceMs };
  } finally {
    fs.closeSync(fd);
  }
}

/** Removes `file` if it is still our inode. */
function unlinkIfMine(file: string, mine: Mine): void {
  try {
    const stat = fs.statSync(file, { bigint: true });
    if (stat.ino === mine.ino && stat.dev === mine.dev) fs.unlinkSync(file);
  } catch {
    /* already gone */
  }
}

/**
 * Makes `file` a hard link to our pid file, or throws Held.
 *
 * Why this is safe without an OS lock: the file only ever appears with its pid in it (a link of a
 * finished file), so nobody can read it half-written. A starter only links into a missing name, and
 * a live holder only removes its own inode, so the one change left to guard is the takeover of a
 * stale file — two starters that both saw it stale must not both replace it, or the second would
 * replace the first one's fresh lock. A takeover therefore happens only while holding
 * `<file>.takeover`, re-reads the file under it, and replaces it by rename (the name never goes
 * missing, so no starter can link in between). Between that re-read and the rename nobody else can
 * change the file: it is stale, so its holder will not remove it, and every other taker waits for
 * the sentinel. The sentinel is taken by this same function, so one whose holder died mid-takeover
 * is taken over in turn under `<file>.takeover.takeover`, with the same argument.
 */
function take(file: string, mine: Mine, depth: number): void {
  if (depth > maxTakeoverDepth) throw new Error(`Could not take ${file}: too many abandoned takeovers`);
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      fs.linkSync(mine.path, file);
      return;
    } catch (error) {
      if (errnoOf(error) !== 'EEXIST') throw error;
    }
    const seen = holderOf(file);
    if (!seen) continue; // released meanwhile: link again
    if (!seen.stale) throw new Held(seen.pid);
    const sentinel = `${file}.takeover`;
    take(sentinel, mine, depth + 1);
    try {
      const now = holderOf(file);
      if (!now) continue;
      if (!now.stale) throw new Held(now.pid);
      const spare = `${mine.path}.${depth}`;
      fs.linkSync(mine.path, spare);
      try {
        fs.renameSync(spare, file);
      } catch (error) {
        fs.rmSync(spare, { force: true });
        throw error;
      }
      return;
    } finally {
      unlinkIfMine(sentinel, mine);
    }
  }
  throw new Error(`Could not take ${file}: it kept changing`);
}

/**
 * PGlite does not lock its data dir, and two processes writing it would corrupt it; a pid lock
 * file `<dataDir>.lock` next to it does. A lock left by a dead process (e.g. after kill -9) is
 * taken over. Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(path.dirname(dataDir), `${path.basename(dataDir)}.lock`);
  // In the same directory: a hard link cannot cross file systems.
  const temp = `${lockFile}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(temp, String(process.pid), { flag: 'wx' });
    const stat = fs.statSync(temp, { bigint: true });
    const mine: Mine = { path: temp, dev: stat.dev, ino: stat.ino };
    take(lockFile, mine, 0);
    return () => unlinkIfMine(lockFile, mine);
  } catch (error) {
    if (error instanceof Held) throw new DataDirLockedError(lockFile, error.pid);
    if (errnoOf(error) === 'ENOSPC') {
      throw new DataDirError(
        dataDir,
        `The embedded database in ${dataDir} could not start: the disk holding it is full (writing the lock file ${lockFile} failed). Free space on that disk and start again; the data was not changed.`,
        { cause: error },
      );
    }
    throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}
