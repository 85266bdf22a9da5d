/**
 * QTT writes record contents as JSON; the engine works on typed values (see types/sql-type.ts).
 * This converts between the two by SqlType, for formats whose bytes are not JSON text (KAFKA),
 * and compares JSON-like values the way QTT's record comparator does: deep equality where
 * numbers compare by value (1 and 1.0 are equal, a BIGINT equals the same JSON number).
 */
import { Decimal } from '../types/decimal.js';
import type { SqlType } from '../types/sql-type.js';
import type { JsonValue } from './qtt-case.js';

/** What actual values look like after decoding: JSON plus bigint for exact large integers. */
export type Comparable = null | boolean | number | bigint | string | Comparable[] | { [k: string]: Comparable };

/** QTT JSON → engine value of `type`. Throws when the JSON cannot be that type. */
export function jsonToEngineValue(json: JsonValue, type: SqlType): unknown {
  if (json === null) return null;
  switch (type.kind) {
    case 'BOOLEAN':
      if (typeof json === 'boolean') return json;
      break;
    case 'INTEGER':
    case 'TIMESTAMP':
    case 'DATE':
    case 'TIME':
      if (typeof json === 'number' && Number.isInteger(json)) return json;
      break;
    case 'BIGINT':
      if (typeof json === 'number' && Number.isInteger(json)) return BigInt(json);
      if (typeof json === 'bigint') return BigInt.asIntN(64, json);
      if (typeof json === 'string' && /^-?\d+$/.test(json)) return BigInt(json);
      break;
    case 'DOUBLE':
      if (typeof json === 'number') return json;
      if (typeof json === 'bigint') return Number(json);
      break;
    case 'DECIMAL': {
      const d = typeof json === 'number' || typeof json === 'bigint' || typeof json === 'string' ? Decimal.parse(String(json)) : undefined;
      if (d) return d;
      break;
    }
    case 'STRING':
      if (typeof json === 'string') return json;
      break;
    case 'BYTES':
      if (typeof json === 'string') return new Uint8Array(Buffer.from(json, 'base64'));
      break;
    case 'ARRAY':
      if (Array.isArray(json)) return json.map((e) => jsonToEngineValue(e, type.element));
      break;
    case 'MAP':
      if (typeof json === 'object' && !Array.isArray(json)) {
        return new Map(Object.entries(json).map(([k, v]) => [jsonToEngineValue(k, type.key), jsonToEngineValue(v, type.value)]));
      }
      break;
    case 'STRUCT':
      if (typeof json === 'object' && !Array.isArray(json)) {
        const out: Record<string, unknown> = {};
        for (const f of type.fields) {
          const entry = Object.entries(json).find(([k]) => k.toUpperCase() === f.name.toUpperCase());
          out[f.name] = entry === undefined ? null : jsonToEngineValue(entry[1], f.type);
        }
        return out;
      }
      break;
  }
  throw new Error(`cannot read ${show(json)} as ${type.kind}`);
}

/** Engine value → the JSON-like form QTT expects (bytes as base64, maps and structs as objects). */
export function engineValueToComparable(value: unknown, type: SqlType): Comparable {
  if (value === null || value === undefined) return null;
  switch (type.kind) {
    case 'BIGINT':
      return typeof value === 'bigint' ? value : Number(value);
    case 'DECIMAL':
      return value instanceof Decimal ? value.toNumber() : Number(value);
    case 'BYTES':
      return value instanceof Uint8Array ? Buffer.from(value).toString('base64') : String(value);
    case 'ARRAY':
      return Array.isArray(value) ? value.map((e) => engineValueToComparable(e, type.element)) : String(value);
    case 'MAP': {
      if (!(value instanceof Map)) return String(value);
      const out: { [k: string]: Comparable } = {};
      for (const [k, v] of value) out[String(k)] = engineValueToComparable(v, type.value);
      return out;
    }
    case 'STRUCT': {
      if (typeof value !== 'object') return String(value);
      const obj = value as Record<string, unknown>;
      const out: { [k: string]: Comparable } = {};
      for (const f of type.fields) out[f.name] = engineValueToComparable(obj[f.name], f.type);
      return out;
    }
    case 'BOOLEAN':
    case 'INTEGER':
    case 'DOUBLE':
    case 'STRING':
    case 'TIMESTAMP':
    case 'DATE':
    case 'TIME':
      return typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string' ? value : String(value);
  }
}

/** Deep equality as QTT compares records; returns the first difference, or undefined when equal. */
export function firstDifference(actual: Comparable | undefined, expected: JsonValue | undefined, path = '$'): string | undefined {
  const a = actual === undefined ? null : actual;
  const e = expected === undefined ? null : expected;
  if (a === null || e === null) return a === e ? undefined : mismatch(path, e, a);
  if (isNumeric(a) && isNumeric(e)) return numbersEqual(a, e) ? undefined : mismatch(path, e, a);
  // QTT's comparator reads an expected string as a BigDecimal when the actual value is a decimal
  // ("3.40" matches a DECIMAL 3.40). JSON text does not tell decimals from doubles, so any number
  // written as a decimal literal matches it by value.
  if (isNumeric(a) && typeof e === 'string' && DECIMAL_TEXT.test(e)) return numbersEqual(a, Number(e)) ? undefined : mismatch(path, e, a);
  if (Array.isArray(e)) {
    if (!Array.isArray(a)) return mismatch(path, e, a);
    if (a.length !== e.length) return `${path}: expected ${e.length} elements but got ${a.length}: expected ${show(e)} but got ${show(a)}`;
    for (let i = 0; i < e.length; i++) {
      const d = firstDifference(a[i], e[i], `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (typeof e === 'object') {
    if (typeof a !== 'object' || Array.isArray(a)) return mismatch(path, e, a);
    const eKeys = Object.keys(e);
    const aKeys = Object.keys(a);
    // QTT looks an expected field up as written, then upper-cased (`json_v` finds column JSON_V),
    // and reads a field it cannot find as NULL; only the number of fields must match.
    const actualKey = (k: string): string | undefined => (k in a ? k : k.toUpperCase() in a ? k.toUpperCase() : undefined);
    const matched = new Set(eKeys.map(actualKey));
    if (eKeys.length !== aKeys.length) {
      const missing = eKeys.filter((k) => actualKey(k) === undefined);
      const extra = aKeys.filter((k) => !matched.has(k));
      return `${path}: fields differ (missing ${missing.join(',') || '-'}; unexpected ${extra.join(',') || '-'}): expected ${show(e)} but got ${show(a)}`;
    }
    for (const k of eKeys) {
      const found = actualKey(k);
      const d = firstDifference(found === undefined ? null : a[found], e[k], `${path}.${k}`);
      if (d) return d;
    }
    return undefined;
  }
  return a === e ? undefined : mismatch(path, e, a);
}

const DECIMAL_TEXT = /^-?\d+\.\d+$/;

function isNumeric(v: unknown): v is number | bigint {
  return typeof v === 'number' || typeof v === 'bigint';
}

function numbersEqual(a: number | bigint, b: number | bigint): boolean {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a === b;
  if (typeof a === 'bigint') return Number.isInteger(b) && Number.isSafeInteger(b) ? a === BigInt(b) : Number(a) === b;
  if (typeof b === 'bigint') return numbersEqual(b, a);
  return a === b;
}

function mismatch(path: string, expected: unknown, actual: unknown): string {
  return `${path}: expected ${show(expected)} but got ${show(actual)}`;
}

/** JSON text for messages; bigint printed exactly. */
export function show(v: unknown): string {
  const text = JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x));
  return text === undefined ? String(v) : text;
}
