/**
 * Rounding math: ABS, ROUND, FLOOR, CEIL, TRUNC with ksqlDB's return types. ROUND rounds half towards
 * positive infinity like Java Math.round (ROUND(-1.5) = -1), also for DECIMAL and ROUND(x, n).
 */
import { Decimal } from '../types/decimal.js';
import { decimalAbs, decimalFromNumber, decimalSign, rescale } from '../types/decimal-math.js';
import { doubleToLong } from '../types/cast.js';
import { BIGINT, DOUBLE, INTEGER, decimal, type SqlType } from '../types/sql-type.js';
import { fromSignatures, type ScalarFunction } from './function.js';

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** Java Math.round(double) → long: floor(x + 0.5), NaN → 0, saturating. */
function javaRound(x: number): bigint {
  if (Number.isNaN(x)) return 0n;
  if (x >= 9.223372036854776e18) return LONG_MAX;
  if (x <= -9.223372036854776e18) return LONG_MIN;
  return BigInt(Math.round(x));
}

/** ksqlDB Round.roundBigDecimal: HALF_UP above zero, HALF_DOWN otherwise (= half towards +∞). */
function roundDecimal(d: Decimal, places: number): Decimal {
  return rescale(d, places, decimalSign(d) > 0 ? 'HALF_UP' : 'HALF_DOWN');
}

const sameType = (params: readonly SqlType[]): SqlType => params[0]!;

/** DECIMAL(p, s) → DECIMAL(p - s, 0): the type of a DECIMAL rounded or truncated to an integer. */
const integralDecimal = ([t]: readonly SqlType[]): SqlType => {
  const d = t as Extract<SqlType, { kind: 'DECIMAL' }>;
  return decimal(Math.max(1, d.precision - d.scale), 0);
};

export const ABS: ScalarFunction = {
  name: 'ABS',
  description: 'The absolute value of a number.',
  signatures: ['ABS(INTEGER) → INTEGER', 'ABS(BIGINT) → BIGINT', 'ABS(DOUBLE) → DOUBLE', 'ABS(DECIMAL(p, s)) → DECIMAL(p, s)'],
  resolve: fromSignatures([
    { params: ['INTEGER'], returns: INTEGER, impl: ([x]) => Math.abs(x as number) | 0 },
    { params: ['BIGINT'], returns: BIGINT, impl: ([x]) => BigInt.asIntN(64, (x as bigint) < 0n ? -(x as bigint) : (x as bigint)) },
    { params: ['DOUBLE'], returns: DOUBLE, impl: ([x]) => Math.abs(x as number) },
    { params: ['DECIMAL'], returns: sameType, impl: ([x]) => decimalAbs(x as Decimal) },
  ]),
};

export const ROUND: ScalarFunction = {
  name: 'ROUND',
  description: 'Rounds to the nearest integer, or to n decimal places (negative n: left of the point); halves round up.',
  signatures: [
    'ROUND(INTEGER) → BIGINT',
    'ROUND(BIGINT) → BIGINT',
    'ROUND(DOUBLE) → BIGINT',
    'ROUND(DECIMAL(p, s)) → DECIMAL(p - s, 0)',
    'ROUND(DOUBLE, INTEGER) → DOUBLE',
    'ROUND(DECIMAL(p, s), INTEGER) → DECIMAL(p, s)',
  ],
  resolve: fromSignatures([
    { params: ['INTEGER'], returns: BIGINT, impl: ([x]) => BigInt(x as number) },
    { params: ['BIGINT'], returns: BIGINT, impl: ([x]) => x },
    { params: ['DOUBLE'], returns: BIGINT, impl: ([x]) => javaRound(x as number) },
    {
      params: ['DECIMAL'],
      returns: integralDecimal,
      impl: ([x]) => roundDecimal(x as Decimal, 0),
    },
    {
      params: ['DOUBLE', 'INTEGER'],
      returns: DOUBLE,
      impl: ([x, n]) => {
        const d = decimalFromNumber(x as number);
        return d === undefined ? x : roundDecimal(d, n as number).toNumber();
      },
    },
    {
      params: ['DECIMAL', 'INTEGER'],
      returns: sameType,
      // The value keeps the type's scale: ROUND(1.25, 1) on DECIMAL(3, 2) is 1.30.
      impl: ([x, n]) => rescale(roundDecimal(x as Decimal, n as number), (x as Decimal).scale),
    },
  ]),
};

