import { describe, expect, it } from 'vitest';
import { AS_VALUE } from '../../src/functions/conversions.js';
import { INTEGER, STRING } from '../../src/types/sql-type.js';

describe('AS_VALUE', () => {
  it('returns its argument with its type, NULL included', () => {
    const o = AS_VALUE.resolve([STRING])!;
    expect(o.returnType).toBe(STRING);
    expect(o.impl(['k'])).toBe('k');
    expect(AS_VALUE.resolve([INTEGER])!.impl([null])).toBeNull();
  });
  it('takes exactly one typed argument', () => {
    expect(AS_VALUE.resolve([])).toBeUndefined();
    expect(AS_VALUE.resolve([null])).toBeUndefined();
  });
});
