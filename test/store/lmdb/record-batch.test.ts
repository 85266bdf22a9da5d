/**
 * RecordBatch v2 against an independent implementation: kafkajs' RecordBatch encoder and decoder
 * (with kafkajs-snappy for snappy) build and read batches; ours must produce the same bytes for
 * the same fields and read theirs field for field — real interop, not only our own round trip.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { COMPRESSION_TYPES, loadCodec, type CompressionType } from '../../../src/store/lmdb/compression.js';
import {
  BATCH_HEADER_BYTES,
  checkBatch,
  decodeBatchRecords,
  encodeBatch,
  MAX_ABS_VARINT,
  readBatchHeader,
  setBaseOffset,
  type RecordToEncode,
} from '../../../src/store/lmdb/record-batch.js';

const require = createRequire(import.meta.url);
/* eslint-disable @typescript-eslint/no-explicit-any -- kafkajs ships no types for its protocol modules */
const { RecordBatch } = require('kafkajs/src/protocol/recordBatch/v0') as { RecordBatch: (args: any) => Promise<{ buffer: Buffer }> };
const KafkaRecord = require('kafkajs/src/protocol/recordBatch/record/v0') as (args: any) => unknown;
const decodeKafkaBatch = require('kafkajs/src/protocol/recordBatch/v0/decoder') as (decoder: unknown) => Promise<any>;
const KafkaDecoder = require('kafkajs/src/protocol/decoder') as new (b: Buffer) => unknown;
const Long = require('kafkajs/src/utils/long') as { fromValue(v: number | string): unknown };
const kafkaCompression = require('kafkajs/src/protocol/message/compression') as { Codecs: Record<number, () => unknown> };
kafkaCompression.Codecs[2] = require('kafkajs-snappy') as () => unknown;

const enc = new TextEncoder();
const BASE_TS = 1_700_000_000_000;

const RECORDS: readonly RecordToEncode[] = [
  { timestamp: BASE_TS, key: enc.encode('k1'), value: enc.encode('{"a":1}'), headers: [['h', enc.encode('x')]] },
  { timestamp: BASE_TS + 5, key: null, value: enc.encode('v2'), headers: [] },
  { timestamp: BASE_TS - 70, key: enc.encode('k3'), value: null, headers: [['n', enc.encode('')]] },
  { timestamp: BASE_TS + 100_000, key: enc.encode('k4'), value: new Uint8Array(300).fill(7), headers: [] },
];

async function kafkajsBatch(compression: number, records: readonly RecordToEncode[]): Promise<Buffer> {
  const encoded = await RecordBatch({
    compression,
    firstOffset: Long.fromValue(0),
    firstTimestamp: records[0]!.timestamp,
    maxTimestamp: Math.max(...records.map((r) => r.timestamp)),
    partitionLeaderEpoch: -1,
    lastOffsetDelta: records.length - 1,
    producerId: Long.fromValue(-1),
    producerEpoch: -1,
    firstSequence: -1,
    records: records.map((r, i) =>
      KafkaRecord({
        offsetDelta: i,
        timestampDelta: r.timestamp - records[0]!.timestamp,
        key: r.key === null ? null : Buffer.from(r.key),
        value: r.value === null ? null : Buffer.from(r.value),
        headers: Object.fromEntries((r.headers ?? []).map(([k, v]) => [k, v === null ? null : Buffer.from(v)])),
      }),
    ),
  });
  return encoded.buffer;
}

const plain = (b: Uint8Array | null): number[] | null => (b === null ? null : [...b]);

