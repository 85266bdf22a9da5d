import { describe, expect, it } from 'vitest';
import { canCast, castValue, parseBooleanText } from '../../src/types/cast.js';
import { Decimal } from '../../src/types/decimal.js';
import { ExpressionEvalError } from '../../src/types/eval-error.js';
import { javaDoubleToString } from '../../src/types/java-text.js';
import { array, BIGINT, BOOLEAN, DATE, decimal, DOUBLE, INTEGER, map, STRING, struct, TIME, TIMESTAMP } from '../../src/types/sql-type.js';

const d = (s: string): Decimal => Decimal.parse(s)!;
const text = (v: unknown): string => (v as Decimal).toString();

describe('canCast', () => {
  it('allows what ksqlDB allows', () => {
    expect(canCast(INTEGER, decimal(2, 1))).toBe(true);
    expect(canCast(STRING, TIMESTAMP)).toBe(true);
    expect(canCast(array(BIGINT), array(STRING))).toBe(true);
    expect(canCast(array(INTEGER), STRING)).toBe(true);
    expect(canCast(STRING, array(INTEGER))).toBe(false);
    expect(canCast(STRING, map(STRING, INTEGER))).toBe(false);
    expect(canCast(BOOLEAN, INTEGER)).toBe(false);
    expect(canCast(TIMESTAMP, DATE)).toBe(true);
  });
});

describe('castValue', () => {
  it('maps null to null', () => {
    expect(castValue(null, STRING, INTEGER)).toBeNull();
  });

  it('narrows numbers like Java', () => {
    expect(castValue(1.2, DOUBLE, INTEGER)).toBe(1);
    expect(castValue(-1.9, DOUBLE, INTEGER)).toBe(-1);
    expect(castValue(1e20, DOUBLE, INTEGER)).toBe(2147483647);
    expect(castValue(NaN, DOUBLE, INTEGER)).toBe(0);
    expect(castValue(2147483648n, BIGINT, INTEGER)).toBe(-2147483648);
    expect(castValue(-1, INTEGER, BIGINT)).toBe(-1n);
    expect(castValue(d('10.01'), decimal(4, 2), INTEGER)).toBe(10);
    expect(castValue(d('-10.99'), decimal(4, 2), BIGINT)).toBe(-10n);
    expect(castValue(d('10.01'), decimal(4, 2), DOUBLE)).toBe(10.01);
  });

  it('casts into DECIMAL with HALF_UP and fails on overflow', () => {
    expect(text(castValue(1, INTEGER, decimal(2, 1)))).toBe('1.0');
    expect(text(castValue(-1, INTEGER, decimal(2, 1)))).toBe('-1.0');
    expect(() => castValue(10, INTEGER, decimal(2, 1))).toThrow(ExpressionEvalError);
    expect(text(castValue(0.99, DOUBLE, decimal(2, 1)))).toBe('1.0');
    expect(text(castValue(0.01, DOUBLE, decimal(2, 1)))).toBe('0.0');
    expect(text(castValue('0.99', STRING, decimal(2, 1)))).toBe('1.0');
    expect(text(castValue(d('10.12'), decimal(4, 2), decimal(5, 3)))).toBe('10.120');
    expect(() => castValue('x', STRING, decimal(2, 1))).toThrow(ExpressionEvalError);
  });

  it('renders values as Java text when cast to STRING', () => {
    expect(castValue(-1, INTEGER, STRING)).toBe('-1');
    expect(castValue(10.3, DOUBLE, STRING)).toBe('10.3');
    expect(castValue(10, DOUBLE, STRING)).toBe('10.0');
    expect(castValue(d('0.00'), decimal(4, 2), STRING)).toBe('0.00');
    expect(castValue([1, 3], array(INTEGER), STRING)).toBe('[1, 3]');
    expect(castValue(new Map([['this', 1]]), map(STRING, INTEGER), STRING)).toBe('{this=1}');
    const s = struct([
      { name: 'F0', type: INTEGER },
      { name: 'f1', type: INTEGER },
    ]);
    expect(castValue({ F0: 1, f1: 3 }, s, STRING)).toBe('Struct{F0=1,f1=3}');
    expect(castValue(1651182287943, TIMESTAMP, STRING)).toBe('2022-04-28T21:44:47.943');
  });

  it('parses text into numbers, booleans and times', () => {
    expect(castValue(' 42 ', STRING, INTEGER)).toBe(42);
    expect(() => castValue('10 - not a number', STRING, INTEGER)).toThrow(ExpressionEvalError);
    expect(() => castValue('2147483648', STRING, INTEGER)).toThrow(ExpressionEvalError);
    expect(castValue('2147483648', STRING, BIGINT)).toBe(2147483648n);
    expect(castValue('1.5e3', STRING, DOUBLE)).toBe(1500);
    expect(castValue('2022-04-28T21:44:47.943', STRING, TIMESTAMP)).toBe(1651182287943);
    expect(castValue('2022-04-28T21:44:47.943Z', STRING, TIMESTAMP)).toBe(1651182287943);
    expect(castValue('2022-04-28T23:44:47.943+02:00', STRING, TIMESTAMP)).toBe(1651182287943);
    expect(castValue('1970-01-02', STRING, DATE)).toBe(1);
    expect(castValue('00:00:01.5', STRING, TIME)).toBe(1500);
    expect(() => castValue('2022-13-01', STRING, DATE)).toThrow(ExpressionEvalError);
    expect(parseBooleanText('TrUe')).toBe(true);
    expect(parseBooleanText('Y')).toBe(true);
    expect(parseBooleanText('no')).toBe(false);
    expect(parseBooleanText('Not a boolean')).toBeUndefined();
  });

  it('casts collections element-wise and structs by field name', () => {
    expect(castValue([1n, 3n, 2147483648n], array(BIGINT), array(INTEGER))).toEqual([1, 3, -2147483648]);
    expect(castValue([[1n], [-3n]], array(array(BIGINT)), array(array(STRING)))).toEqual([['1'], ['-3']]);
    const m = castValue(new Map([['k1', new Map([['k2', '10']])]]), map(STRING, map(STRING, STRING)), map(STRING, map(STRING, INTEGER)));
    expect(m).toEqual(new Map([['k1', new Map([['k2', 10]])]]));
    const from = struct([
      { name: 'F0', type: INTEGER },
      { name: 'f1', type: INTEGER },
    ]);
    const to = struct([
      { name: 'F0', type: STRING },
      { name: 'F3', type: STRING },
    ]);
    expect(castValue({ F0: 1, f1: 3 }, from, to)).toEqual({ F0: '1', F3: null });
    expect(castValue(1, TIMESTAMP, DATE)).toBe(0);
    expect(castValue(2, DATE, TIMESTAMP)).toBe(2 * 86_400_000);
  });

  it('formats doubles like Java Double.toString', () => {
    expect(javaDoubleToString(1e7)).toBe('1.0E7');
    expect(javaDoubleToString(1.5e-5)).toBe('1.5E-5');
    expect(javaDoubleToString(4.9e-324)).toBe('4.9E-324');
    expect(javaDoubleToString(0.001)).toBe('0.001');
    expect(javaDoubleToString(-0)).toBe('-0.0');
    expect(javaDoubleToString(NaN)).toBe('NaN');
  });
});
