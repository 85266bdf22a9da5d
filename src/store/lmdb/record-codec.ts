/**
 * Binary layout of one stored record (a later issue replaces it with Kafka's RecordBatch v2):
 *   f64 timestamp | i32 keyLen (-1 = null) | key | i32 valueLen (-1 = null) | value |
 *   u16 headerCount | per header: u16 nameLen | name (UTF-8) | i32 valueLen (-1 = null) | value
 */
import type { Header, ProducerRecord } from '../topic-store.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export interface DecodedRecord {
  readonly timestamp: number;
  readonly key: Uint8Array | null;
  readonly value: Uint8Array | null;
  readonly headers: readonly Header[];
}

export function encodeRecord(r: ProducerRecord, timestamp: number): Uint8Array {
  const headers = (r.headers ?? []).map(([k, v]) => [encoder.encode(k), v] as const);
  let size = 8 + 4 + (r.key?.length ?? 0) + 4 + (r.value?.length ?? 0) + 2;
  for (const [k, v] of headers) size += 2 + k.length + 4 + (v?.length ?? 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let pos = 0;
  view.setFloat64(pos, timestamp);
  pos += 8;
  const bytes = (b: Uint8Array | null): void => {
    view.setInt32(pos, b === null ? -1 : b.length);
    pos += 4;
    if (b !== null) {
      out.set(b, pos);
      pos += b.length;
    }
  };
  bytes(r.key);
  bytes(r.value);
  view.setUint16(pos, headers.length);
  pos += 2;
  for (const [k, v] of headers) {
    view.setUint16(pos, k.length);
    pos += 2;
    out.set(k, pos);
    pos += k.length;
    bytes(v);
  }
  return out;
}

export function decodeRecord(buf: Uint8Array): DecodedRecord {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let pos = 0;
  const timestamp = view.getFloat64(pos);
  pos += 8;
  const bytes = (): Uint8Array | null => {
    const len = view.getInt32(pos);
    pos += 4;
    if (len < 0) return null;
    // Copy: LMDB may reuse the buffer it handed us.
    const b = buf.slice(pos, pos + len);
    pos += len;
    return b;
  };
  const key = bytes();
  const value = bytes();
  const n = view.getUint16(pos);
  pos += 2;
  const headers: Header[] = [];
  for (let i = 0; i < n; i++) {
    const klen = view.getUint16(pos);
    pos += 2;
    const k = decoder.decode(buf.subarray(pos, pos + klen));
    pos += klen;
    headers.push([k, bytes()]);
  }
  return { timestamp, key, value, headers };
}
