/**
 * Group commit: appends issued together share LMDB write transactions (and so fsyncs), measured
 * by LMDB's own transaction id on real files, before and after.
 */
import { open } from 'lmdb';
import { afterEach, describe, expect, it } from 'vitest';
import { openLmdbTopicStore } from '../../../src/store/lmdb/index.js';
import { tempDirs } from '../helpers/temp-dir.js';

const dirs = tempDirs('lmdb-group-commit');
afterEach(() => dirs.cleanup());

const CONCURRENT_APPENDS = 200;
/** Far below one transaction per append; a few, as appends queue while a commit is under way. */
const MOST_TRANSACTIONS = 10;

async function lastTxnId(dir: string): Promise<number> {
  const env = open({ path: dir, readOnly: true });
  try {
    return (env.getStats() as { lastTxnId: number }).lastTxnId;
  } finally {
    await env.close();
  }
}

describe('group commit', () => {
  it(`runs ${CONCURRENT_APPENDS} concurrent appends in a few write transactions`, async () => {
    const dir = dirs.make();
    const first = await openLmdbTopicStore(dir);
    await first.createTopic('t', { partitions: 1, replicationFactor: 1, retentionMs: -1, cleanupPolicy: 'delete' });
    await first.close();
    const before = await lastTxnId(dir);

    const store = await openLmdbTopicStore(dir);
    const value = new Uint8Array(100);
    const acks = await Promise.all(Array.from({ length: CONCURRENT_APPENDS }, () => store.append('t', 0, [{ key: null, value }])));
    expect(acks.map((a) => a.baseOffset).sort((x, y) => x - y)).toEqual(Array.from({ length: CONCURRENT_APPENDS }, (_, i) => i));
    await store.close();

    const transactions = (await lastTxnId(dir)) - before;
    expect(transactions).toBeGreaterThan(0);
    expect(transactions).toBeLessThanOrEqual(MOST_TRANSACTIONS);
  });
});
