/**
 * Order-preserving binary keys (16 bytes, big-endian) so LMDB's bytewise order is the log order:
 *   record      u32 topicId | u32 partition | u64 offset
 *   time index  u32 topicId | u32 partition | u64 timestamp + TIMESTAMP_BIAS
 * A topic's keys are one contiguous range, so reads are range scans and a topic is deleted by
 * removing the range [topicStart(id), topicStart(id + 1)).
 */

export const KEY_BYTES = 16;
const TWO_32 = 2 ** 32;
/** Shifts timestamps in [-2^52, 2^52) to non-negative numbers, keeping their order. */
const TIMESTAMP_BIAS = 2 ** 52;

function key(topicId: number, partition: number, n: number): Buffer {
  const b = Buffer.allocUnsafe(KEY_BYTES);
  b.writeUInt32BE(topicId, 0);
  b.writeUInt32BE(partition, 4);
  b.writeUInt32BE(Math.floor(n / TWO_32), 8);
  b.writeUInt32BE(n % TWO_32, 12);
  return b;
}

function tail(k: Uint8Array): number {
  const b = Buffer.from(k.buffer, k.byteOffset, k.byteLength);
  return b.readUInt32BE(8) * TWO_32 + b.readUInt32BE(12);
}

export function recordKey(topicId: number, partition: number, offset: number): Buffer {
  return key(topicId, partition, offset);
}

export function offsetOfRecordKey(k: Uint8Array): number {
  return tail(k);
}

export function timeIndexKey(topicId: number, partition: number, timestamp: number): Buffer {
  return key(topicId, partition, timestamp + TIMESTAMP_BIAS);
}

export function timestampOfIndexKey(k: Uint8Array): number {
  return tail(k) - TIMESTAMP_BIAS;
}

/** First key of a partition (records or time index): everything of it sorts at or after this. */
export function partitionStart(topicId: number, partition: number): Buffer {
  return key(topicId, partition, 0);
}

/** First key of a topic; topicStart(id + 1) is the exclusive end of topic id's range. */
export function topicStart(topicId: number): Buffer {
  return key(topicId, 0, 0);
}
