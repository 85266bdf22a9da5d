/**
 * Readers woken by one append take turns: between two readers the event loop runs other work
 * (a pull request), instead of all readers delivering in one go.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readTopic } from '../../../src/exec/source/topic-reader.js';
import { wakeInTurn } from '../../../src/exec/source/wake-queue.js';
import { openLmdbTopicStore, type LmdbTopicStore } from '../../../src/store/lmdb/index.js';
import { tempDir } from '../../helpers/cli.js';

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('wakeInTurn', () => {
  it('runs wakes in order, one per event-loop turn, and loses none', async () => {
    const events: string[] = [];
    wakeInTurn(() => {
      events.push('a');
      setImmediate(() => events.push('other work'));
    });
    wakeInTurn(() => events.push('b'));
    wakeInTurn(() => {
      events.push('c');
      wakeInTurn(() => events.push('d, woken by c'));
    });
    for (let i = 0; i < 6; i++) await turn();
    expect(events).toEqual(['a', 'other work', 'b', 'c', 'd, woken by c']);

    let count = 0;
    for (let i = 0; i < 1000; i++) wakeInTurn(() => count++);
    while (count < 1000) await turn();
    expect(count).toBe(1000);
  });
});

describe('push readers of one topic', () => {
  let store: LmdbTopicStore | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it('get an appended record in turns, with other work served between them', async () => {
    store = await openLmdbTopicStore(join(tempDir(), 'store'));
    await store.createTopic('t', { partitions: 1, replicationFactor: 1, retentionMs: -1, cleanupPolicy: 'delete' });
    const controller = new AbortController();
    const events: string[] = [];
    const readers = [1, 2, 3].map(async (n) => {
      for await (const records of readTopic({ store: store!, topic: 't', from: 'latest', mode: 'push', signal: controller.signal })) {
        events.push(`reader ${n}: ${records.length}`);
      }
    });
    for (let i = 0; i < 3; i++) await turn(); // every reader is waiting
    await store.append('t', 0, [{ key: null, value: new TextEncoder().encode('x') }]);
    setImmediate(() => events.push('other work'));
    for (let i = 0; i < 6; i++) await turn();
    controller.abort();
    await Promise.all(readers);
    expect(events.filter((e) => e.startsWith('reader')).sort()).toEqual(['reader 1: 1', 'reader 2: 1', 'reader 3: 1']);
    // Woken all at once, the three would deliver before the loop turned once.
    expect(events.indexOf('other work')).toBeGreaterThan(0);
    expect(events.indexOf('other work')).toBeLessThan(3);
  });
});
