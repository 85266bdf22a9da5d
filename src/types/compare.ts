/**
 * Ordering and equality of two non-null values of the same SQL type (the analyzer coerces both
 * sides of a comparison to one type first). STRING orders by UTF-16 code units, as Java does.
 */
import { Decimal } from './decimal.js';
import { decimalCompare } from './decimal-math.js';
import type { SqlType } from './sql-type.js';

export type Comparator = (a: unknown, b: unknown) => number;
export type Equality = (a: unknown, b: unknown) => boolean;

const primitiveCompare: Comparator = (a, b) => ((a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0);

/** A comparator for ordered types; undefined for types that have only equality (ARRAY, MAP, STRUCT, BYTES). */
export function comparatorFor(type: SqlType): Comparator | undefined {
  switch (type.kind) {
    case 'INTEGER':
    case 'BIGINT':
    case 'STRING':
    case 'TIMESTAMP':
    case 'DATE':
    case 'TIME':
      return primitiveCompare;
    case 'DOUBLE':
      // Java Double.compare: NaN is greater than everything and equal to itself.
      return (a, b) => {
        const x = a as number;
        const y = b as number;
        if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : -1;
        return x < y ? -1 : x > y ? 1 : 0;
      };
    case 'BOOLEAN':
      return (a, b) => (a === b ? 0 : a === false ? -1 : 1);
    case 'DECIMAL':
      return (a, b) => decimalCompare(a as Decimal, b as Decimal);
    case 'BYTES':
      return compareBytes;
    case 'ARRAY':
    case 'MAP':
    case 'STRUCT':
      return undefined;
  }
}

/** Java ByteBuffer.compareTo: byte by byte as signed values, then the shorter first. */
const compareBytes: Comparator = (a, b) => {
  const x = a as Uint8Array;
  const y = b as Uint8Array;
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = ((x[i]! << 24) >> 24) - ((y[i]! << 24) >> 24);
    if (d !== 0) return d;
  }
  return x.length - y.length;
};

/** Deep equality; a null inside a collection equals only null. */
export function equalityFor(type: SqlType): Equality {
  switch (type.kind) {
    case 'INTEGER':
    case 'BIGINT':
    case 'STRING':
    case 'TIMESTAMP':
    case 'DATE':
    case 'TIME':
    case 'BOOLEAN':
    case 'DOUBLE':
      return (a, b) => a === b;
    case 'DECIMAL':
      return (a, b) => decimalCompare(a as Decimal, b as Decimal) === 0;
    case 'BYTES':
      return (a, b) => {
        const x = a as Uint8Array;
        const y = b as Uint8Array;
        if (x.length !== y.length) return false;
        for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
        return true;
      };
    case 'ARRAY': {
      const el = nullableEquality(equalityFor(type.element));
      return (a, b) => {
        const x = a as readonly unknown[];
        const y = b as readonly unknown[];
        if (x.length !== y.length) return false;
        for (let i = 0; i < x.length; i++) if (!el(x[i], y[i])) return false;
        return true;
      };
    }
    case 'MAP': {
      const keyEq = equalityFor(type.key);
      const valEq = nullableEquality(equalityFor(type.value));
      return (a, b) => {
        const x = a as ReadonlyMap<unknown, unknown>;
        const y = b as ReadonlyMap<unknown, unknown>;
        if (x.size !== y.size) return false;
        for (const [k, v] of x) {
          let found = false;
          for (const [k2, v2] of y) {
            if (k === null ? k2 === null : k2 !== null && keyEq(k, k2)) {
              if (!valEq(v, v2)) return false;
              found = true;
              break;
            }
          }
          if (!found) return false;
        }
        return true;
      };
    }
    case 'STRUCT': {
      const fields = type.fields.map((f) => ({ name: f.name, eq: nullableEquality(equalityFor(f.type)) }));
      return (a, b) => {
        const x = a as Readonly<Record<string, unknown>>;
        const y = b as Readonly<Record<string, unknown>>;
        return fields.every((f) => f.eq(x[f.name] ?? null, y[f.name] ?? null));
      };
    }
  }
}

function nullableEquality(eq: Equality): Equality {
  return (a, b) => (a === null || a === undefined ? b === null || b === undefined : b !== null && b !== undefined && eq(a, b));
}

/** Total order over nullable values of one type, nulls first; for sorting. */
export function compareNullable(type: SqlType): Comparator {
  const cmp = comparatorFor(type);
  if (!cmp) throw new Error(`assertion: ${type.kind} is not ordered`);
  return (a, b) => (a === null ? (b === null ? 0 : -1) : b === null ? 1 : cmp(a, b));
}

