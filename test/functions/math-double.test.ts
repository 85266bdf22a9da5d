import { describe, expect, it } from 'vitest';
import { BIGINT, DOUBLE, INTEGER, STRING } from '../../src/types/sql-type.js';
import { resolveFunction } from '../../src/functions/registry.js';
import { callFn } from './call.js';

const d = (v: number | null): [typeof DOUBLE, number | null] => [DOUBLE, v];
const i = (v: number): [typeof INTEGER, number] => [INTEGER, v];

describe('DOUBLE math', () => {
  it('computes with Java Math semantics; integers widen to DOUBLE', () => {
    expect(callFn('SQRT', [i(16)])).toEqual({ value: 4, type: DOUBLE });
    expect(callFn('SQRT', [d(-1)]).value).toBeNaN();
    expect(callFn('CBRT', [d(27)]).value).toBe(3);
    expect(callFn('EXP', [d(0)]).value).toBe(1);
    expect(callFn('LN', [d(0)]).value).toBe(-Infinity);
    expect(callFn('LOG', [i(100)]).value).toBeCloseTo(4.605170185988092);
    expect(callFn('LOG', [i(2), i(8)]).value).toBeCloseTo(3);
    expect(callFn('LOG', [i(1), i(8)]).value).toBeNaN();
    expect(callFn('LOG', [d(-2), d(8)]).value).toBeNaN();
    expect(callFn('POWER', [i(2), i(10)]).value).toBe(1024);
    expect(callFn('DEGREES', [d(Math.PI)]).value).toBe(180);
    expect(callFn('RADIANS', [d(180)]).value).toBe(Math.PI);
    expect(callFn('ATAN2', [d(1), d(1)]).value).toBeCloseTo(Math.PI / 4);
    expect(callFn('PI', []).value).toBe(Math.PI);
    expect(callFn('SQRT', [d(null)]).value).toBeNull();
  });

  it('SIGN returns an INTEGER for every numeric type', () => {
    expect(callFn('SIGN', [i(-5)])).toEqual({ value: -1, type: INTEGER });
    expect(callFn('SIGN', [[BIGINT, 7n]]).value).toBe(1);
    expect(callFn('SIGN', [d(0)]).value).toBe(0);
    expect(callFn('SIGN', [d(NaN)]).value).toBe(0);
  });

  it('RANDOM reads the injected random source', () => {
    expect(callFn('RANDOM', [], { now: () => 0, random: () => 0.25 }).value).toBe(0.25);
  });

  it('GEO_DISTANCE uses the Haversine formula in km or miles', () => {
    const pts = [d(37.4439), d(-122.1663), d(51.5257), d(-0.1122)] as const;
    expect(callFn('GEO_DISTANCE', [...pts]).value).toBeCloseTo(8634.66, 2);
    expect(callFn('GEO_DISTANCE', [...pts, [STRING, 'MI']]).value).toBeCloseTo(5365.66, 1);
    expect(() => callFn('GEO_DISTANCE', [d(91), d(0), d(0), d(0)])).toThrow(/latitude/);
    expect(() => callFn('GEO_DISTANCE', [...pts, [STRING, 'parsecs']])).toThrow(/units parameter/);
    // ksqlDB declares it lower-case and names it so when no overload fits.
    const r = resolveFunction('GEO_DISTANCE', [DOUBLE, DOUBLE, STRING, INTEGER]);
    expect(r.ok ? '' : r.message).toMatch(/^Function 'geo_distance' does not accept parameters \(DOUBLE, DOUBLE, STRING, INTEGER\)/);
  });
});
