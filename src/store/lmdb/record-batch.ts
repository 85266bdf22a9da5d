/**
 * Kafka's RecordBatch v2 (magic 2), byte for byte (https://kafka.apache.org/documentation/#recordbatch),
 * the store's unit of storage: a producer's batch is kept as it came, so a Kafka-protocol
 * listener can serve it without re-encoding. All integers are big-endian.
 *
 *    0 baseOffset int64          (rewritten by the store on append; not covered by the CRC)
 *    8 batchLength int32         (bytes after this field)
 *   12 partitionLeaderEpoch int32
 *   16 magic int8 = 2
 *   17 crc uint32                CRC-32C of bytes 21..end
 *   21 attributes int16          bits 0-2 compression, 3 timestampType (1 = LogAppendTime),
 *                                4 isTransactional, 5 isControlBatch
 *   23 lastOffsetDelta int32
 *   27 baseTimestamp int64
 *   35 maxTimestamp int64
 *   43 producerId int64
 *   51 producerEpoch int16
 *   53 baseSequence int32
 *   57 recordsCount int32
 *   61 records                   compressed as a whole when attributes say so
 *
 * A record: varint length | int8 attributes | varlong timestampDelta | varint offsetDelta |
 * varint keyLength | key | varint valueLength | value | varint headerCount |
 * per header: varint keyLength | key (UTF-8) | varint valueLength | value.
 * Varints are zigzag-encoded (Kafka's ByteUtils.writeVarint/writeVarlong); a length of -1 is null.
 */
import type { Header } from '../topic-store.js';
import { crc32c } from './crc32c.js';
import { COMPRESSION_IDS, compressionTypeOf, type Codec, type CompressionType } from './compression.js';

export const MAGIC_V2 = 2;
/** Bytes of the batch header, before the records. */
export const BATCH_HEADER_BYTES = 61;
/** Bytes of baseOffset and batchLength: batchLength counts what follows them. */
export const LOG_OVERHEAD = 12;
const CRC_OFFSET = 17;
const ATTRIBUTES_OFFSET = 21;
const COMPRESSION_MASK = 0x07;
const LOG_APPEND_TIME_FLAG = 0x08;
const TRANSACTIONAL_FLAG = 0x10;
const CONTROL_FLAG = 0x20;
/** Kafka's "no producer" values: what a non-idempotent producer (and the engine) writes. */
export const NO_PRODUCER_ID = -1;
export const NO_PRODUCER_EPOCH = -1;
export const NO_SEQUENCE = -1;
export const NO_PARTITION_LEADER_EPOCH = -1;

/** Timestamps and lengths must fit a zigzag varint computed with float arithmetic exactly. */
export const MAX_ABS_VARINT = 2 ** 52 - 1;

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

export interface BatchHeader {
  readonly baseOffset: number;
  /** Bytes of the whole batch (batchLength + LOG_OVERHEAD). */
  readonly sizeInBytes: number;
  readonly partitionLeaderEpoch: number;
  readonly crc: number;
  readonly attributes: number;
  readonly compression: CompressionType;
  readonly logAppendTime: boolean;
  readonly transactional: boolean;
  readonly control: boolean;
  readonly lastOffsetDelta: number;
  readonly baseTimestamp: number;
  readonly maxTimestamp: number;
  readonly producerId: number;
  readonly producerEpoch: number;
  readonly baseSequence: number;
  readonly recordsCount: number;
}

/** One record of a batch; key, value and header values are views into the decoded bytes. */
export interface BatchRecord {
  readonly offsetDelta: number;
  readonly timestamp: number;
  readonly key: Uint8Array | null;
  readonly value: Uint8Array | null;
  readonly headers: readonly Header[];
  /** Bytes the record takes in the (uncompressed) records section, length prefix included. */
  readonly sizeInBytes: number;
}

export interface RecordToEncode {
  readonly timestamp: number;
  readonly key: Uint8Array | null;
  readonly value: Uint8Array | null;
  readonly headers: readonly Header[] | undefined;
  /** Defaults to the record's index in the batch; compaction keeps the original deltas. */
  readonly offsetDelta?: number;
}

export interface BatchToEncode {
  readonly records: readonly RecordToEncode[];
  readonly compression: CompressionType;
  /** The loaded codec for `compression`. */
  readonly codec: Codec;
  /** Defaults to the last record's offsetDelta; compaction keeps a batch's original value. */
  readonly lastOffsetDelta?: number;
  /** Kept from an original batch when it is rewritten; Kafka's "none" values otherwise. */
  readonly producer?: Pick<BatchHeader, 'partitionLeaderEpoch' | 'producerId' | 'producerEpoch' | 'baseSequence' | 'transactional' | 'baseTimestamp'>;
}

function zigzag(n: number): number {
  return n >= 0 ? n * 2 : -n * 2 - 1;
}

function varintSize(n: number): number {
  let z = zigzag(n);
  let size = 1;
  while (z >= 128) {
    z = Math.floor(z / 128);
    size++;
  }
  return size;
}

