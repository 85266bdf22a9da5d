/** The store's batch-level API and compression.type, and the store-format marker, on real LMDB files. */
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { open } from 'lmdb';
import { afterEach, describe, expect, it } from 'vitest';
import { openLmdbTopicStore, type LmdbTopicStore } from '../../../src/store/lmdb/index.js';
import { loadCodec } from '../../../src/store/lmdb/compression.js';
import { checkBatch, encodeBatch, readBatchHeader } from '../../../src/store/lmdb/record-batch.js';
import { TopicStoreError, type TopicConfig } from '../../../src/store/topic-store.js';
import { tempDirs } from '../helpers/temp-dir.js';

const dirs = tempDirs('lmdb-batches');
const opened: LmdbTopicStore[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
  dirs.cleanup();
});

const CONFIG: TopicConfig = { partitions: 1, replicationFactor: 1, retentionMs: -1, cleanupPolicy: 'delete' };
const enc = new TextEncoder();
const text = (b: Uint8Array | null): string | null => (b === null ? null : new TextDecoder().decode(b));

async function openStore(dir = dirs.make()): Promise<LmdbTopicStore> {
  const s = await openLmdbTopicStore(dir, { clock: () => 1_000 });
  opened.push(s);
  return s;
}

const require = createRequire(import.meta.url);
/* eslint-disable @typescript-eslint/no-explicit-any -- kafkajs ships no types for its protocol modules */
const { RecordBatch } = require('kafkajs/src/protocol/recordBatch/v0') as { RecordBatch: (args: any) => Promise<{ buffer: Buffer }> };
const KafkaRecord = require('kafkajs/src/protocol/recordBatch/record/v0') as (args: any) => unknown;
const Long = require('kafkajs/src/utils/long') as { fromValue(v: number): unknown };

/** A gzip batch of `values` as kafkajs' producer builds it (producer id 7, sequence 3). */
async function producerBatch(values: readonly string[]): Promise<Buffer> {
  const b = await RecordBatch({
    compression: 1,
    firstOffset: Long.fromValue(0),
    firstTimestamp: 5_000,
    maxTimestamp: 5_000 + values.length - 1,
    lastOffsetDelta: values.length - 1,
    producerId: Long.fromValue(7),
    producerEpoch: 0,
    firstSequence: 3,
    records: values.map((v, i) => KafkaRecord({ offsetDelta: i, timestampDelta: i, key: Buffer.from(`k${i}`), value: Buffer.from(v) })),
  });
  return b.buffer;
}

describe('appendBatch / readBatches', () => {
  it("stores a producer's batch byte for byte except baseOffset, and serves it back whole", async () => {
    const s = await openStore();
    await s.createTopic('t', CONFIG);
    await s.append('t', 0, [{ key: null, value: enc.encode('first') }]);
    const batch = await producerBatch(['a', 'b', 'c']);
    expect(await s.appendBatch('t', 0, batch)).toEqual({ partition: 0, baseOffset: 1, lastOffset: 3 });
    expect(s.offsets('t', 0)).toEqual({ start: 0, end: 4 });
    const served = await s.readBatches('t', 0, 2, 1_000_000);
    expect(served.length).toBe(1); // the batch holding offset 2, from its base offset 1
    expect(Buffer.from(served[0]!.subarray(8)).equals(batch.subarray(8))).toBe(true);
    expect(readBatchHeader(served[0]!)).toMatchObject({ baseOffset: 1, compression: 'gzip', producerId: 7, baseSequence: 3 });
    expect(batch.readBigInt64BE(0)).toBe(0n); // the caller's buffer is left alone
    const records = await s.read('t', 0, 2, 10);
    expect(records.map((r) => [r.offset, r.timestamp, text(r.key), text(r.value)])).toEqual([
      [2, 5_001, 'k1', 'b'],
      [3, 5_002, 'k2', 'c'],
    ]);
    expect((await s.readBatches('t', 0, 0, 1)).length).toBe(1); // at least one batch, whatever maxBytes says
    expect((await s.readBatches('t', 0, 0, 1_000_000)).length).toBe(2);
    expect(await s.offsetForTimestamp('t', 0, 5_002)).toBe(3);
  });

  it('rejects a batch whose CRC-32C does not match, and one past max.message.bytes', async () => {
    const s = await openStore();
    await s.createTopic('t', { ...CONFIG, maxMessageBytes: 100 });
    const bad = Buffer.from(await producerBatch(['a']));
    bad[bad.length - 1]! ^= 1;
    const err = await s.appendBatch('t', 0, bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TopicStoreError);
    expect((err as TopicStoreError).code).toBe('CORRUPT_RECORD');
    expect((err as TopicStoreError).message).toMatch(/CRC-32C mismatch/);
    const big = await s.appendBatch('t', 0, await producerBatch([randomBytes(500).toString('base64')])).catch((e: unknown) => e);
    expect((big as TopicStoreError).code).toBe('RECORD_TOO_LARGE');
    expect(s.offsets('t', 0)).toEqual({ start: 0, end: 0 });
  });
});

