/** The join reader on a real LMDB store: partitions merged by head time, each in offset order. */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSources } from '../../../src/exec/source/multi-topic-reader.js';
import { openLmdbTopicStore, type LmdbTopicStore } from '../../../src/store/lmdb/index.js';
import { tempDir } from '../../helpers/cli.js';

const CONFIG = { partitions: 1, replicationFactor: 1, retentionMs: -1, cleanupPolicy: 'delete' } as const;
const rec = (v: string, timestamp: number) => ({ key: null, value: new TextEncoder().encode(v), timestamp });

describe('readSources', () => {
  let store: LmdbTopicStore | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it('keeps each partition in offset order and takes the earliest head across partitions', async () => {
    store = await openLmdbTopicStore(join(tempDir(), 'store'));
    await store.createTopic('left', CONFIG);
    await store.createTopic('right', CONFIG);
    // The left partition is out of time order: 30 is read before 17, as Kafka Streams would.
    await store.append('left', 0, [rec('l0', 0), rec('l30', 30), rec('l17', 17)]);
    await store.append('right', 0, [rec('r10', 10), rec('r20', 20)]);
    const seen: string[] = [];
    for await (const run of readSources({ store, topics: ['left', 'right'], from: 'earliest', mode: 'snapshot' })) {
      for (const r of run.records) seen.push(new TextDecoder().decode(r.value!));
    }
    expect(seen).toEqual(['l0', 'r10', 'r20', 'l30', 'l17']);
  });
});
