import { describe, expect, it } from 'vitest';
import { resolveFunction } from '../../src/functions/registry.js';
import { BOOLEAN, BYTES, DOUBLE, INTEGER, STRING } from '../../src/types/sql-type.js';
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
});
