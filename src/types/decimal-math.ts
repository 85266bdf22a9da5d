/**
 * Exact DECIMAL arithmetic on Decimal (unscaled bigint + scale), with Java BigDecimal's HALF_UP
 * rounding where a scale must shrink, plus ksqlDB's result-type rules for + - * / % (SqlDecimal).
 */
import { Decimal } from './decimal.js';
import { decimal, type SqlType } from './sql-type.js';

/** ksqlDB widens INTEGER to DECIMAL(10, 0) and BIGINT to DECIMAL(19, 0) in decimal arithmetic. */
export const INTEGER_AS_DECIMAL = decimal(10, 0);
export const BIGINT_AS_DECIMAL = decimal(19, 0);

const POW10: bigint[] = [];
export function pow10(n: number): bigint {
  let p = POW10[n];
  if (p === undefined) {
    p = 10n ** BigInt(n);
    if (n < 128) POW10[n] = p;
  }
  return p;
}

const abs = (n: bigint): bigint => (n < 0n ? -n : n);

export type RoundingMode = 'HALF_UP' | 'HALF_DOWN' | 'FLOOR' | 'CEILING' | 'DOWN';

/** q = n / d rounded by `mode` (d > 0 not required). */
function divRound(n: bigint, d: bigint, mode: RoundingMode): bigint {
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const q = n / d; // truncates toward zero
  const r = n - q * d;
  if (r === 0n) return q;
  const sign = n < 0n ? -1n : 1n;
  switch (mode) {
    case 'DOWN':
      return q;
    case 'FLOOR':
      return sign < 0n ? q - 1n : q;
    case 'CEILING':
      return sign > 0n ? q + 1n : q;
    case 'HALF_UP':
    case 'HALF_DOWN': {
      const twice = abs(r) * 2n;
      if (twice > d || (twice === d && mode === 'HALF_UP')) return q + sign;
      return q;
    }
  }
}

/** The same number at another scale; shrinking the scale rounds with `mode` (HALF_UP by default). */
export function rescale(d: Decimal, scale: number, mode: RoundingMode = 'HALF_UP'): Decimal {
  if (scale === d.scale) return d;
  if (scale > d.scale) return new Decimal(d.unscaled * pow10(scale - d.scale), scale);
  return new Decimal(divRound(d.unscaled, pow10(d.scale - scale), mode), scale);
}

/** Number of significant digits, as BigDecimal.precision() (0 has precision 1). */
export function digitCount(d: Decimal): number {
  return abs(d.unscaled).toString().length;
}

/** Rounds `d` to the type's scale; undefined if it then needs more digits than the precision allows. */
export function fitDecimal(d: Decimal, type: { readonly precision: number; readonly scale: number }): Decimal | undefined {
  const r = rescale(d, type.scale);
  return digitCount(r) > type.precision && r.unscaled !== 0n ? undefined : r;
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const s = Math.max(a.scale, b.scale);
  return [rescale(a, s).unscaled, rescale(b, s).unscaled, s];
}

export function decimalAdd(a: Decimal, b: Decimal): Decimal {
  const [x, y, s] = align(a, b);
  return new Decimal(x + y, s);
}

export function decimalSubtract(a: Decimal, b: Decimal): Decimal {
  const [x, y, s] = align(a, b);
  return new Decimal(x - y, s);
}

export function decimalMultiply(a: Decimal, b: Decimal): Decimal {
  return new Decimal(a.unscaled * b.unscaled, a.scale + b.scale);
}

/** a / b rounded HALF_UP to `scale`; undefined when b is zero. */
export function decimalDivide(a: Decimal, b: Decimal, scale: number): Decimal | undefined {
  if (b.unscaled === 0n) return undefined;
  // a/b = (ua / 10^sa) / (ub / 10^sb); scaled by 10^scale: ua * 10^(scale + sb - sa) / ub
  const shift = scale + b.scale - a.scale;
  const num = shift >= 0 ? a.unscaled * pow10(shift) : a.unscaled;
  const den = shift >= 0 ? b.unscaled : b.unscaled * pow10(-shift);
  return new Decimal(divRound(num, den, 'HALF_UP'), scale);
}

/** Remainder with the sign of the dividend (BigDecimal.remainder); undefined when b is zero. */
export function decimalRemainder(a: Decimal, b: Decimal): Decimal | undefined {
  if (b.unscaled === 0n) return undefined;
  const [x, y, s] = align(a, b);
  return new Decimal(x % y, s);
}

