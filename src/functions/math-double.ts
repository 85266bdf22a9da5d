/**
 * DOUBLE math (integers widen to DOUBLE): SQRT, CBRT, EXP, LN, LOG, POWER, SIGN, PI, RANDOM,
 * DEGREES, RADIANS, trigonometry, GEO_DISTANCE. Out-of-domain input gives NaN, as Java's Math does.
 */
import { ExpressionEvalError } from '../types/eval-error.js';
import { DOUBLE, INTEGER } from '../types/sql-type.js';
import { declaredAs, scalar, SYSTEM_CONTEXT } from './function.js';

const unary = (name: string, description: string, f: (x: number) => number) =>
  scalar(name, description, [`${name}(DOUBLE) → DOUBLE`], [{ params: ['DOUBLE'], returns: DOUBLE, impl: ([x]) => f(x as number) }]);

export const SQRT = unary('SQRT', 'The square root (NaN for negative input).', Math.sqrt);
export const CBRT = unary('CBRT', 'The cube root.', Math.cbrt);
export const EXP = unary('EXP', 'e raised to the power of the argument.', Math.exp);
export const LN = unary('LN', 'The natural logarithm (NaN below zero, -Infinity at zero).', Math.log);
export const DEGREES = unary('DEGREES', 'Radians to degrees.', (x) => (x * 180) / Math.PI);
export const RADIANS = unary('RADIANS', 'Degrees to radians.', (x) => (x / 180) * Math.PI);
export const SIN = unary('SIN', 'The sine of an angle in radians.', Math.sin);
export const COS = unary('COS', 'The cosine of an angle in radians.', Math.cos);
export const TAN = unary('TAN', 'The tangent of an angle in radians.', Math.tan);
export const COT = unary('COT', 'The cotangent of an angle in radians.', (x) => 1 / Math.tan(x));
export const ASIN = unary('ASIN', 'The arc sine, in radians (NaN outside [-1, 1]).', Math.asin);
export const ACOS = unary('ACOS', 'The arc cosine, in radians (NaN outside [-1, 1]).', Math.acos);
export const ATAN = unary('ATAN', 'The arc tangent, in radians.', Math.atan);
export const SINH = unary('SINH', 'The hyperbolic sine.', Math.sinh);
export const COSH = unary('COSH', 'The hyperbolic cosine.', Math.cosh);
export const TANH = unary('TANH', 'The hyperbolic tangent.', Math.tanh);

export const ATAN2 = scalar('ATAN2', 'The angle theta of the point (x, y): ATAN2(y, x), in radians.', ['ATAN2(DOUBLE y, DOUBLE x) → DOUBLE'], [
  { params: ['DOUBLE', 'DOUBLE'], returns: DOUBLE, impl: ([y, x]) => Math.atan2(y as number, x as number) },
]);

export const LOG = scalar(
  'LOG',
  'The natural logarithm, or the logarithm in a base: LOG(base, x); NaN for a base that is not positive or is 1.',
  ['LOG(DOUBLE) → DOUBLE', 'LOG(DOUBLE base, DOUBLE value) → DOUBLE'],
  [
    { params: ['DOUBLE'], returns: DOUBLE, impl: ([x]) => Math.log(x as number) },
    {
      params: ['DOUBLE', 'DOUBLE'],
      returns: DOUBLE,
      impl: ([b, x]) => ((b as number) <= 0 || b === 1 ? NaN : Math.log(x as number) / Math.log(b as number)),
    },
  ],
);

export const POWER = scalar('POWER', 'The base raised to the exponent.', ['POWER(DOUBLE, DOUBLE) → DOUBLE'], [
  { params: ['DOUBLE', 'DOUBLE'], returns: DOUBLE, impl: ([b, e]) => Math.pow(b as number, e as number) },
]);

