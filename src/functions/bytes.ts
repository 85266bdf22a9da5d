/**
 * BYTES ⇄ STRING and number conversions: TO_BYTES, FROM_BYTES, ENCODE, INT_FROM_BYTES,
 * BIGINT_FROM_BYTES, DOUBLE_FROM_BYTES, MD5, UUID. Encodings: hex, utf8, ascii, base64 (names
 * case-insensitive). Bad input (odd hex, invalid base64, unknown encoding) is a runtime error.
 */
import { createHash } from 'node:crypto';
import { ExpressionEvalError } from '../types/eval-error.js';
import { BIGINT, BYTES, DOUBLE, INTEGER, STRING } from '../types/sql-type.js';
import { scalar, SYSTEM_CONTEXT } from './function.js';

type Encoding = 'hex' | 'utf8' | 'ascii' | 'base64';
const ENCODINGS: readonly Encoding[] = ['hex', 'utf8', 'ascii', 'base64'];

function encodingOf(name: string): Encoding {
  const e = ENCODINGS.find((x) => x === name.toLowerCase());
  if (!e) throw new ExpressionEvalError(`Unknown encoding type '${name}'. Supported formats are 'hex', 'utf8', 'ascii', and 'base64'.`);
  return e;
}

function hexToBytes(text: string): Uint8Array {
  if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) throw new ExpressionEvalError(`Invalid hex string: ${text}`);
  return Uint8Array.from(Buffer.from(text, 'hex'));
}

function base64ToBytes(text: string): Uint8Array {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/.test(text)) {
    throw new ExpressionEvalError(`Illegal base64 string: ${text}`);
  }
  return Uint8Array.from(Buffer.from(text, 'base64'));
}

/** Java's String.getBytes(US_ASCII): non-ASCII characters become '?'. */
const asciiBytes = (text: string): Uint8Array => Uint8Array.from(text, (c) => (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : 0x3f));
/** Java's new String(bytes, US_ASCII): bytes above 0x7F become U+FFFD. */
const asciiText = (b: Uint8Array): string => Array.from(b, (x) => (x < 0x80 ? String.fromCharCode(x) : '\uFFFD')).join('');

export function textToBytes(text: string, enc: Encoding): Uint8Array {
  switch (enc) {
    case 'hex':
      return hexToBytes(text);
    case 'utf8':
      return new TextEncoder().encode(text);
    case 'ascii':
      return asciiBytes(text);
    case 'base64':
      return base64ToBytes(text);
  }
}

export function bytesToText(b: Uint8Array, enc: Encoding): string {
  switch (enc) {
    case 'hex':
      return Buffer.from(b).toString('hex').toUpperCase();
    case 'utf8':
      return new TextDecoder().decode(b);
    case 'ascii':
      return asciiText(b);
    case 'base64':
      return Buffer.from(b).toString('base64');
  }
}

export const TO_BYTES = scalar(
  'TO_BYTES',
  "Converts a string to bytes with an encoding: 'hex', 'utf8', 'ascii' or 'base64'.",
  ['TO_BYTES(STRING, STRING) → BYTES'],
  [{ params: ['STRING', 'STRING'], returns: BYTES, impl: ([s, e]) => textToBytes(s as string, encodingOf(e as string)) }],
);

export const FROM_BYTES = scalar(
  'FROM_BYTES',
  "Converts bytes to a string with an encoding: 'hex' (upper case), 'utf8', 'ascii' or 'base64'.",
  ['FROM_BYTES(BYTES, STRING) → STRING'],
  [{ params: ['BYTES', 'STRING'], returns: STRING, impl: ([b, e]) => bytesToText(b as Uint8Array, encodingOf(e as string)) }],
);

/** ENCODE's hex input may be written 0xAB (odd length gets a leading 0) or X'AB'. */
function stripHex(s: string): string {
  if (s.startsWith('0x')) return s.length % 2 !== 0 ? `0${s.slice(2)}` : s.slice(2);
  if (/^[xX]'.*'$/s.test(s)) return s.slice(2, -1);
  return s;
}