export function decimalNegate(a: Decimal): Decimal {
  return new Decimal(-a.unscaled, a.scale);
}

export function decimalAbs(a: Decimal): Decimal {
  return a.unscaled < 0n ? decimalNegate(a) : a;
}

export function decimalCompare(a: Decimal, b: Decimal): number {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function decimalSign(a: Decimal): number {
  return a.unscaled < 0n ? -1 : a.unscaled > 0n ? 1 : 0;
}

export function decimalFromBigInt(n: bigint): Decimal {
  return new Decimal(n, 0);
}

/**
 * A DOUBLE as a Decimal the way BigDecimal.valueOf(double) does: from the shortest decimal text
 * that round-trips, so 0.1 becomes 0.1 rather than 0.1000000000000000055... Undefined for NaN/±Infinity.
 */
export function decimalFromNumber(x: number): Decimal | undefined {
  if (!Number.isFinite(x)) return undefined;
  const text = String(x);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!m) return undefined;
  const frac = m[3] ?? '';
  const exp = m[4] ? Number(m[4]) : 0;
  let unscaled = BigInt(m[2]! + frac);
  let scale = frac.length - exp;
  if (scale < 0) {
    unscaled *= pow10(-scale);
    scale = 0;
  }
  // Java keeps at least one fraction digit for non-integral text like "1.0"; for integers it is scale 1 too.
  if (!m[3] && !m[4]) {
    unscaled *= 10n;
    scale = 1;
  }
  return new Decimal(m[1] === '-' ? -unscaled : unscaled, scale);
}

export function decimalToNumber(d: Decimal): number {
  return d.toNumber();
}

/** Parses decimal text, also with an exponent (`1.5E3`); undefined if not a number. */
export function parseDecimalText(text: string): Decimal | undefined {
  const plain = Decimal.parse(text);
  if (plain) return plain;
  const m = /^\s*([+-]?\d*(?:\.\d*)?)[eE]([+-]?\d+)\s*$/.exec(text);
  if (!m) return undefined;
  const base = Decimal.parse(m[1]!);
  if (!base) return undefined;
  const scale = base.scale - Number(m[2]);
  return scale >= 0 ? new Decimal(base.unscaled, scale) : new Decimal(base.unscaled * pow10(-scale), 0);
}

/** The DECIMAL type a numeric operand widens to in decimal arithmetic, or undefined if not exact-numeric. */
export function asDecimalType(t: SqlType): Extract<SqlType, { kind: 'DECIMAL' }> | undefined {
  switch (t.kind) {
    case 'DECIMAL':
      return t;
    case 'INTEGER':
      return INTEGER_AS_DECIMAL as Extract<SqlType, { kind: 'DECIMAL' }>;
    case 'BIGINT':
      return BIGINT_AS_DECIMAL as Extract<SqlType, { kind: 'DECIMAL' }>;
    default:
      return undefined;
  }
}

type Dec = { readonly precision: number; readonly scale: number };

/** ksqlDB SqlDecimal.add / subtract. */
export function decimalAddType(l: Dec, r: Dec): SqlType {
  const scale = Math.max(l.scale, r.scale);
  return decimal(scale + Math.max(l.precision - l.scale, r.precision - r.scale) + 1, scale);
}

/** ksqlDB SqlDecimal.multiply. */
export function decimalMultiplyType(l: Dec, r: Dec): SqlType {
  return decimal(l.precision + r.precision + 1, l.scale + r.scale);
}

/** ksqlDB SqlDecimal.divide. */
export function decimalDivideType(l: Dec, r: Dec): SqlType {
  const scale = Math.max(6, l.scale + r.precision + 1);
  return decimal(l.precision - l.scale + r.scale + scale, scale);
}

/** ksqlDB SqlDecimal.modulus. */
export function decimalModulusType(l: Dec, r: Dec): SqlType {
  const scale = Math.max(l.scale, r.scale);
  return decimal(Math.min(l.precision - l.scale, r.precision - r.scale) + scale, scale);
}

/** Type of a decimal literal as written: `1.50` is DECIMAL(3, 2), `0.05` is DECIMAL(2, 2). */
export function decimalLiteralType(d: Decimal): SqlType {
  return decimal(Math.max(digitCount(d), d.scale, 1), d.scale);
}
