/**
 * Binary layout of one stored record, modelled on the record of Kafka's RecordBatch v2 (which a
 * later issue moves to, batch header and all; docs/decisions/0012). Integers are zigzag varints so
 * small records stay small; a length of -1 means null.
 *
 *   u8 format (1) | u32 CRC-32C (big-endian) of everything after it | body
 *   body = varint timestamp | varint keyLen | key | varint valueLen | value |
 *          varint headerCount | per header: varint nameLen | name (UTF-8) | varint valueLen | value
 *
 * Format 0 (no checksum: u8 0 | body) was written before format 1 existed and is still read.
 * The checksum is verified on every decodeRecord; decodeTimestamp (scans) skips it.
 *
 * Offset and partition are not stored: they are the record's LMDB key (record-key.ts).
 */
import type { Header, StoredRecord } from '../topic-store.js';
import { crc32c } from './crc32c.js';

export const RECORD_FORMAT_V0 = 0;
export const RECORD_FORMAT_V1 = 1;
/** Bytes before the body: format, and in format 1 the checksum. */
const HEADER_V0 = 1;
const HEADER_V1 = 5;

/** Timestamps and lengths must fit a zigzag varint computed with float arithmetic exactly. */
export const MAX_ABS_VARINT = 2 ** 52 - 1;

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

export interface RecordToEncode {
  readonly timestamp: number;
  readonly key: Uint8Array | null;
  readonly value: Uint8Array | null;
  readonly headers: readonly Header[] | undefined;
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
      if (this.pos >= this.buf.length) throw new Error('corrupt record: truncated varint');
      const b = this.buf[this.pos++]!;
      z += (b & 127) * scale;
      if (b < 128) break;
      scale *= 128;
      if (scale > 2 ** 56) throw new Error('corrupt record: varint too long');
    }
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }

  /** A view into the (already copied) record buffer. */
  bytes(): Uint8Array | null {
    const len = this.varint();
    if (len < 0) return null;
    if (this.pos + len > this.buf.length) throw new Error('corrupt record: length past end');
    const b = this.buf.subarray(this.pos, this.pos + len);
    this.pos += len;
    return b;
  }
}

const bytesSize = (b: Uint8Array | null): number => (b === null ? 1 : varintSize(b.length) + b.length);

export function encodeRecord(r: RecordToEncode): Uint8Array {
  const headers = (r.headers ?? []).map(([name, value]) => [utf8Encoder.encode(name), value] as const);
  let size = HEADER_V1 + varintSize(r.timestamp) + bytesSize(r.key) + bytesSize(r.value) + varintSize(headers.length);
  for (const [name, value] of headers) size += bytesSize(name) + bytesSize(value);
  const w = new Writer(new Uint8Array(size));
  w.out[0] = RECORD_FORMAT_V1;
  w.pos = HEADER_V1;
  w.varint(r.timestamp);
  w.bytes(r.key);
  w.bytes(r.value);
  w.varint(headers.length);
  for (const [name, value] of headers) {
    w.bytes(name);
    w.bytes(value);
  }
  if (w.pos !== size) throw new Error(`record size mismatch: ${w.pos} != ${size}`);
  new DataView(w.out.buffer, w.out.byteOffset, w.out.byteLength).setUint32(1, crc32c(w.out, HEADER_V1));
  return w.out;
}

/** Where the body starts; throws for an unknown format or (verify) a checksum mismatch. */
function bodyStart(buf: Uint8Array, verify: boolean): number {
  if (buf[0] === RECORD_FORMAT_V0) return HEADER_V0;
  if (buf[0] !== RECORD_FORMAT_V1) throw new Error(`corrupt record: unknown format ${buf[0]}`);
  if (buf.length < HEADER_V1) throw new Error('corrupt record: truncated header');
  if (verify) {
    const stored = new DataView(buf.buffer, buf.byteOffset, buf.byteLength).getUint32(1);
    const computed = crc32c(buf, HEADER_V1);
    if (stored !== computed) {
      throw new Error(`corrupt record: CRC-32C mismatch (stored ${stored.toString(16)}, computed ${computed.toString(16)})`);
    }
  }
  return HEADER_V1;
}

/** Only the timestamp, for scans (offsetForTimestamp, retention) that need nothing else. */
export function decodeTimestamp(buf: Uint8Array): number {
  const r = new Reader(buf);
  r.pos = bodyStart(buf, false);
  return r.varint();
}

/**
 * Decodes a record; key, value and header values are views into the bytes. Unless `owned` says the
 * caller already holds a private copy (lmdb-js getRange returns a fresh Buffer per value for
 * 'binary' encoding), the bytes are copied once first, since LMDB may hand out a reused buffer.
 */
export function decodeRecord(stored: Uint8Array, partition: number, offset: number, owned = false): StoredRecord {
  const start = bodyStart(stored, true);
  // A plain Uint8Array view (not a Buffer, whose slice() does not copy) over the private bytes.
  const r = new Reader(owned ? new Uint8Array(stored.buffer, stored.byteOffset, stored.byteLength) : new Uint8Array(stored));
  r.pos = start;
  const timestamp = r.varint();
  const key = r.bytes();
  const value = r.bytes();
  const n = r.varint();
  const headers: Header[] = [];
  for (let i = 0; i < n; i++) {
    const name = r.bytes();
    if (name === null) throw new Error('corrupt record: null header name');
    headers.push([utf8Decoder.decode(name), r.bytes()]);
  }
  if (r.pos !== r.buf.length) throw new Error('corrupt record: trailing bytes');
  return { partition, offset, timestamp, key, value, headers };
}