describe('compression.type', () => {
  it("'producer' keeps the producer's codec; a codec name re-compresses, and engine appends use it", async () => {
    const s = await openStore();
    await s.createTopic('keep', CONFIG);
    await s.createTopic('z', { ...CONFIG, compressionType: 'zstd' });
    expect(s.describeTopic('keep')!.config.compressionType).toBe('producer');
    await s.appendBatch('keep', 0, await producerBatch(['a', 'b']));
    await s.appendBatch('z', 0, await producerBatch(['a', 'b']));
    await s.append('z', 0, [{ key: null, value: enc.encode('c'.repeat(1_000)) }]);
    expect(readBatchHeader((await s.readBatches('keep', 0, 0, 1))[0]!).compression).toBe('gzip');
    const zb = await s.readBatches('z', 0, 0, 1_000_000);
    expect(zb.map((b) => checkBatch(b).compression)).toEqual(['zstd', 'zstd']);
    expect(zb.map((b) => readBatchHeader(b).producerId)).toEqual([7, -1]); // re-compression keeps producer fields
    expect(zb[1]!.length).toBeLessThan(200);
    expect((await s.read('z', 0, 0, 10)).map((r) => text(r.value)?.slice(0, 3))).toEqual(['a', 'b', 'ccc']);
    await expect(s.createTopic('bad', { ...CONFIG, compressionType: 'brotli' as never })).rejects.toThrow(/compressionType must be one of/);
  });

  it('compacts compressed batches, keeping their codec and the survivors offsets', async () => {
    const s = await openStore();
    await s.createTopic('c', { ...CONFIG, cleanupPolicy: 'compact', compressionType: 'lz4' });
    const r = (k: string, v: string) => ({ key: enc.encode(k), value: enc.encode(v) });
    await s.append('c', 0, [r('a', '1'), r('b', '1'), r('a', '2')]);
    await s.append('c', 0, [r('b', '2'), r('c', '1')]);
    expect(await s.deleteExpiredRecords()).toBe(2);
    expect((await s.read('c', 0, 0, 10)).map((x) => [x.offset, text(x.key), text(x.value)])).toEqual([
      [2, 'a', '2'],
      [3, 'b', '2'],
      [4, 'c', '1'],
    ]);
    const batches = await s.readBatches('c', 0, 0, 1_000_000);
    expect(batches.map((b) => [readBatchHeader(b).baseOffset, readBatchHeader(b).lastOffsetDelta, checkBatch(b).compression])).toEqual([
      [0, 2, 'lz4'],
      [3, 1, 'lz4'],
    ]);
    expect(s.offsets('c', 0)).toEqual({ start: 0, end: 5 });
  });
});

describe('store format', () => {
  it('refuses a data dir written before RecordBatch v2, with a message that says what to do', async () => {
    const dir = dirs.make();
    // What the format-1 store left behind: topics and a topic counter, no format marker.
    const raw = open({ path: dir, maxDbs: 8, compression: false });
    await raw.openDB({ name: 'meta', encoding: 'msgpack' }).put('nextTopicId', 2);
    await raw.close();
    const err = await openLmdbTopicStore(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TopicStoreError);
    expect((err as TopicStoreError).code).toBe('UNSUPPORTED_STORE_FORMAT');
    expect((err as TopicStoreError).message).toMatch(/store format 1 .*reads only store format 2/);
  });

  it('stamps a new store and opens it again', async () => {
    const dir = dirs.make();
    const s = await openStore(dir);
    await s.createTopic('t', CONFIG);
    await s.close();
    opened.splice(0);
    expect((await openStore(dir)).listTopics().map((t) => t.name)).toEqual(['t']);
  });
});

it('engine appends split into batches of bounded size, offsets stay dense', async () => {
  const s = await openStore();
  await s.createTopic('t', CONFIG);
  await s.append('t', 0, Array.from({ length: 2_500 }, (_, i) => ({ key: null, value: enc.encode(String(i)) })));
  const batches = await s.readBatches('t', 0, 0, 100_000_000);
  expect(batches.map((b) => readBatchHeader(b).baseOffset)).toEqual([0, 1_000, 2_000]);
  expect((await s.read('t', 0, 1_998, 4)).map((r) => text(r.value))).toEqual(['1998', '1999', '2000', '2001']);
  expect(encodeBatch({ records: [{ timestamp: 0, key: null, value: null, headers: [] }], compression: 'none', codec: await loadCodec('none') }).length).toBe(61 + 7); // header + a 6-byte empty record and its length
});
