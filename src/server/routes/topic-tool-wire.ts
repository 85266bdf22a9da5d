/**
 * The JSON of the topic-tool endpoints (/streamsql/v1/..., not part of ksqlDB's API), shared by
 * the routes and the tools' HTTP client: bytes travel as base64 (null stays null), store errors as
 * { code, message } with the TopicStoreError code, so a tool prints the same message through a
 * server as it does on a data dir it opened itself.
 */
import type { GroupOffset, Header, PartitionOffsets, ProducerRecord, StoredRecord, TopicDescription } from '../../store/topic-store.js';

export const TOOL_API = '/streamsql/v1';
/** Most records one consume request returns. */
export const MAX_TOOL_READ_RECORDS = 10_000;

export type WireBytes = string | null;
export type WireHeader = readonly [string, WireBytes];

export interface WireRecord {
  readonly key: WireBytes;
  readonly value: WireBytes;
  readonly timestamp?: number;
  readonly headers?: readonly WireHeader[];
}

export interface WireStoredRecord extends WireRecord {
  readonly partition: number;
  readonly offset: number;
  readonly timestamp: number;
}

export interface WireTopic {
  readonly description: TopicDescription;
  readonly partitions: readonly (PartitionOffsets & { readonly bytes: number })[];
}

export interface WireError {
  readonly code: string;
  readonly message: string;
}

export type WireGroupOffsets = readonly GroupOffset[];

export function toWire(b: Uint8Array | null): WireBytes {
  return b === null ? null : Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');
}

export function fromWire(s: WireBytes | undefined): Uint8Array | null {
  if (s === null || s === undefined) return null;
  if (typeof s !== 'string') throw new RangeError('bytes must be a base64 string or null');
  const b = Buffer.from(s, 'base64');
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

const headersToWire = (hs: readonly Header[]): WireHeader[] => hs.map(([k, v]) => [k, toWire(v)] as const);
const headersFromWire = (hs: readonly WireHeader[] | undefined): Header[] => (hs ?? []).map(([k, v]) => [String(k), fromWire(v)] as const);

export function recordToWire(r: ProducerRecord): WireRecord {
  return { key: toWire(r.key), value: toWire(r.value), ...(r.timestamp === undefined ? {} : { timestamp: r.timestamp }), headers: headersToWire(r.headers ?? []) };
}

export function recordFromWire(w: WireRecord): ProducerRecord {
  if (w === null || typeof w !== 'object') throw new RangeError('a record must be an object');
  return { key: fromWire(w.key), value: fromWire(w.value), ...(w.timestamp === undefined ? {} : { timestamp: Number(w.timestamp) }), headers: headersFromWire(w.headers) };
}

export function storedToWire(r: StoredRecord): WireStoredRecord {
  return { partition: r.partition, offset: r.offset, timestamp: r.timestamp, key: toWire(r.key), value: toWire(r.value), headers: headersToWire(r.headers) };
}

export function storedFromWire(w: WireStoredRecord): StoredRecord {
  return { partition: w.partition, offset: w.offset, timestamp: w.timestamp, key: fromWire(w.key), value: fromWire(w.value), headers: headersFromWire(w.headers) };
}
