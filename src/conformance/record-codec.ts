/**
 * QTT record contents ↔ record bytes, per topic. QTT writes keys and values in each format's own
 * "JSON view": JSON values for JSON, the delimited text for DELIMITED, a typed primitive for
 * KAFKA. Text formats pass through as bytes unchanged, so the engine's deserializers see exactly
 * what a Kafka producer would have sent (bad input included); KAFKA needs the column type, so
 * it goes through the engine's serde of the source registered on the topic.
 *
 * Windowed keys use Kafka Streams' layout: key bytes + 8-byte start (time windows), or key bytes
 * + 8-byte end + 8-byte start (session windows).
 */
import type { CatalogReader, ColumnSchema, SourceDef } from '../analyze/catalog.js';
import { sourceSerdes } from '../exec/source/row-decoder.js';
import type { Header, StoredRecord } from '../store/topic-store.js';
import { engineValueToComparable, jsonToEngineValue, type Comparable } from './json-value.js';
import { stringifyJson } from './lossless-json.js';
import type { JsonValue, QttHeader, QttRecord, QttTopic, QttWindow } from './qtt-case.js';

export interface EncodedRecord {
  readonly key: Uint8Array | null;
  readonly value: Uint8Array | null;
  readonly headers: readonly Header[];
}

export interface DecodedRecord {
  readonly key: Comparable;
  readonly value: Comparable;
  readonly window?: { readonly start: number; readonly end?: number };
  readonly headers: readonly QttHeader[];
}

export interface TopicCodec {
  encode(record: QttRecord): EncodedRecord;
  /** `windowType` comes from the expected record: it says how to split the key bytes. */
  decode(record: StoredRecord, windowType: string | undefined): DecodedRecord;
}

/** One side (key or value) of a topic. */
interface SideCodec {
  encode(json: JsonValue): Uint8Array | null;
  decode(bytes: Uint8Array | null): Comparable;
}

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

/**
 * The codec of `topic`: formats from the first source registered on it, else from the case's
 * `topics` declarations, else raw (JSON text values, string keys).
 */
export function topicCodec(topic: string, catalog: CatalogReader, declared: readonly QttTopic[]): TopicCodec {
  const source = catalog.listSources().find((s) => s.topic === topic);
  const decl = declared.find((t) => t.name === topic);
  const keyFormat = source?.keyFormat ?? decl?.keyFormat ?? decl?.format ?? 'KAFKA';
  const valueFormat = source?.valueFormat ?? decl?.valueFormat ?? decl?.format ?? 'JSON';
  const key = sideCodec(keyFormat, source, true);
  const value = sideCodec(valueFormat, source, false);
  return {
    encode(record) {
      let keyBytes = key.encode(record.key);
      if (record.window) keyBytes = appendWindow(keyBytes ?? new Uint8Array(0), record.window);
      return { key: keyBytes, value: value.encode(record.value), headers: (record.headers ?? []).map(encodeHeader) };
    },
    decode(record, windowType) {
      let keyBytes = record.key;
      let window: DecodedRecord['window'];
      if (windowType !== undefined && keyBytes !== null) {
        const split = splitWindow(keyBytes, windowType);
        keyBytes = split.key;
        window = split.window;
      }
      return {
        key: key.decode(keyBytes),
        value: value.decode(record.value),
        ...(window ? { window } : {}),
        headers: record.headers.map(([k, v]) => ({ KEY: k, VALUE: v === null ? null : Buffer.from(v).toString('base64') })),
      };
    },
  };
}

function sideCodec(format: string, source: SourceDef | undefined, isKey: boolean): SideCodec {
  switch (format.toUpperCase()) {
    case 'JSON':
      return jsonText;
    case 'DELIMITED':
      return plainText;
    case 'NONE':
      return { encode: () => null, decode: () => null };
    case 'KAFKA': {
      const columns = source ? (isKey ? source.keyColumns : source.valueColumns) : [];
      return columns.length === 1 && source ? typedKafka(source, columns[0]!, isKey) : plainText;
    }
    default:
      return isKey ? plainText : jsonText;
  }
}

const jsonText: SideCodec = {
  encode: (json) => (json === null ? null : utf8.encode(stringifyJson(json))),
  decode: (bytes) => {
    if (bytes === null) return null;
    const text = utf8Decoder.decode(bytes);
    try {
      return JSON.parse(text) as Comparable;
    } catch {
      return text;
    }
  },
};

const plainText: SideCodec = {
  encode: (json) => (json === null ? null : utf8.encode(typeof json === 'string' ? json : stringifyJson(json))),
  decode: (bytes) => (bytes === null ? null : utf8Decoder.decode(bytes)),
};

/** KAFKA format: one typed column, through the engine's own serde. */
function typedKafka(source: SourceDef, column: ColumnSchema, isKey: boolean): SideCodec {
  const serdes = sourceSerdes(source);
  const serde = isKey ? serdes.key : serdes.value;
  return {
    encode(json) {
      if (json === null) return null;
      let v: unknown;
      try {
        v = jsonToEngineValue(json, column.type);
      } catch {
        // Not of the column's type: send what the test wrote, as a producer of bad data would.
        return plainText.encode(json);
      }
      return serde.serialize([v]);
    },
    decode(bytes) {
      if (bytes === null) return null;
      try {
        return engineValueToComparable(serde.deserialize(bytes)[0], column.type);
      } catch (err) {
        return `<undecodable ${Buffer.from(bytes).toString('hex')}: ${err instanceof Error ? err.message : String(err)}>`;
      }
    },
  };
}

function encodeHeader(h: QttHeader): Header {
  return [h.KEY, h.VALUE === null ? null : new Uint8Array(Buffer.from(h.VALUE, 'base64'))];
}

function isSession(windowType: string): boolean {
  return windowType.toUpperCase() === 'SESSION';
}

function appendWindow(key: Uint8Array, w: QttWindow): Uint8Array {
  const session = isSession(w.type);
  const out = Buffer.alloc(key.length + (session ? 16 : 8));
  out.set(key, 0);
  if (session) {
    out.writeBigInt64BE(BigInt(w.end ?? w.start), key.length);
    out.writeBigInt64BE(BigInt(w.start), key.length + 8);
  } else {
    out.writeBigInt64BE(BigInt(w.start), key.length);
  }
  return new Uint8Array(out);
}

function splitWindow(bytes: Uint8Array, windowType: string): { key: Uint8Array; window?: { start: number; end?: number } } {
  const session = isSession(windowType);
  const suffix = session ? 16 : 8;
  if (bytes.length < suffix) return { key: bytes };
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = bytes.length - suffix;
  const key = bytes.subarray(0, at);
  if (session) return { key, window: { end: Number(buf.readBigInt64BE(at)), start: Number(buf.readBigInt64BE(at + 8)) } };
  return { key, window: { start: Number(buf.readBigInt64BE(at)) } };
}
