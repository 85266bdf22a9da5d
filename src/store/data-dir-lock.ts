/**
 * One process owns a data dir: a lock file holding the owner's pid. LMDB itself allows several
 * processes, so this is what keeps two engines from interleaving catalogs and offsets, and what
 * lets the store keep an exact in-memory mirror of its offsets.
 *
 * The lock file appears atomically with its content (written to a private temp file, then
 * hard-linked to the lock name, which fails if it exists), so a reader never sees an empty lock.
 * A lock whose pid is dead (kill -9, crash, power loss) is taken over: it is renamed away, and if
 * what was renamed turns out not to be the stale lock we judged (a racing taker got there first),
 * it is put back. A pid recorded by a previous run that equals our own pid (pid reuse after a
 * container restart) is stale too unless this process holds the lock itself.
 * Remaining gap: a dead owner's pid reused by an unrelated live process reads as "in use".
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, unlink, writeFile, link, rename, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { TopicStoreError } from './topic-store.js';

export const LOCK_FILE = 'streamsql.lock';
/** Rounds of "find a stale lock, take it over, try again" before giving up. */
const MAX_TAKEOVER_ATTEMPTS = 5;

export interface DataDirLock {
  /** Removes the lock file if it is still ours. Idempotent. */
  release(): Promise<void>;
}

/** Lock files this process holds, by real path: a second acquire in-process must fail too. */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function errno(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code;
}

async function readPid(path: string): Promise<number | undefined> {
  try {
    const pid = Number((await readFile(path, 'utf8')).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : NaN;
  } catch (err) {
    if (errno(err) === 'ENOENT') return undefined;
    throw err;
  }
}

function lockedError(dir: string, pid: number): TopicStoreError {
  return new TopicStoreError('DATA_DIR_LOCKED', `data dir ${dir} is in use by another streamsql process (pid ${pid})`);
}

/** Creates the lock file atomically with our pid; false if a lock file exists. */
async function tryCreate(path: string): Promise<boolean> {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, `${process.pid}\n`, { flag: 'wx' });
  try {
    await link(tmp, path);
    return true;
  } catch (err) {
    if (errno(err) === 'EEXIST') return false;
    throw err;
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

/** Moves a stale lock (recorded pid `stalePid`) out of the way; restores it if it was not stale. */
async function removeStale(path: string, stalePid: number): Promise<void> {
  const aside = `${path}.stale.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    await rename(path, aside);
  } catch (err) {
    if (errno(err) === 'ENOENT') return; // someone else removed it; just retry
    throw err;
  }
  const moved = await readPid(aside);
  if (moved === stalePid || Number.isNaN(moved)) {
    await unlink(aside).catch(() => undefined);
    return;
  }
  // We moved a fresh lock of a racing taker: put it back (if a third one was faster, it wins).
  await link(aside, path).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

export async function acquireDataDirLock(dir: string): Promise<DataDirLock> {
  await mkdir(dir, { recursive: true });
  const path = join(await realpath(dir), LOCK_FILE);
  if (heldHere.has(path)) throw lockedError(dir, process.pid);
  // Reserved synchronously, so a lock file with our pid can only be a previous run's.
  heldHere.add(path);
  try {
    for (let attempt = 0; attempt < MAX_TAKEOVER_ATTEMPTS; attempt++) {
      if (await tryCreate(path)) return ownedLock(path);
      const holder = await readPid(path);
      if (holder === undefined) continue; // released meanwhile
      if (!Number.isNaN(holder) && holder !== process.pid && isAlive(holder)) throw lockedError(dir, holder);
      await removeStale(path, holder);
    }
    throw new TopicStoreError('DATA_DIR_LOCKED', `could not acquire the lock on data dir ${dir}: it keeps changing owner`);
  } catch (err) {
    heldHere.delete(path);
    throw err;
  }
}

function ownedLock(path: string): DataDirLock {
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      if ((await readPid(path)) === process.pid) await unlink(path).catch(() => undefined);
      heldHere.delete(path);
    },
  };
}

/** The pid of the live process holding `dir`'s lock, if any (a stale lock names none). */
export async function lockHolder(dir: string): Promise<number | undefined> {
  const pid = await readPid(join(dir, LOCK_FILE));
  return pid !== undefined && !Number.isNaN(pid) && isAlive(pid) ? pid : undefined;
}
