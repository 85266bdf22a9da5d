/**
 * CAST(x AS T): which casts ksqlDB allows (checked at analysis) and the conversion itself.
 * Narrowing numeric casts follow Java: DOUBLE→INTEGER truncates toward zero and saturates,
 * BIGINT→INTEGER wraps. A value that cannot be converted throws ExpressionEvalError.
 */
import { Decimal } from './decimal.js';
import { decimalFromBigInt, decimalFromNumber, fitDecimal, parseDecimalText, rescale } from './decimal-math.js';
import { ExpressionEvalError } from './eval-error.js';
import { valueToJavaString } from './java-text.js';
import { typeToString, type SqlType } from './sql-type.js';
import { MS_PER_DAY, parseDate, parseTime, parseTimestamp } from './temporal.js';

const NUMERIC = new Set(['INTEGER', 'BIGINT', 'DOUBLE', 'DECIMAL']);
export const isNumeric = (t: SqlType): boolean => NUMERIC.has(t.kind);

export function canCast(from: SqlType, to: SqlType): boolean {
  if (to.kind === 'STRING') return true;
  switch (from.kind) {
    case 'INTEGER':
    case 'BIGINT':
    case 'DOUBLE':
    case 'DECIMAL':
      return isNumeric(to);
    case 'STRING':
      return isNumeric(to) || ['BOOLEAN', 'TIMESTAMP', 'DATE', 'TIME', 'BYTES'].includes(to.kind);
    case 'BOOLEAN':
      return to.kind === 'BOOLEAN';
    case 'BYTES':
      return to.kind === 'BYTES';
    case 'TIMESTAMP':
      return to.kind === 'TIMESTAMP' || to.kind === 'DATE' || to.kind === 'TIME';
    case 'DATE':
      return to.kind === 'DATE' || to.kind === 'TIMESTAMP';
    case 'TIME':
      return to.kind === 'TIME';
    case 'ARRAY':
      return to.kind === 'ARRAY' && canCast(from.element, to.element);
    case 'MAP':
      return to.kind === 'MAP' && canCast(from.key, to.key) && canCast(from.value, to.value);
    case 'STRUCT':
      // Fields are matched by name; a target field missing from the source becomes NULL.
      return (
        to.kind === 'STRUCT' &&
        to.fields.every((tf) => {
          const sf = from.fields.find((f) => f.name === tf.name);
          return !sf || canCast(sf.type, tf.type);
        })
      );
  }
}

export type Converter = (value: unknown) => unknown;

/** Builds a converter once per (from, to); it maps null to null. Assumes canCast(from, to). */
export function castConverter(from: SqlType, to: SqlType): Converter {
  const c = nonNullConverter(from, to);
  return (v) => (v === null || v === undefined ? null : c(v));
}

/** One-off cast of a value; prefer castConverter in hot paths. */
export function castValue(value: unknown, from: SqlType, to: SqlType): unknown {
  return castConverter(from, to)(value);
}

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** Java (int) of a double: truncate, NaN → 0, saturate. */
export function doubleToInt(x: number): number {
  if (Number.isNaN(x)) return 0;
  if (x <= INT_MIN) return INT_MIN;
  if (x >= INT_MAX) return INT_MAX;
  return Math.trunc(x);
}

/** Java (long) of a double: truncate, NaN → 0, saturate. */
export function doubleToLong(x: number): bigint {
  if (Number.isNaN(x)) return 0n;
  if (x >= 9.223372036854776e18) return LONG_MAX;
  if (x <= -9.223372036854776e18) return LONG_MIN;
  return BigInt(Math.trunc(x));
}

function fail(value: unknown, to: SqlType, why?: string): never {
  throw new ExpressionEvalError(`Cannot cast ${JSON.stringify(String(value))} to ${typeToString(to)}${why ? `: ${why}` : ''}`);
}

function toDecimal(value: unknown, from: SqlType, to: Extract<SqlType, { kind: 'DECIMAL' }>): Decimal {
  let d: Decimal | undefined;
  switch (from.kind) {
    case 'INTEGER':
      d = decimalFromBigInt(BigInt(value as number));
      break;
    case 'BIGINT':
      d = decimalFromBigInt(value as bigint);
      break;
    case 'DOUBLE':
      d = decimalFromNumber(value as number);
      break;
    case 'DECIMAL':
      d = value as Decimal;
      break;
    case 'STRING':
      d = parseDecimalText(value as string);
      break;
    default:
      d = undefined;
  }
  if (!d) fail(value, to);
  const fitted = fitDecimal(d, to);
  if (!fitted) fail(d.toString(), to, 'numeric field overflow');
  return fitted;
}

/** Java Integer.parseInt / Long.parseLong on trimmed text. */
function parseInteger(text: string, to: SqlType): bigint {
  const t = text.trim();
  if (!/^[+-]?\d+$/.test(t)) fail(text, to);
  return BigInt(t);
}

