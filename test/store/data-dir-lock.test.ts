import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock, LOCK_FILE } from '../../src/store/data-dir-lock.js';
import { TopicStoreError } from '../../src/store/topic-store.js';
import { compileStore, runChild, type CompiledStore } from './helpers/compiled-store.js';
import { tempDirs } from './helpers/temp-dir.js';

const dirs = tempDirs('lock');
afterEach(() => dirs.cleanup());

let compiled: CompiledStore;
let holdLock: string;
beforeAll(() => {
  compiled = compileStore();
  // Takes the lock, says so, and holds it until killed.
  holdLock = compiled.script(
    'hold-lock.mjs',
    `import { acquireDataDirLock } from './data-dir-lock.js';
     await acquireDataDirLock(process.argv[2]);
     process.stdout.write('locked ' + process.pid + '\\n');
     setInterval(() => {}, 1 << 30);`,
  );
});
afterAll(() => compiled.cleanup());

async function lockError(dir: string): Promise<TopicStoreError> {
  try {
    await acquireDataDirLock(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(TopicStoreError);
    return err as TopicStoreError;
  }
  throw new Error('expected DATA_DIR_LOCKED');
}

describe('acquireDataDirLock', () => {
  it('creates the dir and a lock file with our pid, removed on release', async () => {
    const dir = join(dirs.make(), 'nested', 'data');
    const lock = await acquireDataDirLock(dir);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    await lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    await lock.release(); // idempotent
  });

  it('refuses a second owner in the same process until released', async () => {
    const dir = dirs.make();
    const lock = await acquireDataDirLock(dir);
    const err = await lockError(dir);
    expect(err.code).toBe('DATA_DIR_LOCKED');
    await lock.release();
    const again = await acquireDataDirLock(dir);
    await again.release();
  });

  it('refuses a dir held by a live child process, and takes it over once the child is killed', async () => {
    const dir = dirs.make();
    const run = runChild(holdLock, [dir]);
    try {
      const line = await run.nextLine();
      expect(line).toBe(`locked ${run.child.pid}`);
      const err = await lockError(dir);
      expect(err.code).toBe('DATA_DIR_LOCKED');
      expect(err.message).toBe(`data dir ${dir} is in use by another streamsql process (pid ${run.child.pid})`);
    } finally {
      run.child.kill('SIGKILL');
    }
    expect((await run.exited).signal).toBe('SIGKILL');
    const lock = await acquireDataDirLock(dir);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    await lock.release();
  });

  it('takes over stale locks: garbage, or our own pid left by an earlier run', async () => {
    for (const content of ['', 'not a pid', `${process.pid}\n`]) {
      const dir = dirs.make();
      writeFileSync(join(dir, LOCK_FILE), content);
      const lock = await acquireDataDirLock(dir);
      expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
      await lock.release();
    }
  });

  it('lets exactly one of several concurrent acquirers win', async () => {
    const dir = dirs.make();
    const runs = Array.from({ length: 4 }, () => runChild(holdLock, [dir]));
    try {
      const outcomes = await Promise.allSettled(runs.map((r) => r.nextLine()));
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      for (const [i, o] of outcomes.entries()) if (o.status === 'rejected') expect(runs[i]!.stderr()).toContain('DATA_DIR_LOCKED');
    } finally {
      for (const r of runs) r.child.kill('SIGKILL');
    }
  });
});
