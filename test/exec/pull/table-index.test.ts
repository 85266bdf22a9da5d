/** The materialized index pull queries read, over a real LMDB topic store. */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tableIndexFor } from '../../../src/exec/pull/table-index.js';
import { openLmdbTopicStore } from '../../../src/store/lmdb/index.js';
import type { StoredRecord, TopicStore } from '../../../src/store/topic-store.js';
import { tempDir } from '../../helpers/cli.js';

const bytes = (s: string): Uint8Array => Buffer.from(s);
const text = (r: StoredRecord): string => `${Buffer.from(r.key!).toString()}=${r.value === null ? 'null' : Buffer.from(r.value).toString()}`;
const config = (partitions: number) => ({ partitions, replicationFactor: 1, retentionMs: -1, cleanupPolicy: 'delete' as const });

describe('table index', () => {
  let store: TopicStore | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it('keeps the latest live record per key, drops deleted keys, and scans partitions in order, keys by bytes', async () => {
    store = await openLmdbTopicStore(join(tempDir(), 'store'));
    await store.createTopic('t', config(2));
    await store.append('t', 1, [{ key: bytes('b'), value: bytes('1') }, { key: bytes('a'), value: bytes('2') }]);
    await store.append('t', 0, [{ key: bytes('z'), value: bytes('3') }, { key: bytes('c'), value: bytes('4') }, { key: bytes('z'), value: null }]);
    await store.append('t', 1, [{ key: bytes('b'), value: bytes('5') }]);
    const index = tableIndexFor(store, 't', 'CREATE SOURCE TABLE t ...', 0);
    await index.catchUp();
    expect(index.scan().map(text)).toEqual(['c=4', 'a=2', 'b=5']);
    expect(index.lookup([bytes('b'), bytes('z'), bytes('b'), bytes('c')]).map(text)).toEqual(['b=5', 'c=4']);
  });

  it('seeks to a key range: per partition from the low bound to the high one, both inclusive', async () => {
    store = await openLmdbTopicStore(join(tempDir(), 'store'));
    await store.createTopic('t', config(2));
    await store.append('t', 0, ['a', 'c', 'e', 'g'].map((k) => ({ key: bytes(k), value: bytes(k.toUpperCase()) })));
    await store.append('t', 1, ['b', 'd', 'f'].map((k) => ({ key: bytes(k), value: bytes(k.toUpperCase()) })));
    const index = tableIndexFor(store, 't', 'range', 0);
    await index.catchUp();
    expect(index.range(bytes('b'), bytes('e')).map(text)).toEqual(['c=C', 'e=E', 'b=B', 'd=D']);
    expect(index.range(bytes('bb'), undefined).map(text)).toEqual(['c=C', 'e=E', 'g=G', 'd=D', 'f=F']);
    expect(index.range(undefined, bytes('b')).map(text)).toEqual(['a=A', 'b=B']);
    expect(index.range(bytes('e'), bytes('c'))).toEqual([]);
    expect(index.range(undefined, undefined)).toEqual(index.scan());
  });

  it('catches up with only what was appended since, and concurrent callers share one read', async () => {
    store = await openLmdbTopicStore(join(tempDir(), 'store'));
    await store.createTopic('t', config(1));
    await store.append('t', 0, [{ key: bytes('k'), value: bytes('1') }]);
    const index = tableIndexFor(store, 't', 'id', 0);
    await index.catchUp();
    expect(index.lookup([bytes('k')]).map(text)).toEqual(['k=1']);
    await store.append('t', 0, [{ key: bytes('k'), value: bytes('2') }, { key: bytes('j'), value: bytes('3') }]);
    await Promise.all([index.catchUp(), index.catchUp()]);
    expect(index.scan().map(text)).toEqual(['j=3', 'k=2']);
    // The same table definition gets the same index back; another definition of the topic a new one.
    expect(tableIndexFor(store, 't', 'id', 0)).toBe(index);
    expect(tableIndexFor(store, 't', 'other', 0)).not.toBe(index);
  });

  it('looks up a windowed key in all its windows, in window order', async () => {
    store = await openLmdbTopicStore(join(tempDir(), 'store'));
    await store.createTopic('w', config(1));
    const windowed = (key: string, start: number): Uint8Array => {
      const b = Buffer.alloc(key.length + 8);
      b.write(key);
      b.writeBigInt64BE(BigInt(start), key.length);
      return b;
    };
    await store.append('w', 0, [
      { key: windowed('k', 2000), value: bytes('2') },
      { key: windowed('k', 1000), value: bytes('1') },
      { key: windowed('x', 1000), value: bytes('9') },
      { key: windowed('k', 3000), value: bytes('3') },
      { key: windowed('k', 3000), value: null },
    ]);
    const index = tableIndexFor(store, 'w', 'id', 8);
    await index.catchUp();
    expect(index.lookup([bytes('k')]).map((r) => Buffer.from(r.value!).toString())).toEqual(['1', '2']);
    expect(index.lookup([bytes('nope')])).toEqual([]);
  });
});
