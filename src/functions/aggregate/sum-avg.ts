/** SUM, AVG, STDDEV_SAMP and CORRELATION over numeric columns (NULL inputs are skipped). */
import { DOUBLE, typeToString } from '../../types/sql-type.js';
import { isNull, type AggregateFunction, type ArgType } from './aggregate-function.js';
import { numericOps } from './numeric-acc.js';

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
  description: 'The mean of the non-NULL values as a DOUBLE (NULL when there are none).',
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
      result: (acc) => ((acc as SumCount).n === 0 ? null : ops.toDouble((acc as SumCount).s) / (acc as SumCount).n),
    };
  },
};

/** Welford's running mean and sum of squared deviations. */
interface Moments {
  n: number;
  mean: number;
  m2: number;
}

export const STDDEV_SAMP: AggregateFunction = {
  name: 'STDDEV_SAMP',
  description: 'The sample standard deviation of the non-NULL values (NULL with fewer than two).',
  signatures: ['STDDEV_SAMP(INT | BIGINT | DOUBLE | DECIMAL) → DOUBLE'],
  resolve(argTypes) {
    const t = argTypes[0];
    const ops = t && argTypes.length === 1 ? numericOps(t) : undefined;
    if (!t || !ops) return `Function 'STDDEV_SAMP' does not accept parameters (${argList(argTypes)}).`;
    return {
      params: [t],
      returnType: DOUBLE,
      init: (): Moments => ({ n: 0, mean: 0, m2: 0 }),
      add(acc, [v]) {
        if (isNull(v)) return acc;
        const m = acc as Moments;
        const x = ops.toDouble(v);
        const n = m.n + 1;
        const delta = x - m.mean;
        const mean = m.mean + delta / n;
        return { n, mean, m2: m.m2 + delta * (x - mean) };
      },
      result: (acc) => ((acc as Moments).n < 2 ? null : Math.sqrt((acc as Moments).m2 / ((acc as Moments).n - 1))),
    };
  },
};

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
      result(acc) {
        const m = acc as CoMoments;
        if (m.n === 0) return null;
        const cov = m.sxy - (m.sx * m.sy) / m.n;
        const vx = m.sxx - (m.sx * m.sx) / m.n;
        const vy = m.syy - (m.sy * m.sy) / m.n;
        return cov / Math.sqrt(vx * vy);
      },
    };
  },
};
