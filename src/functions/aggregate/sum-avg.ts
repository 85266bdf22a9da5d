/** SUM, AVG, STDDEV_SAMP and CORRELATION over numeric columns (NULL inputs are skipped). */
import { DOUBLE, typeToString, type SqlType } from '../../types/sql-type.js';
import { isNull, type AggregateFunction, type ArgType } from './aggregate-function.js';
import { numericOps } from './numeric-acc.js';

/** INT and BIGINT sums wrap (Java): exact in any order, unlike DOUBLE (rounding) and DECIMAL (overflow). */
const wrappingSum = (t: SqlType): { exactMerge?: true } => (t.kind === 'INTEGER' || t.kind === 'BIGINT' ? { exactMerge: true } : {});

const argList = (ts: readonly ArgType[]): string => ts.map((t) => (t ? typeToString(t) : 'null')).join(', ');

export const SUM: AggregateFunction = {
  name: 'SUM',
  description: 'The sum of the non-NULL values (0 when there are none), in the argument type.',
  signatures: ['SUM(INT) → INT', 'SUM(BIGINT) → BIGINT', 'SUM(DOUBLE) → DOUBLE', 'SUM(DECIMAL) → DECIMAL'],
  resolve(argTypes) {
    const t = argTypes[0];
    const ops = t && argTypes.length === 1 ? numericOps(t) : undefined;
    if (!t || !ops) return `Function 'SUM' does not accept parameters (${argList(argTypes)}).`;
    return {
      params: [t],
      returnType: t,
      init: () => ops.zero,
      add: (acc, [v]) => (isNull(v) ? acc : ops.add(acc, v)),
      undo: (acc, [v]) => (isNull(v) ? acc : ops.subtract(acc, v)),
      merge: (a, b) => ops.add(a, b),
      ...wrappingSum(t),
      result: (acc) => acc,
    };
  },
};

interface SumCount {
  s: unknown;
  n: number;
}

export const AVG: AggregateFunction = {
  name: 'AVG',
  structuredState: true,
  description: 'The mean of the non-NULL values as a DOUBLE (0.0 when there are none, as in ksqlDB).',
  signatures: ['AVG(INT | BIGINT | DOUBLE | DECIMAL) → DOUBLE'],
  resolve(argTypes) {
    const t = argTypes[0];
    const ops = t && argTypes.length === 1 ? numericOps(t) : undefined;
    if (!t || !ops) return `Function 'AVG' does not accept parameters (${argList(argTypes)}).`;
    return {
      params: [t],
      returnType: DOUBLE,
      init: (): SumCount => ({ s: ops.zero, n: 0 }),
      add: (acc, [v]) => (isNull(v) ? acc : { s: ops.add((acc as SumCount).s, v), n: (acc as SumCount).n + 1 }),
      undo: (acc, [v]) => (isNull(v) ? acc : { s: ops.subtract((acc as SumCount).s, v), n: (acc as SumCount).n - 1 }),
      merge: (a, b) => ({ s: ops.add((a as SumCount).s, (b as SumCount).s), n: (a as SumCount).n + (b as SumCount).n }),
      ...wrappingSum(t),
      // ksqlDB's AverageUdaf maps a count of 0 to 0.0, not NULL.
      result: (acc) => ((acc as SumCount).n === 0 ? 0 : ops.toDouble((acc as SumCount).s) / (acc as SumCount).n),
    };
  },
};

/**
 * Count, sum and sum of squared deviations, updated as Youngs and Cramer do:
 * m2 += (n·x − S)² / (n·(n + 1)) with n and S before x — the arithmetic ksqlDB uses, so results
 * agree to the last digit.
 */
interface Moments {
  n: number;
  s: number;
  m2: number;
}

const EMPTY_MOMENTS: Moments = { n: 0, s: 0, m2: 0 };

function addMoment(m: Moments, x: number): Moments {
  if (m.n === 0) return { n: 1, s: x, m2: 0 };
  const t = m.n * x - m.s;
  return { n: m.n + 1, s: m.s + x, m2: m.m2 + (t * t) / (m.n * (m.n + 1)) };
}