export const FLOOR: ScalarFunction = {
  name: 'FLOOR',
  description: 'The largest integer value not greater than the argument.',
  signatures: ['FLOOR(INTEGER) → INTEGER', 'FLOOR(BIGINT) → BIGINT', 'FLOOR(DOUBLE) → DOUBLE', 'FLOOR(DECIMAL(p, s)) → DECIMAL(p, s)'],
  resolve: fromSignatures([
    { params: ['INTEGER'], returns: INTEGER, impl: ([x]) => x },
    { params: ['BIGINT'], returns: BIGINT, impl: ([x]) => x },
    { params: ['DOUBLE'], returns: DOUBLE, impl: ([x]) => Math.floor(x as number) },
    { params: ['DECIMAL'], returns: sameType, impl: ([x]) => rescale(rescale(x as Decimal, 0, 'FLOOR'), (x as Decimal).scale) },
  ]),
};

export const CEIL: ScalarFunction = {
  name: 'CEIL',
  description: 'The smallest integer value not less than the argument.',
  signatures: ['CEIL(INTEGER) → INTEGER', 'CEIL(BIGINT) → BIGINT', 'CEIL(DOUBLE) → DOUBLE', 'CEIL(DECIMAL(p, s)) → DECIMAL(p, s)'],
  resolve: fromSignatures([
    { params: ['INTEGER'], returns: INTEGER, impl: ([x]) => x },
    { params: ['BIGINT'], returns: BIGINT, impl: ([x]) => x },
    { params: ['DOUBLE'], returns: DOUBLE, impl: ([x]) => Math.ceil(x as number) },
    { params: ['DECIMAL'], returns: sameType, impl: ([x]) => rescale(rescale(x as Decimal, 0, 'CEILING'), (x as Decimal).scale) },
  ]),
};

export const TRUNC: ScalarFunction = {
  name: 'TRUNC',
  description: 'Truncates towards zero, to an integer or to n decimal places (negative n: left of the point).',
  signatures: [
    'TRUNC(INTEGER) → BIGINT',
    'TRUNC(BIGINT) → BIGINT',
    'TRUNC(DOUBLE) → BIGINT',
    'TRUNC(DECIMAL(p, s)) → DECIMAL(p - s, 0)',
    'TRUNC(DOUBLE, INTEGER) → DOUBLE',
    'TRUNC(DECIMAL(p, s), INTEGER) → DECIMAL(p, s)',
  ],
  resolve: fromSignatures([
    { params: ['INTEGER'], returns: BIGINT, impl: ([x]) => BigInt(x as number) },
    { params: ['BIGINT'], returns: BIGINT, impl: ([x]) => x },
    { params: ['DOUBLE'], returns: BIGINT, impl: ([x]) => doubleToLong(x as number) },
    { params: ['DECIMAL'], returns: integralDecimal, impl: ([x]) => rescale(x as Decimal, 0, 'DOWN') },
    {
      params: ['DOUBLE', 'INTEGER'],
      returns: DOUBLE,
      impl: ([x, n]) => {
        const d = decimalFromNumber(x as number);
        if (d === undefined) throw new Error(`Cannot truncate ${String(x)}`);
        return rescale(d, n as number, 'DOWN').toNumber();
      },
    },
    { params: ['DECIMAL', 'INTEGER'], returns: sameType, impl: ([x, n]) => rescale(rescale(x as Decimal, n as number, 'DOWN'), (x as Decimal).scale) },
  ]),
};

export const MATH_FUNCTIONS: readonly ScalarFunction[] = [ABS, ROUND, FLOOR, CEIL, TRUNC];
