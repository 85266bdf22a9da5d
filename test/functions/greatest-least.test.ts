import { describe, expect, it } from 'vitest';
import { resolveFunction } from '../../src/functions/registry.js';
import { BIGINT, BOOLEAN, BYTES, DATE, decimal, DOUBLE, INTEGER, STRING } from '../../src/types/sql-type.js';
import { callFn } from './call.js';

describe('GREATEST / LEAST', () => {
  it('skip NULLs and widen numbers to a common type', () => {
    expect(callFn('GREATEST', [[INTEGER, 1], [INTEGER, null], [INTEGER, 5]])).toEqual({ value: 5, type: INTEGER });
    expect(callFn('LEAST', [[INTEGER, 3], [INTEGER, 2]]).value).toBe(2);
    const mixed = resolveFunction('GREATEST', [INTEGER, DOUBLE]);
    expect(mixed.ok && mixed.overload.returnType).toEqual(DOUBLE);
    expect(callFn('GREATEST', [[STRING, 'apple'], [STRING, 'banana']]).value).toBe('banana');
    expect(callFn('LEAST', [[INTEGER, null], [INTEGER, null]]).value).toBeNull();
  });

  it('compare bytes as signed, like Java', () => {
    expect(callFn('GREATEST', [[BYTES, Uint8Array.of(0x7f)], [BYTES, Uint8Array.of(0x80)]]).value).toEqual(Uint8Array.of(0x7f));
  });

  it('reject types without an order', () => {
    expect(resolveFunction('GREATEST', [BOOLEAN, BOOLEAN]).ok).toBe(false);
    expect(resolveFunction('LEAST', [STRING, INTEGER]).ok).toBe(false);
  });

  it('resolve as ksqlDB does: an exact overload first, else one reached by widening, else ambiguous', () => {
    const message = (r: ReturnType<typeof resolveFunction>): string => (r.ok ? 'ok' : r.message.split('\n')[0]!);
    expect(message(resolveFunction('GREATEST', [INTEGER, BIGINT]))).toBe(
      "Function 'greatest' cannot be resolved due to ambiguous method parameters (INTEGER, BIGINT).",
    );
    expect(message(resolveFunction('LEAST', [null, null]))).toBe("Function 'least' cannot be resolved due to ambiguous method parameters (null, null).");
    expect(message(resolveFunction('GREATEST', [STRING, INTEGER]))).toBe("Function 'greatest' does not accept parameters (STRING, INTEGER).");
    expect(message(resolveFunction('GREATEST', []))).toBe("Function 'greatest' does not accept parameters ().");
    const settled = resolveFunction('GREATEST', [INTEGER, BIGINT, decimal(30, 18), DOUBLE, null]);
    expect(settled.ok && settled.overload.returnType).toEqual(DOUBLE);
    const decimals = resolveFunction('GREATEST', [decimal(9, 2), decimal(7, 6)]);
    expect(decimals.ok && decimals.overload.returnType).toEqual(decimal(13, 6));
    const dates = resolveFunction('LEAST', [DATE, null, STRING]);
    expect(dates.ok && dates.overload.params).toEqual([DATE, DATE, DATE]);
  });
});
