import { describe, expect, it } from 'vitest';
import type { AggregateOverload } from '../../../src/functions/aggregate/aggregate-function.js';
import { getAggregateFunction } from '../../../src/functions/aggregate/registry.js';
import { Decimal } from '../../../src/types/decimal.js';
import { array, BIGINT, BOOLEAN, BYTES, DATE, decimal, DOUBLE, INTEGER, STRING, TIME, TIMESTAMP, typeToString, type SqlType } from '../../../src/types/sql-type.js';

function overload(name: string, types: (SqlType | null)[], constants: unknown[] = []): AggregateOverload {
  const o = getAggregateFunction(name)!.resolve(types, constants);
  if (typeof o === 'string') throw new Error(o);
  return o;
}

/** Folds rows of argument values through an overload and returns the result. */
function fold(o: AggregateOverload, rows: unknown[][]): unknown {
  let acc = o.init();
  for (const r of rows) acc = o.add(acc, r);
  return o.result(acc);
}

describe('aggregate functions', () => {
  it('COUNT(*) counts rows, COUNT(x) non-null values, as BIGINT', () => {
    expect(fold(overload('COUNT', []), [[], [], []])).toBe(3n);
    expect(fold(overload('COUNT', [STRING]), [['a'], [null], ['b']])).toBe(2n);
  });
  it('SUM keeps the argument type, skips NULLs and wraps INT like Java', () => {
    expect(fold(overload('SUM', [INTEGER]), [[1], [null], [2]])).toBe(3);
    expect(fold(overload('SUM', [INTEGER]), [[2147483647], [1]])).toBe(-2147483648);
    expect(fold(overload('SUM', [BIGINT]), [[1n], [2n]])).toBe(3n);
    const d = fold(overload('SUM', [decimal(4, 2)]), [[Decimal.parse('1.50')], [Decimal.parse('2.25')]]) as Decimal;
    expect(d.toString()).toBe('3.75');
    expect(fold(overload('SUM', [DOUBLE]), [])).toBe(0);
  });
  it('AVG is a DOUBLE and 0.0 without values (ksqlDB maps a count of 0 to 0.0); undo removes a value', () => {
    const o = overload('AVG', [INTEGER]);
    expect(fold(o, [[1], [2], [null]])).toBe(1.5);
    expect(fold(o, [])).toBe(0);
    expect(fold(o, [[null], [null]])).toBe(0);
    expect(o.result(o.undo!(o.add(o.init(), [4]), [4]))).toBe(0);
    expect(o.result(o.undo!(o.add(o.add(o.init(), [4]), [2]), [4]))).toBe(2);
  });
  it('MIN and MAX ignore NULLs', () => {
    expect(fold(overload('MIN', [INTEGER]), [[3], [null], [1], [2]])).toBe(1);
    expect(fold(overload('MAX', [STRING]), [['a'], ['c'], ['b']])).toBe('c');
    expect(fold(overload('MAX', [INTEGER]), [[null]])).toBeNull();
  });
  it('COLLECT_LIST keeps NULLs and order; COLLECT_SET keeps distinct values', () => {
    expect(fold(overload('COLLECT_LIST', [INTEGER]), [[1], [null], [1]])).toEqual([1, null, 1]);
    expect(fold(overload('COLLECT_SET', [INTEGER]), [[1], [2], [1]])).toEqual([1, 2]);
  });
  it('EARLIEST/LATEST_BY_OFFSET, with a count and with ignoreNulls false', () => {
    expect(fold(overload('EARLIEST_BY_OFFSET', [INTEGER]), [[null], [1], [2]])).toBe(1);
    expect(fold(overload('LATEST_BY_OFFSET', [INTEGER]), [[1], [2], [null]])).toBe(2);
    expect(fold(overload('LATEST_BY_OFFSET', [INTEGER], [false]), [[1], [null]])).toBeNull();
    expect(fold(overload('LATEST_BY_OFFSET', [INTEGER], [2]), [[1], [2], [3]])).toEqual([2, 3]);
  });
  it('*_BY_OFFSET merge (session windows) by arrival order, not by which session comes first', () => {
    const add = (o: AggregateOverload, ...vs: unknown[]): unknown => vs.reduce((acc, v) => o.add(acc, [v]), o.init());
    const earliest = overload('EARLIEST_BY_OFFSET', [INTEGER], [false]);
    const first = add(earliest, null);
    const second = add(earliest, 1);
    expect(earliest.result(earliest.merge!(second, first))).toBeNull();
    const latest2 = overload('LATEST_BY_OFFSET', [INTEGER], [2, true]);
    const a = add(latest2, 1);
    const b = add(latest2, null);
    const c = add(latest2, 2);
    expect(latest2.result(latest2.merge!(latest2.merge!(latest2.init(), b), latest2.merge!(c, a)))).toEqual([1, 2]);
  });
  it('TOPK and TOPKDISTINCT, largest first', () => {
    expect(fold(overload('TOPK', [INTEGER], [2]), [[1], [5], [3], [5]])).toEqual([5, 5]);
    expect(fold(overload('TOPKDISTINCT', [INTEGER], [2]), [[1], [5], [3], [5]])).toEqual([5, 3]);
  });
  it('TOPK with other columns: structs of the value and its row, earlier rows first among equals', () => {
    const o = overload('TOPK', [INTEGER, STRING], [3]);
    expect(typeToString(o.returnType)).toBe('ARRAY<STRUCT<`sort_col` INTEGER, `col0` STRING>>');
    const rows = [[0, 'zero'], [100, 'one'], [99, 'two'], [null, 'three'], [100, null]];
    expect(fold(o, rows)).toEqual([{ sort_col: 100, col0: 'one' }, { sort_col: 100, col0: null }, { sort_col: 99, col0: 'two' }]);
    expect(getAggregateFunction('TOPKDISTINCT')!.resolve([INTEGER, STRING], [3])).toMatch(/does not accept/);
  });
  it('HISTOGRAM, COUNT_DISTINCT, STDDEV_SAMP, CORRELATION', () => {
    expect(fold(overload('HISTOGRAM', [STRING]), [['a'], ['b'], ['a']])).toEqual(new Map([['a', 2n], ['b', 1n]]));
    expect(fold(overload('COUNT_DISTINCT', [STRING]), [['a'], ['b'], ['a'], [null]])).toBe(2n);
    // ksqlDB's STDDEV_SAMP is the sample variance; STDDEV_SAMPLE its square root.
    expect(fold(overload('STDDEV_SAMP', [DOUBLE]), [[2], [4], [4], [4], [5], [5], [7], [9]])).toBeCloseTo(4.571, 3);
    expect(fold(overload('STDDEV_SAMPLE', [DOUBLE]), [[2], [4], [4], [4], [5], [5], [7], [9]])).toBeCloseTo(2.138, 3);
    expect(fold(overload('STDDEV_SAMP', [INTEGER]), [[10], [12], [13]])).toBe(2.333333333333333);
    expect(fold(overload('STDDEV_SAMP', [DOUBLE]), [[1]])).toBe(0);
    expect(fold(overload('CORRELATION', [DOUBLE, DOUBLE]), [[1, 2], [2, 4], [3, 6]])).toBeCloseTo(1, 10);
    // No complete pair yet: 0 / 0, NaN, as ksqlDB's CorrelationUdaf.
    expect(fold(overload('CORRELATION', [DOUBLE, DOUBLE]), [[null, 1], [2, null]])).toBeNaN();
  });
  it('undo takes a value out again (what aggregations over tables need)', () => {
    const undoAll = (o: AggregateOverload, rows: unknown[][], removed: unknown[][]): unknown => {
      let acc = o.init();
      for (const r of rows) acc = o.add(acc, r);
      for (const r of removed) acc = o.undo!(acc, r);
      return o.result(acc);
    };
    expect(undoAll(overload('STDDEV_SAMP', [DOUBLE]), [[10], [99], [12], [13]], [[99]])).toBeCloseTo(2.3333333, 6);
    expect(undoAll(overload('STDDEV_SAMP', [DOUBLE]), [[10]], [[10]])).toBe(0);
    // Of equal values, ksqlDB's COLLECT_LIST takes the last one out.
    expect(undoAll(overload('COLLECT_LIST', [INTEGER]), [[1], [2], [1]], [[1]])).toEqual([1, 2]);
    expect(undoAll(overload('CORRELATION', [DOUBLE, DOUBLE]), [[1, 2], [5, -7], [2, 4], [3, 6]], [[5, -7]])).toBeCloseTo(1, 10);
    // Two points on a horizontal line have no correlation: NaN, as ksqlDB gives.
    expect(undoAll(overload('CORRELATION', [DOUBLE, DOUBLE]), [[1, 2], [3, 2]], [])).toBeNaN();
  });
  it('COLLECT_LIST and COLLECT_SET keep at most the configured number of values (negative: no limit)', () => {
    const list = (limit: number): AggregateOverload => {
      const o = getAggregateFunction('COLLECT_LIST')!.resolve([INTEGER], [], { collectListLimit: limit });
      if (typeof o === 'string') throw new Error(o);
      return o;
    };
    expect(fold(list(1), [[1], [2]])).toEqual([1]);
    expect(fold(list(-1), [[1], [2], [3]])).toEqual([1, 2, 3]);
    expect(list(2).merge!([1], [2, 3])).toEqual([1, 2]);
    const set = getAggregateFunction('COLLECT_SET')!.resolve([INTEGER], [], { collectSetLimit: 2 });
    if (typeof set === 'string') throw new Error(set);
    expect(fold(set, [[1], [1], [2], [3]])).toEqual([1, 2]);
  });
  it('rejects argument types they do not take', () => {
    expect(getAggregateFunction('SUM')!.resolve([STRING], [])).toMatch(/SUM/);
    expect(getAggregateFunction('TOPK')!.resolve([INTEGER], [0])).toMatch(/positive/);
  });
  it('take the types ksqlDB has overloads for: MIN, MAX and TOPKDISTINCT no BOOLEAN, TOPK four sort types', () => {
    const accepts = (name: string, t: SqlType): boolean => typeof getAggregateFunction(name)!.resolve([t], name.startsWith('TOPK') ? [2] : []) !== 'string';
    for (const t of [INTEGER, BIGINT, DOUBLE, STRING]) expect(accepts('TOPK', t)).toBe(true);
    for (const t of [decimal(4, 2), BYTES, DATE, TIME, TIMESTAMP]) {
      expect([accepts('MIN', t), accepts('MAX', t), accepts('TOPKDISTINCT', t), accepts('TOPK', t)]).toEqual([true, true, true, false]);
    }
    expect(getAggregateFunction('MAX')!.resolve([BOOLEAN], [])).toBe("Function 'MAX' does not accept parameters (BOOLEAN).");
    for (const name of ['MIN', 'TOPK', 'TOPKDISTINCT']) expect(accepts(name, BOOLEAN)).toBe(false);
    expect(fold(overload('MIN', [DATE]), [[3], [null], [1]])).toBe(1);
  });
});

