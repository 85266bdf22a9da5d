/**
 * KAFKA: one primitive column in Kafka's own serializer layouts — INTEGER 4 bytes and BIGINT
 * 8 bytes big-endian two's complement, DOUBLE 8 bytes IEEE-754 big-endian, STRING UTF-8, BYTES
 * as is. SQL NULL is a null record part. With no columns (a keyless stream's key) nothing is read
 * or written.
 */
import type { SqlTypeKind } from '../types/sql-type.js';
import type { Serde, SerdeColumn, SerdeOptions } from './format.js';
import { EMPTY_KEY_SERDE } from './none.js';
import { columnList } from './schema-checks.js';
import { deserializationError, FieldError } from './serde-error.js';
import { utf8Bytes } from './utf8.js';

const SUPPORTED: ReadonlySet<SqlTypeKind> = new Set<SqlTypeKind>(['INTEGER', 'BIGINT', 'DOUBLE', 'STRING', 'BYTES']);

// Kafka's StringDeserializer replaces malformed UTF-8 rather than failing.
const utf8Decoder = new TextDecoder('utf-8');

interface Codec {
  encode(value: unknown): Uint8Array;
  decode(bytes: Uint8Array): unknown;
}

export function createKafkaSerde(columns: readonly SerdeColumn[], options: SerdeOptions): Serde | { error: string } {
  if (columns.length === 0) return EMPTY_KEY_SERDE;
  if (columns.length > 1) return { error: `The 'KAFKA' format only supports a single field. Got: ${columnList(columns, options.isKey)}` };
  const kind = columns[0].type.kind;
  if (!SUPPORTED.has(kind)) return { error: `The 'KAFKA' format does not support type '${kind}'` };
  const codec = codecFor(kind);
  const target = options.isKey ? 'key' : 'value';
  return {
    serialize(values) {
      const v = values[0];
      return v === null || v === undefined ? null : codec.encode(v);
    },
    deserialize(bytes) {
      if (bytes === null) return [null];
      try {
        return [codec.decode(bytes)];
      } catch (e) {
        throw deserializationError(target, options.topic, e);
      }
    },
  };
}

function codecFor(kind: SqlTypeKind): Codec {
  switch (kind) {
    case 'INTEGER':
      return {
        encode: (v) => {
          const b = Buffer.allocUnsafe(4); // from Node's pool: no ArrayBuffer per key
          b.writeInt32BE(Number(v) | 0, 0);
          return b;
        },
        decode: (b) => view(b, 4, 'IntegerDeserializer').getInt32(0),
      };
    case 'BIGINT':
      return {
        encode: (v) => {
          const b = Buffer.allocUnsafe(8);
          b.writeBigInt64BE(BigInt.asIntN(64, typeof v === 'bigint' ? v : BigInt(Math.trunc(Number(v)))), 0);
          return b;
        },
        decode: (b) => view(b, 8, 'LongDeserializer').getBigInt64(0),
      };
    case 'DOUBLE':
      return {
        encode: (v) => {
          const b = Buffer.allocUnsafe(8);
          b.writeDoubleBE(Number(v), 0);
          return b;
        },
        // Kafka's DoubleDeserializer really does call itself just "Deserializer" here.
        decode: (b) => view(b, 8, 'Deserializer').getFloat64(0),
      };
    case 'STRING':
      return { encode: (v) => utf8Bytes(String(v)), decode: (b) => utf8Decoder.decode(b) };
    case 'BYTES':
      return { encode: (v) => (v as Uint8Array).slice(), decode: (b) => b.slice() };
    default:
      throw new Error(`assertion failed: KAFKA codec requested for unsupported type ${kind}`);
  }
}

function view(bytes: Uint8Array, size: number, deserializer: string): DataView {
  if (bytes.byteLength !== size) throw new FieldError(`Size of data received by ${deserializer} is not ${size}`);
  return new DataView(bytes.buffer, bytes.byteOffset, size);
}