function removeMoment(m: Moments, x: number): Moments {
  if (m.n <= 1) return EMPTY_MOMENTS;
  const n = m.n - 1;
  const s = m.s - x;
  const t = n * x - s;
  return { n, s, m2: m.m2 - (t * t) / (n * m.n) };
}

/** STDDEV_SAMP and STDDEV_SAMPLE differ only in how the moments become the result. */
function sampleSpread(name: string, description: string, fromVariance: (variance: number) => number): AggregateFunction {
  return {
    name,
    structuredState: true,
    description,
    signatures: [`${name}(INT | BIGINT | DOUBLE | DECIMAL) → DOUBLE`],
    resolve(argTypes) {
      const t = argTypes[0];
      const ops = t && argTypes.length === 1 ? numericOps(t) : undefined;
      if (!t || !ops) return `Function '${name}' does not accept parameters (${argList(argTypes)}).`;
      return {
        params: [t],
        returnType: DOUBLE,
        init: (): Moments => EMPTY_MOMENTS,
        add: (acc, [v]) => (isNull(v) ? acc : addMoment(acc as Moments, ops.toDouble(v))),
        undo: (acc, [v]) => (isNull(v) ? acc : removeMoment(acc as Moments, ops.toDouble(v))),
        // 0 below two values, as in ksqlDB.
        result: (acc) => ((acc as Moments).n < 2 ? 0 : fromVariance((acc as Moments).m2 / ((acc as Moments).n - 1))),
      };
    },
  };
}

/** ksqlDB's STDDEV_SAMP returns the sample variance (no square root); STDDEV_SAMPLE its root. */
export const STDDEV_SAMP = sampleSpread('STDDEV_SAMP', "The sample variance of the non-NULL values (ksqlDB's STDDEV_SAMP; 0 with fewer than two).", (v) => v);
export const STDDEV_SAMPLE = sampleSpread('STDDEV_SAMPLE', 'The sample standard deviation of the non-NULL values (0 with fewer than two).', Math.sqrt);

interface CoMoments {
  n: number;
  sx: number;
  sy: number;
  sxx: number;
  syy: number;
  sxy: number;
}

export const CORRELATION: AggregateFunction = {
  name: 'CORRELATION',
  structuredState: true,
  description: "Pearson's correlation coefficient of the pairs where both values are non-NULL.",
  signatures: ['CORRELATION(DOUBLE, DOUBLE) → DOUBLE'],
  resolve(argTypes) {
    const [x, y] = argTypes;
    const ox = x ? numericOps(x) : undefined;
    const oy = y ? numericOps(y) : undefined;
    if (argTypes.length !== 2 || !x || !y || !ox || !oy) return `Function 'CORRELATION' does not accept parameters (${argList(argTypes)}).`;
    return {
      params: [x, y],
      returnType: DOUBLE,
      init: (): CoMoments => ({ n: 0, sx: 0, sy: 0, sxx: 0, syy: 0, sxy: 0 }),
      add(acc, [a, b]) {
        if (isNull(a) || isNull(b)) return acc;
        const m = acc as CoMoments;
        const u = ox.toDouble(a);
        const v = oy.toDouble(b);
        return { n: m.n + 1, sx: m.sx + u, sy: m.sy + v, sxx: m.sxx + u * u, syy: m.syy + v * v, sxy: m.sxy + u * v };
      },
      undo(acc, [a, b]) {
        if (isNull(a) || isNull(b)) return acc;
        const m = acc as CoMoments;
        const u = ox.toDouble(a);
        const v = oy.toDouble(b);
        return { n: m.n - 1, sx: m.sx - u, sy: m.sy - v, sxx: m.sxx - u * u, syy: m.syy - v * v, sxy: m.sxy - u * v };
      },
      // (n·Σxy − Σx·Σy) / √((n·Σx² − (Σx)²)·(n·Σy² − (Σy)²)): ksqlDB's arithmetic, so the last
      // digit agrees; NaN for fewer than two distinct points, and for none (0 / 0, as ksqlDB).
      result(acc) {
        const m = acc as CoMoments;
        const cov = m.n * m.sxy - m.sx * m.sy;
        return cov / Math.sqrt((m.n * m.sxx - m.sx * m.sx) * (m.n * m.syy - m.sy * m.sy));
      },
    };
  },
};
