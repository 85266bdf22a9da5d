import { describe, expect, it } from 'vitest';
import { canCoerce, coerceValue, commonType } from '../../src/types/coercion.js';
import { Decimal } from '../../src/types/decimal.js';
import { ExpressionEvalError } from '../../src/types/eval-error.js';
import { UNTYPED_NULL } from '../../src/types/null-type.js';
import {
  array,
  BIGINT,
  BOOLEAN,
  DATE,
  decimal,
  DOUBLE,
  INTEGER,
  map,
  STRING,
  struct,
  TIME,
  TIMESTAMP,
  typeToString,
} from '../../src/types/sql-type.js';

describe('canCoerce (INSERT VALUES, implicit widening)', () => {
  it.each([
    [INTEGER, BIGINT, true],
    [INTEGER, DOUBLE, true],
    [INTEGER, decimal(4, 2), true],
    [BIGINT, DOUBLE, true],
    [decimal(2, 1), decimal(4, 2), true],
    [decimal(2, 1), DOUBLE, true],
    [STRING, TIMESTAMP, true],
    [STRING, DATE, true],
    [STRING, TIME, true],
    [UNTYPED_NULL, array(INTEGER), true],
    [array(INTEGER), array(BIGINT), true],
    [BIGINT, INTEGER, false],
    [DOUBLE, INTEGER, false],
    [DOUBLE, decimal(4, 2), false],
    [INTEGER, STRING, false],
    [STRING, INTEGER, false],
    [BOOLEAN, STRING, false],
    [TIMESTAMP, STRING, false],
  ] as const)('%o → %o is %s', (from, to, ok) => {
    expect(canCoerce(from, to)).toBe(ok);
  });

  it('lets a struct omit target fields but not add unknown ones', () => {
    const target = struct([
      { name: 'A', type: BIGINT },
      { name: 'B', type: STRING },
    ]);
    expect(canCoerce(struct([{ name: 'A', type: INTEGER }]), target)).toBe(true);
    expect(canCoerce(struct([{ name: 'C', type: INTEGER }]), target)).toBe(false);
    expect(coerceValue({ A: 1 }, struct([{ name: 'A', type: INTEGER }]), target)).toEqual({ A: 1n, B: null });
  });
});

describe('coerceValue', () => {
  it('widens numbers', () => {
    expect(coerceValue(5, INTEGER, BIGINT)).toBe(5n);
    expect(coerceValue(5n, BIGINT, DOUBLE)).toBe(5);
    expect((coerceValue(5, INTEGER, decimal(4, 2)) as Decimal).toString()).toBe('5.00');
    expect(coerceValue(null, INTEGER, BIGINT)).toBeNull();
    expect(coerceValue(null, UNTYPED_NULL, INTEGER)).toBeNull();
  });

  it('rejects a decimal that does not fit the column', () => {
    expect(() => coerceValue(Decimal.parse('123.4'), decimal(3, 1), decimal(3, 2))).toThrow(ExpressionEvalError);
  });

  it('parses ISO text into temporal columns', () => {
    expect(coerceValue('2020-01-01T00:00:00.000', STRING, TIMESTAMP)).toBe(Date.UTC(2020, 0, 1));
    expect(coerceValue('2020-01-01T01:02:03', STRING, TIMESTAMP)).toBe(Date.UTC(2020, 0, 1, 1, 2, 3));
    expect(coerceValue('2020-01-01', STRING, TIMESTAMP)).toBe(Date.UTC(2020, 0, 1));
    expect(coerceValue('2020-01-01', STRING, DATE)).toBe(18262);
    expect(coerceValue('12:00:00', STRING, TIME)).toBe(12 * 3_600_000);
    expect(() => coerceValue('yesterday', STRING, TIMESTAMP)).toThrow(ExpressionEvalError);
  });
});

describe('commonType', () => {
  it('widens along INTEGER → BIGINT → DECIMAL → DOUBLE', () => {
    expect(commonType(INTEGER, BIGINT)).toEqual(BIGINT);
    expect(typeToString(commonType(INTEGER, decimal(4, 2))!)).toBe('DECIMAL(12, 2)');
    expect(typeToString(commonType(decimal(4, 2), decimal(5, 3))!)).toBe('DECIMAL(5, 3)');
    expect(commonType(decimal(4, 2), DOUBLE)).toEqual(DOUBLE);
    expect(commonType(array(INTEGER), array(BIGINT))).toEqual(array(BIGINT));
    expect(commonType(map(STRING, INTEGER), map(STRING, DOUBLE))).toEqual(map(STRING, DOUBLE));
    expect(commonType(STRING, INTEGER)).toBeUndefined();
    expect(commonType(UNTYPED_NULL, STRING)).toEqual(STRING);
  });
});
