/**
 * Implicit conversions: where a value of one type may stand for another without CAST (INSERT
 * VALUES, function arguments, the two sides of an operator). Widening INTEGER → BIGINT → DECIMAL →
 * DOUBLE as ksqlDB does, plus ISO text into TIMESTAMP/DATE/TIME (INSERT VALUES accepts
 * '2020-01-01T00:00:00.000').
 */
import { castConverter, isNumeric, type Converter } from './cast.js';
import { asDecimalType } from './decimal-math.js';
import { isUntypedNull } from './null-type.js';
import { decimal, typesEqual, type SqlType } from './sql-type.js';

const NUMERIC_RANK: Partial<Record<SqlType['kind'], number>> = { INTEGER: 0, BIGINT: 1, DECIMAL: 2, DOUBLE: 3 };

/** May a value of `from` be used where `to` is expected, without an explicit CAST? */
export function canCoerce(from: SqlType, to: SqlType): boolean {
  if (isUntypedNull(from)) return true;
  if (from.kind === to.kind && (from.kind === 'DECIMAL' || typesEqual(from, to))) return true;
  const rf = NUMERIC_RANK[from.kind];
  const rt = NUMERIC_RANK[to.kind];
  if (rf !== undefined && rt !== undefined) return rf < rt;
  switch (to.kind) {
    case 'TIMESTAMP':
    case 'DATE':
    case 'TIME':
      return from.kind === 'STRING';
    case 'ARRAY':
      return from.kind === 'ARRAY' && canCoerce(from.element, to.element);
    case 'MAP':
      return from.kind === 'MAP' && canCoerce(from.key, to.key) && canCoerce(from.value, to.value);
    case 'STRUCT':
      // Every given field must exist in the target; target fields not given become NULL.
      return (
        from.kind === 'STRUCT' &&
        from.fields.every((sf) => {
          const tf = to.fields.find((f) => f.name === sf.name);
          return tf !== undefined && canCoerce(sf.type, tf.type);
        })
      );
    default:
      return false;
  }
}

/** A converter for canCoerce(from, to) pairs; throws ExpressionEvalError (e.g. DECIMAL overflow, bad date text). */
export function coercer(from: SqlType, to: SqlType): Converter {
  if (isUntypedNull(from)) return () => null;
  // Every coercible pair is also a cast with the same meaning (structs match fields by name).
  return castConverter(from, to);
}

/** Converts one value (null stays null). */
export function coerceValue(value: unknown, from: SqlType, to: SqlType): unknown {
  return coercer(from, to)(value);
}

/**
 * The type both `a` and `b` widen to (CASE branches, COALESCE arguments, array elements, the two
 * sides of a comparison), or undefined if there is none.
 */
export function commonType(a: SqlType, b: SqlType): SqlType | undefined {
  if (isUntypedNull(a)) return b;
  if (isUntypedNull(b)) return a;
  if (typesEqual(a, b)) return a;
  if (isNumeric(a) && isNumeric(b)) {
    if (a.kind === 'DOUBLE' || b.kind === 'DOUBLE') return { kind: 'DOUBLE' };
    if (a.kind === 'DECIMAL' || b.kind === 'DECIMAL') {
      const x = asDecimalType(a)!;
      const y = asDecimalType(b)!;
      const scale = Math.max(x.scale, y.scale);
      return decimal(Math.max(x.precision - x.scale, y.precision - y.scale) + scale, scale);
    }
    return { kind: 'BIGINT' };
  }
  if (a.kind === 'ARRAY' && b.kind === 'ARRAY') {
    const e = commonType(a.element, b.element);
    return e && { kind: 'ARRAY', element: e };
  }
  if (a.kind === 'MAP' && b.kind === 'MAP') {
    const k = commonType(a.key, b.key);
    const v = commonType(a.value, b.value);
    return k && v && { kind: 'MAP', key: k, value: v };
  }
  if (a.kind === 'STRUCT' && b.kind === 'STRUCT' && a.fields.length === b.fields.length) {
    const fields = [];
    for (const f of a.fields) {
      const g = b.fields.find((x) => x.name === f.name);
      const t = g && commonType(f.type, g.type);
      if (!t) return undefined;
      fields.push({ name: f.name, type: t });
    }
    return { kind: 'STRUCT', fields };
  }
  return undefined;
}