const bytesSize = (b: Uint8Array | null): number => (b === null ? 1 : varintSize(b.length) + b.length);

class Writer {
  pos = 0;
  constructor(readonly out: Uint8Array) {}

  varint(n: number): void {
    let z = zigzag(n);
    while (z >= 128) {
      this.out[this.pos++] = (z % 128) | 128;
      z = Math.floor(z / 128);
    }
    this.out[this.pos++] = z;
  }

  bytes(b: Uint8Array | null): void {
    if (b === null) {
      this.varint(-1);
      return;
    }
    this.varint(b.length);
    this.out.set(b, this.pos);
    this.pos += b.length;
  }
}

class Reader {
  pos = 0;
  constructor(readonly buf: Uint8Array) {}

  varint(): number {
    let z = 0;
    let scale = 1;
    for (;;) {
      if (this.pos >= this.buf.length) throw new Error('corrupt batch: truncated varint');
      const b = this.buf[this.pos++]!;
      z += (b & 127) * scale;
      if (b < 128) break;
      scale *= 128;
      if (scale > 2 ** 63) throw new Error('corrupt batch: varint too long');
    }
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }

  bytes(): Uint8Array | null {
    const len = this.varint();
    if (len < 0) return null;
    if (this.pos + len > this.buf.length) throw new Error('corrupt batch: length past end');
    const b = this.buf.subarray(this.pos, this.pos + len);
    this.pos += len;
    return b;
  }
}