function encode(s: string, from: string, to: string): string {
  const a = ENCODINGS.find((x) => x === from.toLowerCase());
  const b = ENCODINGS.find((x) => x === to.toLowerCase());
  if (!a || !b || a === b) throw new ExpressionEvalError('Supported input and output encodings are: hex, utf8, ascii and base64');
  const bytes = a === 'hex' ? hexToBytes(stripHex(s)) : a === 'base64' ? Uint8Array.from(Buffer.from(s, 'base64')) : textToBytes(s, a);
  return b === 'hex' ? Buffer.from(bytes).toString('hex') : bytesToText(bytes, b);
}

export const ENCODE = scalar(
  'ENCODE',
  "Re-encodes a string from one encoding to another ('hex', 'utf8', 'ascii', 'base64'); hex output is lower case.",
  ['ENCODE(STRING, STRING inputEncoding, STRING outputEncoding) → STRING'],
  [{ params: ['STRING', 'STRING', 'STRING'], returns: STRING, impl: ([s, a, b]) => encode(s as string, a as string, b as string) }],
);

function viewOf(b: Uint8Array, size: number): DataView {
  if (b.length !== size) throw new ExpressionEvalError(`Number of bytes must be equal to ${size}, but found ${b.length}`);
  return new DataView(b.buffer, b.byteOffset, size);
}

function littleEndian(order: unknown): boolean {
  const o = String(order).toUpperCase();
  if (o !== 'BIG_ENDIAN' && o !== 'LITTLE_ENDIAN') throw new ExpressionEvalError(`Byte order must be BIG_ENDIAN or LITTLE_ENDIAN. Unknown byte order '${String(order)}'.`);
  return o === 'LITTLE_ENDIAN';
}

const fromBytes = (name: string, size: number, type: typeof INTEGER, read: (v: DataView, le: boolean) => unknown) =>
  scalar(
    name,
    `Reads a ${type.kind} from exactly ${size} bytes, big-endian unless 'LITTLE_ENDIAN' is given.`,
    [`${name}(BYTES) → ${type.kind}`, `${name}(BYTES, STRING byteOrder) → ${type.kind}`],
    [
      { params: ['BYTES'], returns: type, impl: ([b]) => read(viewOf(b as Uint8Array, size), false) },
      { params: ['BYTES', 'STRING'], returns: type, impl: ([b, o]) => read(viewOf(b as Uint8Array, size), littleEndian(o)) },
    ],
  );

export const INT_FROM_BYTES = fromBytes('INT_FROM_BYTES', 4, INTEGER, (v, le) => v.getInt32(0, le));
export const BIGINT_FROM_BYTES = fromBytes('BIGINT_FROM_BYTES', 8, BIGINT, (v, le) => v.getBigInt64(0, le));
export const DOUBLE_FROM_BYTES = fromBytes('DOUBLE_FROM_BYTES', 8, DOUBLE, (v, le) => v.getFloat64(0, le));

export const MD5 = scalar(
  'MD5',
  'The MD5 digest of the UTF-8 bytes of a string, as 32 lower-case hex digits.',
  ['MD5(STRING) → STRING'],
  [{ params: ['STRING'], returns: STRING, impl: ([s]) => createHash('md5').update(s as string, 'utf8').digest('hex') }],
);

function uuidText(b: Uint8Array): string {
  const h = Buffer.from(b).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const UUID_BYTES = 16;

export const UUID = scalar(
  'UUID',
  'A random (version 4) UUID, or the UUID whose 16 bytes are given (NULL for any other length).',
  ['UUID() → STRING', 'UUID(BYTES) → STRING'],
  [
    {
      params: [],
      returns: STRING,
      impl: (_args, ctx = SYSTEM_CONTEXT) => {
        const b = Uint8Array.from({ length: UUID_BYTES }, () => Math.floor(ctx.random() * 256));
        b[6] = (b[6]! & 0x0f) | 0x40;
        b[8] = (b[8]! & 0x3f) | 0x80;
        return uuidText(b);
      },
    },
    { params: ['BYTES'], returns: STRING, impl: ([b]) => ((b as Uint8Array).length === UUID_BYTES ? uuidText(b as Uint8Array) : null) },
  ],
);

export const BYTES_FUNCTIONS = [TO_BYTES, FROM_BYTES, ENCODE, INT_FROM_BYTES, BIGINT_FROM_BYTES, DOUBLE_FROM_BYTES, MD5, UUID];
