/** Identical small reads share one result until the partition changes (push fan-out), on real LMDB files. */
import { afterEach, describe, expect, it } from 'vitest';
import { openLmdbTopicStore, type LmdbTopicStore } from '../../../src/store/lmdb/index.js';
import { SHARED_READ_MAX_RECORDS } from '../../../src/store/lmdb/lmdb-topic-store.js';
import type { TopicConfig } from '../../../src/store/topic-store.js';
import { tempDirs } from '../helpers/temp-dir.js';

const dirs = tempDirs('lmdb-shared-read');
const opened: LmdbTopicStore[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
  dirs.cleanup();
});

const CONFIG: TopicConfig = { partitions: 1, replicationFactor: 1, retentionMs: -1, cleanupPolicy: 'delete' };
const rec = (k: string, v: string) => ({ key: new TextEncoder().encode(k), value: new TextEncoder().encode(v) });
const values = (rs: readonly { value: Uint8Array | null }[]): string[] => rs.map((r) => new TextDecoder().decode(r.value!));

async function openStore(clock = () => 1_000): Promise<LmdbTopicStore> {
  const s = await openLmdbTopicStore(dirs.make(), { clock });
  opened.push(s);
  return s;
}

describe('shared reads', () => {
  it('hand the same records to identical reads, and read again after an append', async () => {
    const s = await openStore();
    await s.createTopic('t', CONFIG);
    await s.append('t', 0, [rec('a', '1'), rec('b', '2')]);
    const first = await s.read('t', 0, 1, 10);
    expect(await s.read('t', 0, 1, 10)).toBe(first);
    expect(await s.read('t', 0, 0, 10)).not.toBe(first); // another range
    await s.append('t', 0, [rec('c', '3')]);
    const after = await s.read('t', 0, 1, 10);
    expect(values(after)).toEqual(['2', '3']);
    expect(values(first)).toEqual(['2']); // what the earlier readers got is unchanged
  });

  it('keep no large reads', async () => {
    const s = await openStore();
    await s.createTopic('t', CONFIG);
    await s.append('t', 0, Array.from({ length: SHARED_READ_MAX_RECORDS + 1 }, (_, i) => rec(`k${i}`, `${i}`)));
    const big = await s.read('t', 0, 0, 1_000);
    expect(big).toHaveLength(SHARED_READ_MAX_RECORDS + 1);
    expect(await s.read('t', 0, 0, 1_000)).not.toBe(big);
  });

  it('see records removed by retention and by compaction', async () => {
    const s = await openStore();
    await s.createTopic('r', { ...CONFIG, retentionBytes: 1 });
    await s.append('r', 0, [rec('a', '1')]);
    await s.append('r', 0, [rec('a', '2')]);
    expect(values(await s.read('r', 0, 0, 10))).toEqual(['1', '2']);
    expect(await s.deleteExpiredRecords()).toBeGreaterThan(0);
    expect(values(await s.read('r', 0, 0, 10))).toEqual([]);

    await s.createTopic('c', { ...CONFIG, cleanupPolicy: 'compact' });
    await s.append('c', 0, [rec('a', '1'), rec('a', '2'), rec('b', '3')]);
    expect(values(await s.read('c', 0, 0, 10))).toEqual(['1', '2', '3']);
    expect(await s.deleteExpiredRecords()).toBe(1);
    expect(values(await s.read('c', 0, 0, 10))).toEqual(['2', '3']);
  });
});