describe('RecordBatch v2 interop with kafkajs', () => {
  for (const [type, id] of [['none', 0], ['gzip', 1]] as const) {
    it(`encodes the same bytes as kafkajs for the same fields (${type})`, async () => {
      const theirs = await kafkajsBatch(id, RECORDS);
      const ours = encodeBatch({ records: RECORDS, compression: type, codec: await loadCodec(type) });
      expect(Buffer.from(ours).toString('hex')).toBe(theirs.toString('hex'));
    });
  }

  for (const [type, id] of [['none', 0], ['gzip', 1], ['snappy', 2]] as const) {
    it(`reads kafkajs' batch field for field, and kafkajs reads ours (${type})`, async () => {
      const theirs = await kafkajsBatch(id, RECORDS);
      const h = checkBatch(theirs);
      expect(h).toMatchObject({ baseOffset: 0, compression: type, lastOffsetDelta: 3, recordsCount: 4, maxTimestamp: BASE_TS + 100_000, producerId: -1 });
      const decoded = decodeBatchRecords(theirs, h, await loadCodec(type));
      expect(decoded.map((r) => [r.offsetDelta, r.timestamp, plain(r.key), plain(r.value), r.headers.map(([k, v]) => [k, plain(v)])])).toEqual(
        RECORDS.map((r, i) => [i, r.timestamp, plain(r.key), plain(r.value), (r.headers ?? []).map(([k, v]) => [k, plain(v)])]),
      );

      const ours = encodeBatch({ records: RECORDS, compression: type, codec: await loadCodec(type) });
      setBaseOffset(ours, 42);
      const back = await decodeKafkaBatch(new KafkaDecoder(Buffer.from(ours)));
      expect(back.records.map((r: any) => [r.offset, r.timestamp, r.key && [...r.key], r.value && [...r.value], Object.keys(r.headers)])).toEqual(
        RECORDS.map((r, i) => [String(42 + i), String(r.timestamp), plain(r.key), plain(r.value), (r.headers ?? []).map(([k]) => k)]),
      );
    });
  }
});

describe('RecordBatch v2 codec', () => {
  it('round-trips every codec, extreme timestamps and offset gaps', async () => {
    const records: RecordToEncode[] = [
      { timestamp: -MAX_ABS_VARINT, key: null, value: null, headers: [], offsetDelta: 0 },
      { timestamp: MAX_ABS_VARINT, key: enc.encode('k'), value: enc.encode('v'.repeat(70_000)), headers: [['a', null]], offsetDelta: 5 },
    ];
    for (const type of COMPRESSION_TYPES) {
      const bytes = encodeBatch({ records, compression: type, codec: await loadCodec(type as CompressionType), lastOffsetDelta: 9 });
      const h = checkBatch(bytes);
      expect(h.compression).toBe(type);
      expect(h.lastOffsetDelta).toBe(9);
      const back = decodeBatchRecords(bytes, h, await loadCodec(type));
      expect(back.map((r) => [r.offsetDelta, r.timestamp, r.key?.length ?? null, r.value?.length ?? null])).toEqual([
        [0, -MAX_ABS_VARINT, null, null],
        [5, MAX_ABS_VARINT, 1, 70_000],
      ]);
      if (type !== 'none') expect(bytes.length).toBeLessThan(10_000);
    }
  });

  it('baseOffset and partitionLeaderEpoch are outside the CRC; a flipped bit from magic on is caught', async () => {
    const bytes = encodeBatch({ records: RECORDS, compression: 'none', codec: await loadCodec('none') });
    setBaseOffset(bytes, 2 ** 40);
    expect(checkBatch(bytes).baseOffset).toBe(2 ** 40);
    const epoch = new Uint8Array(bytes);
    epoch[12]! ^= 0x04;
    expect(checkBatch(epoch).partitionLeaderEpoch).not.toBe(-1);
    for (const at of [16, 17, 21, 30, BATCH_HEADER_BYTES + 3, bytes.length - 1]) {
      const bad = new Uint8Array(bytes);
      bad[at]! ^= 0x04;
      expect(() => checkBatch(bad), `bit flipped at byte ${at}`).toThrow(/corrupt batch/);
    }
    expect(() => checkBatch(bytes.subarray(0, bytes.length - 1))).toThrow(/batchLength/);
    expect(() => readBatchHeader(bytes.subarray(0, 20))).toThrow(/shorter than a batch header/);
  });

  it('reads snappy without the xerial framing too (raw, as some clients send it)', async () => {
    const snappy = await loadCodec('snappy');
    const data = enc.encode('abc'.repeat(50_000));
    const framed = snappy.compress(data);
    expect([...framed.subarray(0, 8)]).toEqual([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0]);
    const raw = (require('snappy') as { compressSync(b: Uint8Array): Buffer }).compressSync(data);
    expect(Buffer.from(snappy.decompress(raw)).equals(Buffer.from(data))).toBe(true);
    expect(Buffer.from(snappy.decompress(framed)).equals(Buffer.from(data))).toBe(true);
  });
});