/** Java Double.parseDouble on trimmed text (also NaN, Infinity, hex not supported). */
function parseDouble(text: string, to: SqlType): number {
  const t = text.trim().replace(/[dDfF]$/, '');
  if (!/^[+-]?(NaN|Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)$/.test(t)) fail(text, to);
  return Number(t);
}

/** ksqlDB's lenient boolean text: prefixes of true/yes and false/no, any case. */
export function parseBooleanText(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (t === '') return undefined;
  if ('true'.startsWith(t) || 'yes'.startsWith(t)) return true;
  if ('false'.startsWith(t) || 'no'.startsWith(t)) return false;
  return undefined;
}

function nonNullConverter(from: SqlType, to: SqlType): Converter {
  if (to.kind === 'STRING') {
    return from.kind === 'STRING' ? (v) => v : (v) => valueToJavaString(v, from);
  }
  switch (to.kind) {
    case 'BOOLEAN':
      if (from.kind === 'STRING') {
        return (v) => {
          const b = parseBooleanText(v as string);
          return b === undefined ? fail(v, to) : b;
        };
      }
      return (v) => v;
    case 'INTEGER':
      switch (from.kind) {
        case 'INTEGER':
          return (v) => v;
        case 'BIGINT':
          return (v) => Number(BigInt.asIntN(32, v as bigint));
        case 'DOUBLE':
          return (v) => doubleToInt(v as number);
        case 'DECIMAL':
          return (v) => Number(BigInt.asIntN(32, rescale(v as Decimal, 0, 'DOWN').unscaled));
        case 'STRING':
          return (v) => {
            const n = parseInteger(v as string, to);
            if (n < BigInt(INT_MIN) || n > BigInt(INT_MAX)) fail(v, to);
            return Number(n);
          };
        default:
          return (v) => fail(v, to);
      }
    case 'BIGINT':
      switch (from.kind) {
        case 'INTEGER':
          return (v) => BigInt(v as number);
        case 'BIGINT':
          return (v) => v;
        case 'DOUBLE':
          return (v) => doubleToLong(v as number);
        case 'DECIMAL':
          return (v) => BigInt.asIntN(64, rescale(v as Decimal, 0, 'DOWN').unscaled);
        case 'STRING':
          return (v) => {
            const n = parseInteger(v as string, to);
            if (n < LONG_MIN || n > LONG_MAX) fail(v, to);
            return n;
          };
        default:
          return (v) => fail(v, to);
      }
    case 'DOUBLE':
      switch (from.kind) {
        case 'INTEGER':
        case 'DOUBLE':
          return (v) => v;
        case 'BIGINT':
          return (v) => Number(v as bigint);
        case 'DECIMAL':
          return (v) => (v as Decimal).toNumber();
        case 'STRING':
          return (v) => parseDouble(v as string, to);
        default:
          return (v) => fail(v, to);
      }
    case 'DECIMAL':
      return (v) => toDecimal(v, from, to);
    case 'BYTES':
      if (from.kind === 'STRING') return (v) => Uint8Array.from(Buffer.from(v as string, 'base64'));
      return (v) => v;
    case 'TIMESTAMP':
      switch (from.kind) {
        case 'STRING':
          return (v) => parseTimestamp(v as string) ?? fail(v, to);
        case 'DATE':
          return (v) => (v as number) * MS_PER_DAY;
        default:
          return (v) => v;
      }
    case 'DATE':
      switch (from.kind) {
        case 'STRING':
          return (v) => parseDate(v as string) ?? fail(v, to);
        case 'TIMESTAMP':
          return (v) => Math.floor((v as number) / MS_PER_DAY);
        default:
          return (v) => v;
      }
    case 'TIME':
      switch (from.kind) {
        case 'STRING':
          return (v) => parseTime(v as string) ?? fail(v, to);
        case 'TIMESTAMP':
          return (v) => (((v as number) % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
        default:
          return (v) => v;
      }
    case 'ARRAY': {
      if (from.kind !== 'ARRAY') return (v) => fail(v, to);
      const el = castConverter(from.element, to.element);
      return (v) => (v as readonly unknown[]).map(el);
    }
    case 'MAP': {
      if (from.kind !== 'MAP') return (v) => fail(v, to);
      const k = castConverter(from.key, to.key);
      const val = castConverter(from.value, to.value);
      return (v) => {
        const out = new Map<unknown, unknown>();
        for (const [a, b] of v as ReadonlyMap<unknown, unknown>) out.set(k(a), val(b));
        return out;
      };
    }
    case 'STRUCT': {
      if (from.kind !== 'STRUCT') return (v) => fail(v, to);
      const fields = to.fields.map((tf) => {
        const sf = from.fields.find((f) => f.name === tf.name);
        return { name: tf.name, source: sf?.name, conv: sf ? castConverter(sf.type, tf.type) : () => null };
      });
      return (v) => {
        const obj = v as Readonly<Record<string, unknown>>;
        const out: Record<string, unknown> = {};
        for (const f of fields) out[f.name] = f.source === undefined ? null : f.conv(obj[f.source] ?? null);
        return out;
      };
    }
  }
}
