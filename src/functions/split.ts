/** SPLIT (strings or bytes) and SPLIT_TO_MAP, with Guava Splitter semantics: empty pieces are kept. */
import { array, BYTES, map, STRING } from '../types/sql-type.js';
import { scalar } from './function.js';

function splitText(s: string, delim: string): string[] {
  if (delim === '') return s === '' ? [''] : Array.from(s);
  return s.split(delim);
}

function indexOfBytes(b: Uint8Array, d: Uint8Array, from: number): number {
  outer: for (let i = from; i + d.length <= b.length; i++) {
    for (let j = 0; j < d.length; j++) if (b[i + j] !== d[j]) continue outer;
    return i;
  }
  return -1;
}

function splitBytes(b: Uint8Array, d: Uint8Array): Uint8Array[] {
  if (b.length === 0) return [new Uint8Array(0)];
  if (d.length === 0) return Array.from(b, (x) => Uint8Array.of(x));
  const out: Uint8Array[] = [];
  let from = 0;
  for (let i = indexOfBytes(b, d, 0); i >= 0; i = indexOfBytes(b, d, from)) {
    out.push(b.slice(from, i));
    from = i + d.length;
  }
  out.push(b.slice(from));
  return out;
}

export const SPLIT = scalar(
  'SPLIT',
  'Splits a string or bytes around a delimiter; empty pieces are kept; an empty delimiter splits into characters (bytes).',
  ['SPLIT(STRING, STRING) → ARRAY<STRING>', 'SPLIT(BYTES, BYTES) → ARRAY<BYTES>'],
  [
    { params: ['STRING', 'STRING'], returns: array(STRING), impl: ([s, d]) => splitText(s as string, d as string) },
    { params: ['BYTES', 'BYTES'], returns: array(BYTES), impl: ([s, d]) => splitBytes(s as Uint8Array, d as Uint8Array) },
  ],
);

/** Entries without the key/value delimiter are skipped; the last value of a repeated key wins. */
function splitToMap(s: string, entryDelim: string, kvDelim: string): Map<string, string> | null {
  if (entryDelim === '' || kvDelim === '' || entryDelim === kvDelim) return null;
  const out = new Map<string, string>();
  for (const entry of s.split(entryDelim)) {
    if (entry === '' || !entry.includes(kvDelim)) continue;
    const [k, v] = entry.split(kvDelim) as [string, string];
    out.set(k, v);
  }
  return out;
}

export const SPLIT_TO_MAP = scalar(
  'SPLIT_TO_MAP',
  'Splits a string into key-value pairs by an entry delimiter and a key-value delimiter.',
  ['SPLIT_TO_MAP(STRING, STRING, STRING) → MAP<STRING, STRING>'],
  [{ params: ['STRING', 'STRING', 'STRING'], returns: map(STRING, STRING), impl: ([s, e, kv]) => splitToMap(s as string, e as string, kv as string) }],
);

export const SPLIT_FUNCTIONS = [SPLIT, SPLIT_TO_MAP];
