/**
 * An acknowledged append must survive the writer being killed: a real child process appends
 * (several appends in flight at once, so group commit is exercised), prints an ack line for each
 * resolved append, and is SIGKILLed mid-stream. Every acked record must be there on reopen.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { acquireDataDirLock } from '../../../src/store/data-dir-lock.js';
import { openLmdbTopicStore } from '../../../src/store/lmdb/index.js';
import { compileStore, runChild, type CompiledStore } from '../helpers/compiled-store.js';
import { tempDirs } from '../helpers/temp-dir.js';

const dirs = tempDirs('crash');
afterEach(() => dirs.cleanup());

let compiled: CompiledStore;
let producer: string;
beforeAll(() => {
  compiled = compileStore();
  producer = compiled.script(
    'produce-until-killed.mjs',
    `import { join } from 'node:path';
     import { acquireDataDirLock } from './data-dir-lock.js';
     import { openLmdbTopicStore } from './lmdb/index.js';
     const dir = process.argv[2];
     await acquireDataDirLock(dir);
     const store = await openLmdbTopicStore(join(dir, 'store'));
     await store.createTopic('t', { partitions: 2, replicationFactor: 1, retentionMs: -1, cleanupPolicy: 'delete' });
     const enc = new TextEncoder();
     let n = 0;
     for (;;) {
       const inFlight = [];
       for (let i = 0; i < 4; i++) {
         const p = n % 2;
         const batch = Array.from({ length: 25 }, (_, j) => ({ key: enc.encode('k' + n + '.' + j), value: enc.encode('v' + n + '.' + j), timestamp: n }));
         const id = n++;
         inFlight.push(store.append('t', p, batch).then((r) => process.stdout.write('ack ' + id + ' ' + p + ' ' + r.baseOffset + '\\n')));
       }
       await Promise.all(inFlight);
     }`,
  );
});
afterAll(() => compiled.cleanup());

it('records acknowledged before SIGKILL are all there after reopen', async () => {
  const dir = dirs.make();
  const run = runChild(producer, [dir]);
  const acks: { id: number; partition: number; baseOffset: number }[] = [];
  try {
    while (acks.length < 60) {
      const [word, id, p, base] = (await run.nextLine()).split(' ');
      expect(word).toBe('ack');
      acks.push({ id: Number(id), partition: Number(p), baseOffset: Number(base) });
    }
  } finally {
    run.child.kill('SIGKILL');
  }
  expect((await run.exited).signal).toBe('SIGKILL');

  // The dead child's lock is taken over, then the store reopens cleanly.
  const lock = await acquireDataDirLock(dir);
  const store = await openLmdbTopicStore(`${dir}/store`);
  try {
    const text = (b: Uint8Array | null): string => new TextDecoder().decode(b!);
    for (const ack of acks) {
      expect(store.offsets('t', ack.partition).end).toBeGreaterThanOrEqual(ack.baseOffset + 25);
      const got = await store.read('t', ack.partition, ack.baseOffset, 25);
      expect(got.map((r) => text(r.value))).toEqual(Array.from({ length: 25 }, (_, j) => `v${ack.id}.${j}`));
      expect(got.map((r) => text(r.key))).toEqual(Array.from({ length: 25 }, (_, j) => `k${ack.id}.${j}`));
      expect(got.every((r) => r.timestamp === ack.id)).toBe(true);
    }
    // Offsets stay dense after the crash: every stored record decodes and the next append continues.
    for (const p of [0, 1]) {
      const { end } = store.offsets('t', p);
      expect((await store.read('t', p, 0, 100_000)).map((r) => r.offset)).toEqual(Array.from({ length: end }, (_, i) => i));
      expect((await store.append('t', p, [{ key: null, value: null }])).baseOffset).toBe(end);
    }
  } finally {
    await store.close();
    await lock.release();
  }
});