export const SIGN = scalar('SIGN', 'The sign of a number: -1, 0 or 1 (0 for NaN).', ['SIGN(INTEGER) → INTEGER', 'SIGN(BIGINT) → INTEGER', 'SIGN(DOUBLE) → INTEGER'], [
  { params: ['INTEGER'], returns: INTEGER, impl: ([x]) => Math.sign(x as number) },
  { params: ['BIGINT'], returns: INTEGER, impl: ([x]) => ((x as bigint) > 0n ? 1 : (x as bigint) < 0n ? -1 : 0) },
  { params: ['DOUBLE'], returns: INTEGER, impl: ([x]) => (Number.isNaN(x) ? 0 : Math.sign(x as number) | 0) },
]);

export const PI = scalar('PI', 'The constant π.', ['PI() → DOUBLE'], [{ params: [], returns: DOUBLE, impl: () => Math.PI }]);

export const RANDOM = scalar('RANDOM', 'A random DOUBLE in [0, 1).', ['RANDOM() → DOUBLE'], [
  { params: [], returns: DOUBLE, impl: (_args, ctx = SYSTEM_CONTEXT) => ctx.random() },
]);

const EARTH_RADIUS_KM = 6371;
const EARTH_RADIUS_MILES = 3959;
const MILES = ['mi', 'mile', 'miles'];
const KMS = ['km', 'kilometer', 'kilometers', 'kilometre', 'kilometres'];

function earthRadius(units: unknown): number {
  const u = typeof units === 'string' ? units.trim().toLowerCase() : '';
  if (u === '' || KMS.includes(u)) return EARTH_RADIUS_KM;
  if (MILES.includes(u)) return EARTH_RADIUS_MILES;
  throw new ExpressionEvalError(
    'GeoDistance function units parameter must be one of mi, mile, miles, km, kilometer, kilometers, kilometre, or kilometres. Values are case-insensitive.',
  );
}

const haversin = (x: number): number => Math.pow(Math.sin(x / 2), 2);
const rad = (deg: number): number => (deg / 180) * Math.PI;

function geoDistance([lat1, lon1, lat2, lon2, units]: readonly unknown[]): number {
  const [a1, o1, a2, o2] = [lat1, lon1, lat2, lon2] as number[];
  if (a1! < -90 || a2! < -90 || a1! > 90 || a2! > 90) {
    throw new ExpressionEvalError('valid latitude values for GeoDistance function are in the range of -90 to 90 decimal degrees');
  }
  if (o1! < -180 || o2! < -180 || o1! > 180 || o2! > 180) {
    throw new ExpressionEvalError('valid longitude values for GeoDistance function are in the range of -180 to +180 decimal degrees');
  }
  const h = haversin(rad(a2! - a1!)) + haversin(rad(o2! - o1!)) * Math.cos(rad(a1!)) * Math.cos(rad(a2!));
  return 2 * Math.asin(Math.sqrt(h)) * earthRadius(units);
}

// ksqlDB declares this UDF as `geo_distance`, and names it so in its messages.
export const GEO_DISTANCE = declaredAs(scalar(
  'GEO_DISTANCE',
  "The great-circle distance between two latitude/longitude points (Haversine), in km or in 'MI' (miles).",
  ['GEO_DISTANCE(DOUBLE lat1, DOUBLE lon1, DOUBLE lat2, DOUBLE lon2) → DOUBLE', 'GEO_DISTANCE(DOUBLE lat1, DOUBLE lon1, DOUBLE lat2, DOUBLE lon2, STRING units) → DOUBLE'],
  [
    { params: ['DOUBLE', 'DOUBLE', 'DOUBLE', 'DOUBLE'], returns: DOUBLE, impl: geoDistance },
    { params: ['DOUBLE', 'DOUBLE', 'DOUBLE', 'DOUBLE', 'STRING'], returns: DOUBLE, acceptsNulls: true, impl: (a) => (a.slice(0, 4).some((x) => x === null || x === undefined) ? null : geoDistance(a)) },
  ],
), 'geo_distance');

export const MATH_DOUBLE_FUNCTIONS = [SQRT, CBRT, EXP, LN, LOG, POWER, SIGN, PI, RANDOM, DEGREES, RADIANS, SIN, COS, TAN, COT, ASIN, ACOS, ATAN, ATAN2, SINH, COSH, TANH, GEO_DISTANCE];
