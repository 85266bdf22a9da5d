/** String functions: UCASE, LCASE, LEN, SUBSTRING, CONCAT, TRIM (ksqlDB semantics, UTF-16 indexes like Java). */
import { BYTES, INTEGER, STRING } from '../types/sql-type.js';
import { fromSignatures, type ScalarFunction } from './function.js';

/** ksqlDB Substring: 1-based; a negative position counts from the end; clamps to the value. */
function startIndex(len: number, pos: number): number {
  return pos < 0 ? Math.max(len + pos, 0) : Math.max(Math.min(pos - 1, len), 0);
}
function endIndex(len: number, start: number, length: number): number {
  return Math.max(Math.min(start + length, len), start);
}

/** Java String.trim: strips chars <= U+0020 from both ends. */
function javaTrim(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) <= 0x20) a++;
  while (b > a && s.charCodeAt(b - 1) <= 0x20) b--;
  return s.slice(a, b);
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

export const UCASE: ScalarFunction = {
  name: 'UCASE',
  description: 'Converts a string to upper case.',
  signatures: ['UCASE(STRING) → STRING'],
  resolve: fromSignatures([{ params: ['STRING'], returns: STRING, impl: ([s]) => (s as string).toUpperCase() }]),
};

export const LCASE: ScalarFunction = {
  name: 'LCASE',
  description: 'Converts a string to lower case.',
  signatures: ['LCASE(STRING) → STRING'],
  resolve: fromSignatures([{ params: ['STRING'], returns: STRING, impl: ([s]) => (s as string).toLowerCase() }]),
};

export const LEN: ScalarFunction = {
  name: 'LEN',
  description: 'The length of a string (UTF-16 code units) or the number of bytes.',
  signatures: ['LEN(STRING) → INTEGER', 'LEN(BYTES) → INTEGER'],
  resolve: fromSignatures([
    { params: ['STRING'], returns: INTEGER, impl: ([s]) => (s as string).length },
    { params: ['BYTES'], returns: INTEGER, impl: ([b]) => (b as Uint8Array).length },
  ]),
};

export const SUBSTRING: ScalarFunction = {
  name: 'SUBSTRING',
  description: 'The part of a string or bytes from a 1-based position (negative: from the end), optionally of a length.',
  signatures: ['SUBSTRING(STRING, INTEGER[, INTEGER]) → STRING', 'SUBSTRING(BYTES, INTEGER[, INTEGER]) → BYTES'],
  resolve: fromSignatures([
    {
      params: ['STRING', 'INTEGER'],
      returns: STRING,
      impl: ([s, pos]) => (s as string).slice(startIndex((s as string).length, pos as number)),
    },
    {
      params: ['STRING', 'INTEGER', 'INTEGER'],
      returns: STRING,
      impl: ([s, pos, len]) => {
        const str = s as string;
        const start = startIndex(str.length, pos as number);
        return str.slice(start, endIndex(str.length, start, len as number));
      },
    },
    {
      params: ['BYTES', 'INTEGER'],
      returns: BYTES,
      impl: ([b, pos]) => (b as Uint8Array).slice(startIndex((b as Uint8Array).length, pos as number)),
    },
    {
      params: ['BYTES', 'INTEGER', 'INTEGER'],
      returns: BYTES,
      impl: ([b, pos, len]) => {
        const bytes = b as Uint8Array;
        const start = startIndex(bytes.length, pos as number);
        return bytes.slice(start, endIndex(bytes.length, start, len as number));
      },
    },
  ]),
};

export const CONCAT: ScalarFunction = {
  name: 'CONCAT',
  description: 'Concatenates strings (or bytes), skipping NULL arguments.',
  signatures: ['CONCAT(STRING...) → STRING', 'CONCAT(BYTES...) → BYTES'],
  resolve: fromSignatures([
    {
      params: ['STRING'],
      variadic: true,
      returns: STRING,
      acceptsNulls: true,
      impl: (args) => args.filter((a) => a !== null && a !== undefined).join(''),
    },
    {
      params: ['BYTES'],
      variadic: true,
      returns: BYTES,
      acceptsNulls: true,
      impl: (args) => concatBytes(args.filter((a): a is Uint8Array => a instanceof Uint8Array)),
    },
  ]),
};

export const TRIM: ScalarFunction = {
  name: 'TRIM',
  description: 'Removes leading and trailing whitespace (characters up to U+0020).',
  signatures: ['TRIM(STRING) → STRING'],
  resolve: fromSignatures([{ params: ['STRING'], returns: STRING, impl: ([s]) => javaTrim(s as string) }]),
};

export const STRING_FUNCTIONS: readonly ScalarFunction[] = [UCASE, LCASE, LEN, SUBSTRING, CONCAT, TRIM];
