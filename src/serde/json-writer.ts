/**
 * Type-directed JSON writers, compiled once per type: each turns one value (our representation,
 * see src/types/sql-type.ts) into JSON text exactly as ksqlDB writes it — DOUBLE with Java's
 * `Double.toString` (`1.0`, `1.0E10`; NaN/Infinity as strings), DECIMAL as a plain number at the
 * column's scale, BIGINT with all its digits, TIMESTAMP/DATE/TIME as integers, BYTES as base64,
 * MAP and STRUCT as objects (STRUCT fields in declared order), no whitespace.
 */
import { Decimal } from '../types/decimal.js';
import type { SqlType, StructField } from '../types/sql-type.js';
import { encodeBase64 } from './base64.js';
import { rescaleDecimal } from './decimal-fit.js';
import { formatJavaDouble, integerText } from './java-number-text.js';

export type JsonWriter = (value: unknown) => string;

export function compileJsonWriter(type: SqlType): JsonWriter {
  switch (type.kind) {
    case 'BOOLEAN':
      return (v) => (v === null || v === undefined ? 'null' : v ? 'true' : 'false');
    case 'INTEGER':
    case 'BIGINT':
    case 'TIMESTAMP':
    case 'DATE':
    case 'TIME':
      return (v) => (v === null || v === undefined ? 'null' : integerText(v));
    case 'DOUBLE':
      return writeDouble;
    case 'DECIMAL': {
      const scale = type.scale;
      return (v) => (v === null || v === undefined ? 'null' : v instanceof Decimal ? rescaleDecimal(v, scale).toString() : String(v));
    }
    case 'STRING':
      return (v) => (v === null || v === undefined ? 'null' : JSON.stringify(String(v)));
    case 'BYTES':
      return (v) => (v instanceof Uint8Array ? `"${encodeBase64(v)}"` : 'null');
    case 'ARRAY': {
      const element = compileJsonWriter(type.element);
      return (v) => (Array.isArray(v) ? `[${v.map((e) => element(e)).join(',')}]` : 'null');
    }
    case 'MAP': {
      const value = compileJsonWriter(type.value);
      return (v) => {
        if (v === null || v === undefined) return 'null';
        const entries = v instanceof Map ? v.entries() : Object.entries(v as object);
        let out = '';
        for (const [k, e] of entries) out += `${out === '' ? '' : ','}${JSON.stringify(String(k))}:${value(e)}`;
        return `{${out}}`;
      };
    }
    case 'STRUCT': {
      const write = compileObjectWriter(type.fields);
      return (v) => (v === null || v === undefined ? 'null' : write((name) => (v as Record<string, unknown>)[name]));
    }
  }
}

/**
 * Writes an object with the given fields in order; `get` supplies each field's value by name.
 * Member prefixes (`{"A":`, `,"B":`) are built once.
 */
export function compileObjectWriter(fields: readonly StructField[]): (get: (name: string, index: number) => unknown) => string {
  const names = fields.map((f) => f.name);
  const prefixes = names.map((name, i) => `${i === 0 ? '' : ','}${JSON.stringify(name)}:`);
  const writers = fields.map((f) => compileJsonWriter(f.type));
  return (get) => {
    let out = '{';
    for (let i = 0; i < names.length; i++) {
      const v = get(names[i], i);
      out += prefixes[i] + writers[i](v === undefined ? null : v);
    }
    return `${out}}`;
  };
}

function writeDouble(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  const x = Number(v);
  // Jackson quotes the non-finite values, which JSON has no literal for.
  return Number.isFinite(x) ? formatJavaDouble(x) : `"${formatJavaDouble(x)}"`;
}
