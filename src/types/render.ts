/**
 * Values as a client sees them (ksqlDB REST/CLI JSON shapes): DECIMAL and safe BIGINT as numbers,
 * TIMESTAMP/DATE/TIME as ISO text, BYTES as base64, MAP and STRUCT as objects.
 */
import type { Decimal } from './decimal.js';
import { bytesToBase64, valueToJavaString } from './java-text.js';
import type { SqlType } from './sql-type.js';
import { formatDate, formatTime, formatTimestamp } from './temporal.js';

export type RenderedValue = null | boolean | number | bigint | string | RenderedValue[] | { [k: string]: RenderedValue };

export function toClientValue(value: unknown, type: SqlType): RenderedValue {
  if (value === null || value === undefined) return null;
  switch (type.kind) {
    case 'BOOLEAN':
    case 'INTEGER':
    case 'DOUBLE':
    case 'STRING':
      return value as boolean | number | string;
    case 'BIGINT': {
      const n = value as bigint;
      return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
    }
    case 'DECIMAL':
      return (value as Decimal).toNumber();
    case 'BYTES':
      return bytesToBase64(value as Uint8Array);
    case 'TIMESTAMP':
      return formatTimestamp(value as number);
    case 'DATE':
      return formatDate(value as number);
    case 'TIME':
      return formatTime(value as number);
    case 'ARRAY':
      return (value as readonly unknown[]).map((v) => toClientValue(v, type.element));
    case 'MAP': {
      const out: { [k: string]: RenderedValue } = {};
      for (const [k, v] of value as ReadonlyMap<unknown, unknown>) {
        const key = k === null || k === undefined ? 'null' : type.key.kind === 'STRING' ? (k as string) : valueToJavaString(k, type.key);
        out[key] = toClientValue(v, type.value);
      }
      return out;
    }
    case 'STRUCT': {
      const obj = value as Readonly<Record<string, unknown>>;
      const out: { [k: string]: RenderedValue } = {};
      for (const f of type.fields) out[f.name] = toClientValue(obj[f.name] ?? null, f.type);
      return out;
    }
  }
}
