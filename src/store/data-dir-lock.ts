/**
 * One process owns a data dir: an exclusively created lock file holding the owner's pid. LMDB
 * itself allows several processes, so this is what keeps two engines from interleaving catalogs.
 * A lock left by a dead process (kill -9, crash) is taken over.
 */
import { mkdirSync, openSync, readFileSync, closeSync, writeSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { TopicStoreError } from './topic-store.js';

export const LOCK_FILE = 'streamsql.lock';
const MAX_TAKEOVER_ATTEMPTS = 3;

export interface DataDirLock {
  release(): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function acquireDataDirLock(dir: string): Promise<DataDirLock> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < MAX_TAKEOVER_ATTEMPTS; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          try {
            if (readFileSync(path, 'utf8').trim() === String(process.pid)) unlinkSync(path);
          } catch {
            // already gone
          }
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let holder = NaN;
    try {
      holder = Number(readFileSync(path, 'utf8').trim());
    } catch {
      continue; // removed meanwhile; try again
    }
    if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
      throw new TopicStoreError('DATA_DIR_LOCKED', `data dir ${dir} is in use by another streamsql process (pid ${holder})`);
    }
    // Stale (dead owner or garbage): remove and retry.
    try {
      unlinkSync(path);
    } catch {
      // raced with another taker; retry
    }
  }
  throw new TopicStoreError('DATA_DIR_LOCKED', `could not acquire the lock on data dir ${dir}`);
}