function view(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

/** Encodes records and header fields into a batch with baseOffset 0 (the store sets it). */
export function encodeBatch(batch: BatchToEncode): Uint8Array {
  const { records } = batch;
  if (records.length === 0) throw new Error('a record batch needs at least one record');
  const baseTimestamp = batch.producer?.baseTimestamp ?? records[0]!.timestamp;
  let maxTimestamp = Number.NEGATIVE_INFINITY;
  const prepared = records.map((r, i) => {
    if (r.timestamp > maxTimestamp) maxTimestamp = r.timestamp;
    const headers = (r.headers ?? []).map(([name, value]) => [utf8Encoder.encode(name), value] as const);
    const offsetDelta = r.offsetDelta ?? i;
    let body = 1 + varintSize(r.timestamp - baseTimestamp) + varintSize(offsetDelta) + bytesSize(r.key) + bytesSize(r.value) + varintSize(headers.length);
    for (const [name, value] of headers) body += bytesSize(name) + bytesSize(value);
    return { r, headers, offsetDelta, body };
  });
  const recordsSize = prepared.reduce((n, p) => n + varintSize(p.body) + p.body, 0);
  const w = new Writer(new Uint8Array(recordsSize));
  for (const { r, headers, offsetDelta, body } of prepared) {
    w.varint(body);
    w.out[w.pos++] = 0; // record attributes: unused
    w.varint(r.timestamp - baseTimestamp);
    w.varint(offsetDelta);
    w.bytes(r.key);
    w.bytes(r.value);
    w.varint(headers.length);
    for (const [name, value] of headers) {
      w.bytes(name);
      w.bytes(value);
    }
  }
  if (w.pos !== recordsSize) throw new Error(`record batch size mismatch: ${w.pos} != ${recordsSize}`);
  const payload = batch.compression === 'none' ? w.out : batch.codec.compress(w.out);
  const out = new Uint8Array(BATCH_HEADER_BYTES + payload.length);
  const v = view(out);
  const producer = batch.producer;
  v.setBigInt64(0, 0n);
  v.setInt32(8, out.length - LOG_OVERHEAD);
  v.setInt32(12, producer?.partitionLeaderEpoch ?? NO_PARTITION_LEADER_EPOCH);
  v.setInt8(16, MAGIC_V2);
  v.setInt16(ATTRIBUTES_OFFSET, COMPRESSION_IDS[batch.compression] | (producer?.transactional ? TRANSACTIONAL_FLAG : 0));
  v.setInt32(23, batch.lastOffsetDelta ?? prepared[prepared.length - 1]!.offsetDelta);
  v.setBigInt64(27, BigInt(baseTimestamp));
  v.setBigInt64(35, BigInt(maxTimestamp));
  v.setBigInt64(43, BigInt(producer?.producerId ?? NO_PRODUCER_ID));
  v.setInt16(51, producer?.producerEpoch ?? NO_PRODUCER_EPOCH);
  v.setInt32(53, producer?.baseSequence ?? NO_SEQUENCE);
  v.setInt32(57, records.length);
  out.set(payload, BATCH_HEADER_BYTES);
  v.setUint32(CRC_OFFSET, crc32c(out, ATTRIBUTES_OFFSET));
  return out;
}

/** The header fields; throws for a batch too short for its header or of another magic. */
export function readBatchHeader(b: Uint8Array): BatchHeader {
  if (b.length < BATCH_HEADER_BYTES) throw new Error(`corrupt batch: ${b.length} bytes, shorter than a batch header (${BATCH_HEADER_BYTES})`);
  const v = view(b);
  const magic = v.getInt8(16);
  if (magic !== MAGIC_V2) throw new Error(`corrupt batch: magic ${magic}, only RecordBatch v2 (magic 2) is stored`);
  const attributes = v.getInt16(ATTRIBUTES_OFFSET);
  const compression = compressionTypeOf(attributes & COMPRESSION_MASK);
  if (compression === undefined) throw new Error(`corrupt batch: unknown compression id ${attributes & COMPRESSION_MASK}`);
  return {
    baseOffset: Number(v.getBigInt64(0)),
    sizeInBytes: v.getInt32(8) + LOG_OVERHEAD,
    partitionLeaderEpoch: v.getInt32(12),
    crc: v.getUint32(CRC_OFFSET),
    attributes,
    compression,
    logAppendTime: (attributes & LOG_APPEND_TIME_FLAG) !== 0,
    transactional: (attributes & TRANSACTIONAL_FLAG) !== 0,
    control: (attributes & CONTROL_FLAG) !== 0,
    lastOffsetDelta: v.getInt32(23),
    baseTimestamp: Number(v.getBigInt64(27)),
    maxTimestamp: Number(v.getBigInt64(35)),
    producerId: Number(v.getBigInt64(43)),
    producerEpoch: v.getInt16(51),
    baseSequence: v.getInt32(53),
    recordsCount: v.getInt32(57),
  };
}

/**
 * Validates a whole batch: header, batchLength against the bytes, sane counts and the CRC-32C.
 * Throws an Error whose message starts with "corrupt batch:".
 */
export function checkBatch(b: Uint8Array): BatchHeader {
  const h = readBatchHeader(b);
  if (h.sizeInBytes !== b.length) throw new Error(`corrupt batch: batchLength says ${h.sizeInBytes} bytes, have ${b.length}`);
  if (h.recordsCount < 0 || h.lastOffsetDelta < 0 || h.lastOffsetDelta + 1 < h.recordsCount) {
    throw new Error(`corrupt batch: ${h.recordsCount} records with lastOffsetDelta ${h.lastOffsetDelta}`);
  }
  const computed = crc32c(b, ATTRIBUTES_OFFSET);
  if (computed !== h.crc) {
    throw new Error(`corrupt batch: CRC-32C mismatch (stored ${h.crc.toString(16)}, computed ${computed.toString(16)})`);
  }
  return h;
}

/** Sets baseOffset in place (the CRC does not cover it). */
export function setBaseOffset(b: Uint8Array, offset: number): void {
  view(b).setBigInt64(0, BigInt(offset));
}

/**
 * Decodes the records of a (checked) batch. `codec` must be the loaded codec of h.compression.
 * With LogAppendTime every record's timestamp is the batch's maxTimestamp, as in Kafka.
 */
export function decodeBatchRecords(b: Uint8Array, h: BatchHeader, codec: Codec): BatchRecord[] {
  const section = b.subarray(BATCH_HEADER_BYTES);
  const r = new Reader(h.compression === 'none' ? section : codec.decompress(section));
  const out: BatchRecord[] = [];
  for (let i = 0; i < h.recordsCount; i++) {
    const start = r.pos;
    const length = r.varint();
    const end = r.pos + length;
    if (length < 0 || end > r.buf.length) throw new Error(`corrupt batch: record ${i} length ${length} past the end`);
    r.pos++; // record attributes: unused
    const timestampDelta = r.varint();
    const offsetDelta = r.varint();
    const key = r.bytes();
    const value = r.bytes();
    const n = r.varint();
    if (n < 0) throw new Error(`corrupt batch: record ${i} has ${n} headers`);
    const headers: Header[] = [];
    for (let j = 0; j < n; j++) {
      const name = r.bytes();
      if (name === null) throw new Error('corrupt batch: null header key');
      headers.push([utf8Decoder.decode(name), r.bytes()]);
    }
    if (r.pos !== end) throw new Error(`corrupt batch: record ${i} is ${r.pos - (end - length)} bytes, its length says ${length}`);
    if (offsetDelta < 0 || offsetDelta > h.lastOffsetDelta) throw new Error(`corrupt batch: record ${i} offsetDelta ${offsetDelta} outside 0..${h.lastOffsetDelta}`);
    const timestamp = h.logAppendTime ? h.maxTimestamp : h.baseTimestamp + timestampDelta;
    out.push({ offsetDelta, timestamp, key, value, headers, sizeInBytes: end - start });
  }
  if (r.pos !== r.buf.length) throw new Error('corrupt batch: trailing bytes after the last record');
  return out;
}

/** lastOffsetDelta from a batch's header, without checking the batch (scans of stored, checked batches). */
export function batchLastOffsetDelta(b: Uint8Array): number {
  return view(b).getInt32(23);
}

/** maxTimestamp from a batch's header, without checking the batch. */
export function batchMaxTimestamp(b: Uint8Array): number {
  return Number(view(b).getBigInt64(35));
}

/** recordsCount from a batch's header, without checking the batch. */
export function batchRecordsCount(b: Uint8Array): number {
  return view(b).getInt32(57);
}
