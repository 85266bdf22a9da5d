import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/types/decimal.js';
import { toClientValue } from '../../src/types/render.js';
import { array, BIGINT, BYTES, DATE, decimal, DOUBLE, INTEGER, map, STRING, struct, TIME, TIMESTAMP } from '../../src/types/sql-type.js';

describe('toClientValue', () => {
  it('renders scalars in ksqlDB REST shapes', () => {
    expect(toClientValue(null, STRING)).toBeNull();
    expect(toClientValue(3, INTEGER)).toBe(3);
    expect(toClientValue(1.5, DOUBLE)).toBe(1.5);
    expect(toClientValue(42n, BIGINT)).toBe(42);
    expect(toClientValue(2n ** 60n, BIGINT)).toBe(2n ** 60n);
    expect(toClientValue(Decimal.parse('10.50'), decimal(4, 2))).toBe(10.5);
    expect(toClientValue(Date.UTC(2020, 0, 1), TIMESTAMP)).toBe('2020-01-01T00:00:00.000');
    expect(toClientValue(1651182287943, TIMESTAMP)).toBe('2022-04-28T21:44:47.943');
    expect(toClientValue(18262, DATE)).toBe('2020-01-01');
    expect(toClientValue(-1, DATE)).toBe('1969-12-31');
    expect(toClientValue(12 * 3_600_000, TIME)).toBe('12:00:00');
    expect(toClientValue(3_723_004, TIME)).toBe('01:02:03.004');
    expect(toClientValue(new Uint8Array([97, 98, 99]), BYTES)).toBe('YWJj');
  });

  it('renders collections recursively, maps and structs as objects', () => {
    expect(toClientValue([1n, null, 3n], array(BIGINT))).toEqual([1, null, 3]);
    expect(toClientValue(new Map<unknown, unknown>([['a', Decimal.parse('1.0')], ['b', null]]), map(STRING, decimal(2, 1)))).toEqual({ a: 1, b: null });
    expect(toClientValue(new Map([[1, 'x']]), map(INTEGER, STRING))).toEqual({ 1: 'x' });
    const t = struct([
      { name: 'A', type: TIMESTAMP },
      { name: 'b', type: array(INTEGER) },
    ]);
    expect(toClientValue({ A: 0 }, t)).toEqual({ A: '1970-01-01T00:00:00.000', b: null });
  });
});