describe('ATTR', () => {
  it('is the shared value, NULL when rows differ (NULL counts as a value), and single-valued again after undo', () => {
    const o = overload('ATTR', [STRING]);
    expect(fold(o, [['a'], ['a']])).toBe('a');
    expect(fold(o, [['a'], ['b']])).toBeNull();
    expect(fold(o, [['a'], [null]])).toBeNull();
    expect(fold(o, [[null], [null]])).toBeNull();
    let acc = o.add(o.add(o.init(), ['a']), ['b']);
    acc = o.undo!(acc, ['b']);
    expect(o.result(acc)).toBe('a');
  });
});

describe('SUM_LIST', () => {
  it('sums every element of every array in the element type, skipping NULL elements and arrays', () => {
    expect(fold(overload('SUM_LIST', [array(INTEGER)]), [[[1, 1]], [[2, null]], [null]])).toBe(4);
    expect(fold(overload('SUM_LIST', [array(BIGINT)]), [[[1n, 2n]], [[3n]]])).toBe(6n);
    expect(fold(overload('SUM_LIST', [array(DOUBLE)]), [[[1.5]], [[2.0, 0.5]]])).toBe(4);
    expect(getAggregateFunction('SUM_LIST')!.resolve([array(STRING)], [])).toMatch(/does not accept/);
  });
});
