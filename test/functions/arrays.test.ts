import { describe, expect, it } from 'vitest';
import { resolveFunction } from '../../src/functions/registry.js';
import { array, BIGINT, DOUBLE, INTEGER, map, STRING, type SqlType } from '../../src/types/sql-type.js';
import { callFn } from './call.js';

const ints = (...xs: (number | null)[]): [SqlType, (number | null)[]] => [array(INTEGER), xs];
const strs = (...xs: (string | null)[]): [SqlType, (string | null)[]] => [array(STRING), xs];
const i = (v: number | null): [SqlType, number | null] => [INTEGER, v];
const s = (v: string | null): [SqlType, string | null] => [STRING, v];

describe('ARRAY_CONTAINS / ARRAY_LENGTH / ARRAY_REMOVE', () => {
  it('finds values, NULL included, and is FALSE for a NULL array', () => {
    expect(callFn('ARRAY_CONTAINS', [ints(1, 2), i(2)]).value).toBe(true);
    expect(callFn('ARRAY_CONTAINS', [ints(1, null), i(null)]).value).toBe(true);
    expect(callFn('ARRAY_CONTAINS', [ints(1), i(3)]).value).toBe(false);
    expect(callFn('ARRAY_CONTAINS', [[array(INTEGER), null], i(3)]).value).toBe(false);
    const widened = resolveFunction('ARRAY_CONTAINS', [array(INTEGER), DOUBLE]);
    expect(widened.ok && widened.overload.params).toEqual([array(DOUBLE), DOUBLE]);
  });

  it('counts and removes', () => {
    expect(callFn('ARRAY_LENGTH', [ints(1, null, 3)]).value).toBe(3);
    expect(callFn('ARRAY_REMOVE', [ints(1, 2, 1, null), i(1)]).value).toEqual([2, null]);
    expect(callFn('ARRAY_REMOVE', [ints(1, null), i(null)]).value).toEqual([1]);
  });
});

describe('set operations keep first-seen order', () => {
  it('distinct, except, intersect, union', () => {
    expect(callFn('ARRAY_DISTINCT', [strs('b', 'a', 'b', null, null)]).value).toEqual(['b', 'a', null]);
    expect(callFn('ARRAY_EXCEPT', [ints(1, 2, 2, 3), ints(3)]).value).toEqual([1, 2]);
    expect(callFn('ARRAY_INTERSECT', [ints(3, 1, 2, 1), ints(1, 3)]).value).toEqual([3, 1]);
    expect(callFn('ARRAY_UNION', [ints(1, 2), ints(2, 3)]).value).toEqual([1, 2, 3]);
    expect(callFn('ARRAY_UNION', [ints(1), [array(INTEGER), null]]).value).toBeNull();
    expect(callFn('ARRAY_DISTINCT', [[array(array(INTEGER)), [[1], [1], [2]]]]).value).toEqual([[1], [2]]);
  });

  it('ARRAY_CONCAT treats one NULL array as empty', () => {
    expect(callFn('ARRAY_CONCAT', [ints(1), ints(1, 2)]).value).toEqual([1, 1, 2]);
    expect(callFn('ARRAY_CONCAT', [[array(INTEGER), null], ints(2)]).value).toEqual([2]);
    expect(callFn('ARRAY_CONCAT', [[array(INTEGER), null], [array(INTEGER), null]]).value).toBeNull();
    const widened = resolveFunction('ARRAY_CONCAT', [array(INTEGER), array(BIGINT)]);
    expect(widened.ok && widened.overload.returnType).toEqual(array(BIGINT));
  });
});

describe('ARRAY_JOIN / ARRAY_MAX / ARRAY_MIN / ARRAY_SORT', () => {
  it('joins primitives as Java prints them', () => {
    expect(callFn('ARRAY_JOIN', [ints(1, null, 3)]).value).toBe('1,null,3');
    expect(callFn('ARRAY_JOIN', [[array(DOUBLE), [1, 2.5]], s('|')]).value).toBe('1.0|2.5');
    expect(callFn('ARRAY_JOIN', [ints(1, 2), s(null)]).value).toBe('12');
    expect(() => callFn('ARRAY_JOIN', [[array(map(STRING, INTEGER)), [new Map()]]])).toThrow();
  });

  it('finds extremes ignoring NULLs', () => {
    expect(callFn('ARRAY_MAX', [ints(1, null, 3)])).toEqual({ value: 3, type: INTEGER });
    expect(callFn('ARRAY_MIN', [strs('b', 'a')]).value).toBe('a');
    expect(callFn('ARRAY_MAX', [ints(null)]).value).toBeNull();
  });

  it('sorts with NULLs last in both directions', () => {
    expect(callFn('ARRAY_SORT', [ints(3, null, 1)]).value).toEqual([1, 3, null]);
    expect(callFn('ARRAY_SORT', [ints(3, null, 1), s('desc')]).value).toEqual([3, 1, null]);
    expect(callFn('ARRAY_SORT', [ints(3, 1), s('sideways')]).value).toBeNull();
    expect(resolveFunction('ARRAY_SORT', [array(map(STRING, INTEGER))]).ok).toBe(false);
  });
});

describe('SLICE / GENERATE_SERIES', () => {
  it('slices inclusively, NULL bounds meaning the ends, NULL when out of range', () => {
    expect(callFn('SLICE', [ints(1, 2, 3, 4), i(2), i(3)]).value).toEqual([2, 3]);
    expect(callFn('SLICE', [ints(1, 2, 3), i(null), i(2)]).value).toEqual([1, 2]);
    expect(callFn('SLICE', [ints(1, 2, 3), i(2), i(null)]).value).toEqual([2, 3]);
    expect(callFn('SLICE', [ints(1, 2, 3), i(0), i(2)]).value).toBeNull();
    expect(callFn('SLICE', [ints(1, 2, 3), i(2), i(5)]).value).toBeNull();
  });

  it('generates inclusive series with a step', () => {
    expect(callFn('GENERATE_SERIES', [i(1), i(4)]).value).toEqual([1, 2, 3, 4]);
    expect(callFn('GENERATE_SERIES', [i(4), i(1)]).value).toEqual([4, 3, 2, 1]);
    expect(callFn('GENERATE_SERIES', [i(0), i(9), i(4)]).value).toEqual([0, 4, 8]);
    expect(callFn('GENERATE_SERIES', [[BIGINT, 1n], [BIGINT, 3n]]).value).toEqual([1n, 2n, 3n]);
    expect(() => callFn('GENERATE_SERIES', [i(1), i(4), i(0)])).toThrow(/cannot be zero/);
    expect(() => callFn('GENERATE_SERIES', [i(1), i(4), i(-1)])).toThrow(/wrong sign/);
  });
});
