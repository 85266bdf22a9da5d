/**
 * DECIMAL values crossing the serde boundary: parse any `BigDecimal` literal (exponents included)
 * and fit it to the column's DECIMAL(precision, scale) the way ksqlDB's `DecimalUtil.ensureFit`
 * does — exact rescaling only; a value that would need rounding or lose integer digits is an error.
 */
import { Decimal } from '../types/decimal.js';
import type { SqlType } from '../types/sql-type.js';

export type DecimalType = Extract<SqlType, { kind: 'DECIMAL' }>;

/** Exponents beyond this are rejected rather than expanded into enormous bigints. */
export const MAX_DECIMAL_EXPONENT = 1000;

const BIG_DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** `new BigDecimal(text)`: `-12.5`, `.5`, `1.`, `1E+3`, `12e-2`. Undefined if not a number. */
export function parseDecimalText(text: string): Decimal | undefined {
  const m = BIG_DECIMAL_TEXT.exec(text);
  if (m === null) return undefined;
  const int = m[2] ?? '';
  const frac = m[3] ?? '';
  if (int === '' && frac === '') return undefined;
  const exponent = m[4] === undefined ? 0 : Number(m[4]);
  if (Math.abs(exponent) > MAX_DECIMAL_EXPONENT) return undefined;
  const unscaled = BigInt(int + frac);
  return new Decimal(m[1] === '-' ? -unscaled : unscaled, frac.length - exponent);
}

/** The value at exactly the type's scale, or an error message (ksqlDB's wording). */
export function fitDecimal(value: Decimal, type: DecimalType): Decimal | string {
  const { precision, scale } = type;
  const abs = value.unscaled < 0n ? -value.unscaled : value.unscaled;
  const integerDigits = value.scale >= 0 ? digitCount(abs / 10n ** BigInt(value.scale)) : digitCount(abs) + (abs === 0n ? 0 : -value.scale);
  if (integerDigits > precision - scale) {
    return `Cannot fit decimal '${value.toString()}' into DECIMAL(${precision}, ${scale}) as it would truncate left digits to ${precision - scale}.`;
  }
  if (value.scale === scale) return value;
  if (value.scale < scale) return new Decimal(value.unscaled * 10n ** BigInt(scale - value.scale), scale);
  const divisor = 10n ** BigInt(value.scale - scale);
  if (value.unscaled % divisor !== 0n) {
    return `Cannot fit decimal '${value.toString()}' into DECIMAL(${precision}, ${scale}) without rounding.`;
  }
  return new Decimal(value.unscaled / divisor, scale);
}

/** Rescales for output, rounding half away from zero when the value carries more digits. */
export function rescaleDecimal(value: Decimal, scale: number): Decimal {
  if (value.scale === scale) return value;
  if (value.scale < scale) return new Decimal(value.unscaled * 10n ** BigInt(scale - value.scale), scale);
  const divisor = 10n ** BigInt(value.scale - scale);
  const neg = value.unscaled < 0n;
  const abs = neg ? -value.unscaled : value.unscaled;
  let q = abs / divisor;
  if ((abs % divisor) * 2n >= divisor) q += 1n;
  return new Decimal(neg ? -q : q, scale);
}

/** Number of decimal digits of a non-negative integer; 0 has none (it has no integer digits). */
function digitCount(n: bigint): number {
  return n === 0n ? 0 : n.toString().length;
}
