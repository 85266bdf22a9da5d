import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/types/decimal.js';
import { BIGINT, decimal, DOUBLE, INTEGER, typeToString } from '../../src/types/sql-type.js';
import { callFn } from './call.js';

const d = (text: string, p: number, s: number): [ReturnType<typeof decimal>, Decimal] => [decimal(p, s), Decimal.parse(text)!];
const str = (v: unknown): string => (v as Decimal).toString();

describe('ABS', () => {
  it('keeps the argument type', () => {
    expect(callFn('ABS', [[INTEGER, -3]])).toEqual({ value: 3, type: INTEGER });
    expect(callFn('ABS', [[INTEGER, -2147483648]]).value).toBe(-2147483648); // Java Math.abs(MIN_VALUE)
    expect(callFn('ABS', [[BIGINT, -3n]]).value).toBe(3n);
    expect(callFn('ABS', [[DOUBLE, -1.5]]).value).toBe(1.5);
    const r = callFn('ABS', [d('-1.25', 3, 2)]);
    expect(str(r.value)).toBe('1.25');
    expect(typeToString(r.type)).toBe('DECIMAL(3, 2)');
  });
});

describe('ROUND', () => {
  it('returns BIGINT for integers and doubles, rounding halves towards +∞', () => {
    expect(callFn('ROUND', [[INTEGER, 5]])).toEqual({ value: 5n, type: BIGINT });
    expect(callFn('ROUND', [[DOUBLE, 1.5]]).value).toBe(2n);
    expect(callFn('ROUND', [[DOUBLE, -1.5]]).value).toBe(-1n);
    expect(callFn('ROUND', [[DOUBLE, -1.9]]).value).toBe(-2n);
    expect(callFn('ROUND', [[DOUBLE, 1.1]]).type).toEqual(BIGINT);
  });

  it('rounds doubles to n places (negative n: left of the point)', () => {
    expect(callFn('ROUND', [[DOUBLE, 1.2345], [INTEGER, 2]])).toEqual({ value: 1.23, type: DOUBLE });
    expect(callFn('ROUND', [[DOUBLE, 1.235], [INTEGER, 2]]).value).toBe(1.24);
    expect(callFn('ROUND', [[DOUBLE, -1.235], [INTEGER, 2]]).value).toBe(-1.23);
    expect(callFn('ROUND', [[DOUBLE, 1234.5], [INTEGER, -2]]).value).toBe(1200);
  });

  it('types decimals as ksqlDB: ROUND(d) is DECIMAL(p - s, 0), ROUND(d, n) keeps the type', () => {
    const r = callFn('ROUND', [d('12.55', 4, 2)]);
    expect(typeToString(r.type)).toBe('DECIMAL(2, 0)');
    expect(str(r.value)).toBe('13');
    expect(str(callFn('ROUND', [d('-12.50', 4, 2)]).value)).toBe('-12');
    const r2 = callFn('ROUND', [d('12.55', 4, 2), [INTEGER, 1]]);
    expect(typeToString(r2.type)).toBe('DECIMAL(4, 2)');
    expect(str(r2.value)).toBe('12.60');
    expect(str(callFn('ROUND', [d('-12.55', 4, 2), [INTEGER, 1]]).value)).toBe('-12.50');
  });

  it('returns null for a null argument', () => {
    expect(callFn('ROUND', [[DOUBLE, null]]).value).toBeNull();
    expect(callFn('ROUND', [[DOUBLE, 1.5], [INTEGER, null]]).value).toBeNull();
  });
});

describe('FLOOR / CEIL', () => {
  it('round towards -∞ / +∞ keeping the type', () => {
    expect(callFn('FLOOR', [[DOUBLE, -1.5]]).value).toBe(-2);
    expect(callFn('CEIL', [[DOUBLE, -1.5]]).value).toBe(-1);
    expect(callFn('FLOOR', [[INTEGER, 7]])).toEqual({ value: 7, type: INTEGER });
    expect(callFn('CEIL', [[BIGINT, 7n]])).toEqual({ value: 7n, type: BIGINT });
    expect(str(callFn('FLOOR', [d('-1.25', 3, 2)]).value)).toBe('-2.00');
    expect(str(callFn('CEIL', [d('1.25', 3, 2)]).value)).toBe('2.00');
  });
});

describe('TRUNC', () => {
  it('truncates towards zero, DECIMAL keeping its scale', () => {
    expect(callFn('TRUNC', [[DOUBLE, -1.7]])).toEqual({ value: -1n, type: BIGINT });
    expect(callFn('TRUNC', [[DOUBLE, 1.789], [INTEGER, 2]]).value).toBe(1.78);
    expect(callFn('TRUNC', [[DOUBLE, 1789], [INTEGER, -2]]).value).toBe(1700);
    const r = callFn('TRUNC', [d('-12.78', 4, 2)]);
    expect([str(r.value), typeToString(r.type)]).toEqual(['-12', 'DECIMAL(2, 0)']);
    expect(str(callFn('TRUNC', [d('12.78', 4, 2), [INTEGER, 1]]).value)).toBe('12.70');
  });
});
