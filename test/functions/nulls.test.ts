import { describe, expect, it } from 'vitest';
import { resolveFunction } from '../../src/functions/registry.js';
import { array, BIGINT, INTEGER, STRING } from '../../src/types/sql-type.js';
import { callFn } from './call.js';

describe('COALESCE', () => {
  it('returns the first non-null argument', () => {
    expect(callFn('COALESCE', [[INTEGER, null], [INTEGER, 2], [INTEGER, 3]]).value).toBe(2);
    expect(callFn('COALESCE', [[STRING, null], [null, null]]).value).toBeNull();
    expect(callFn('COALESCE', [[array(INTEGER), null], [array(INTEGER), [10, 20]]]).value).toEqual([10, 20]);
  });

  it('widens numeric arguments to one type', () => {
    const r = resolveFunction('COALESCE', [INTEGER, BIGINT]);
    expect(r.ok && r.overload.returnType).toEqual(BIGINT);
    expect(r.ok && r.overload.params).toEqual([BIGINT, BIGINT]);
  });

  it('rejects no arguments and unrelated types with ksqlDB messages', () => {
    const none = resolveFunction('COALESCE', []);
    expect(none.ok).toBe(false);
    expect(!none.ok && none.message).toContain("Function 'COALESCE' does not accept parameters ()");
    const bad = resolveFunction('COALESCE', [STRING, INTEGER]);
    expect(!bad.ok && bad.code).toBe('FUNCTION_ARGUMENTS');
    expect(!bad.ok && bad.message).toContain('(STRING, INTEGER)');
  });
});

describe('IFNULL', () => {
  it('falls back to the second argument', () => {
    expect(callFn('IFNULL', [[INTEGER, null], [INTEGER, 10]]).value).toBe(10);
    expect(callFn('IFNULL', [[INTEGER, 1], [INTEGER, 10]]).value).toBe(1);
    expect(callFn('IFNULL', [[STRING, null], [STRING, 'x']])).toEqual({ value: 'x', type: STRING });
    expect(resolveFunction('IFNULL', [INTEGER]).ok).toBe(false);
  });
});

describe('NULLIF', () => {
  it('is NULL when both are equal, else the first', () => {
    expect(callFn('NULLIF', [[INTEGER, 1], [INTEGER, 1]]).value).toBeNull();
    expect(callFn('NULLIF', [[INTEGER, 1], [INTEGER, 2]]).value).toBe(1);
    expect(callFn('NULLIF', [[INTEGER, 1], [INTEGER, null]]).value).toBe(1);
    expect(callFn('NULLIF', [[INTEGER, null], [INTEGER, 1]]).value).toBeNull();
    expect(callFn('NULLIF', [[array(INTEGER), [1, 2]], [array(INTEGER), [1, 2]]]).value).toBeNull();
    const mixed = resolveFunction('NULLIF', [INTEGER, BIGINT]);
    expect(mixed.ok && mixed.overload.returnType).toEqual(BIGINT);
  });
});
