/**
 * Values as text the way ksqlDB (Java) prints them in CAST(x AS STRING): doubles as
 * Double.toString (`10.0`, `1.0E7`), lists as `[1, 3]`, maps as `{k=1}`, structs as `Struct{A=1,b=2}`.
 */
import { Decimal } from './decimal.js';
import type { SqlType } from './sql-type.js';
import { formatDate, formatTime, formatTimestamp } from './temporal.js';

/** Java's Double.toString for finite and special values. */
export function javaDoubleToString(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  // Java prints the smallest subnormal with two digits; JS's shortest form is 5e-324.
  if (Math.abs(x) === Number.MIN_VALUE) return x > 0 ? '4.9E-324' : '-4.9E-324';
  const a = Math.abs(x);
  if (a >= 1e-3 && a < 1e7) {
    const s = String(x);
    return s.includes('.') ? s : `${s}.0`;
  }
  // Scientific: one digit before the point, at least one after, exponent without '+'.
  const [mant, exp] = x.toExponential().split('e') as [string, string];
  const m = mant.includes('.') ? mant : `${mant}.0`;
  return `${m}E${Number(exp)}`;
}

export function bytesToBase64(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');
}

/** Text of a non-null value of `type`; nested nulls print as `null`. */
export function valueToJavaString(value: unknown, type: SqlType): string {
  switch (type.kind) {
    case 'BOOLEAN':
    case 'INTEGER':
    case 'BIGINT':
    case 'STRING':
      return String(value);
    case 'DOUBLE':
      return javaDoubleToString(value as number);
    case 'DECIMAL':
      return (value as Decimal).toString();
    case 'BYTES':
      return bytesToBase64(value as Uint8Array);
    case 'TIMESTAMP':
      return formatTimestamp(value as number);
    case 'DATE':
      return formatDate(value as number);
    case 'TIME':
      return formatTime(value as number);
    case 'ARRAY':
      return `[${(value as readonly unknown[]).map((v) => nested(v, type.element)).join(', ')}]`;
    case 'MAP':
      return `{${[...(value as ReadonlyMap<unknown, unknown>)].map(([k, v]) => `${nested(k, type.key)}=${nested(v, type.value)}`).join(', ')}}`;
    case 'STRUCT': {
      const obj = value as Readonly<Record<string, unknown>>;
      return `Struct{${type.fields
        .filter((f) => obj[f.name] !== null && obj[f.name] !== undefined)
        .map((f) => `${f.name}=${nested(obj[f.name], f.type)}`)
        .join(',')}}`;
    }
  }
}

function nested(v: unknown, t: SqlType): string {
  return v === null || v === undefined ? 'null' : valueToJavaString(v, t);
}
