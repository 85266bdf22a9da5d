import { describe, expect, it } from 'vitest';
import { getFunction, listFunctions, resolveFunction } from '../../src/functions/registry.js';
import { BIGINT, DOUBLE, INTEGER, STRING } from '../../src/types/sql-type.js';

describe('function registry', () => {
  it('lists every family once, sorted', () => {
    const names = listFunctions().map((f) => f.name);
    expect(names).toEqual([...names].sort());
    for (const n of ['UCASE', 'LCASE', 'LEN', 'SUBSTRING', 'CONCAT', 'TRIM', 'ABS', 'ROUND', 'FLOOR', 'CEIL', 'COALESCE', 'IFNULL']) {
      expect(names).toContain(n);
    }
    expect(getFunction('ucase')?.name).toBe('UCASE');
  });

  it('reports unknown functions like ksqlDB', () => {
    const r = resolveFunction('WONT_FIND_ME', []);
    expect(r).toEqual({ ok: false, code: 'UNKNOWN_FUNCTION', message: "Can't find any functions with the name 'WONT_FIND_ME'" });
  });

  it('prefers an exact overload and otherwise widens numeric arguments', () => {
    const exact = resolveFunction('ABS', [BIGINT]);
    expect(exact.ok && exact.overload.returnType).toEqual(BIGINT);
    // SUBSTRING wants INTEGER positions: a BIGINT cannot narrow.
    expect(resolveFunction('SUBSTRING', [STRING, BIGINT]).ok).toBe(false);
    // ROUND(INTEGER, INTEGER) widens the first argument to DECIMAL(10, 0) (no integer overload of arity 2).
    const widened = resolveFunction('ROUND', [INTEGER, INTEGER]);
    expect(widened.ok && widened.overload.params[0]).toEqual({ kind: 'DECIMAL', precision: 10, scale: 0 });
    const untyped = resolveFunction('ROUND', [null]);
    expect(untyped.ok && untyped.overload.returnType).toEqual(BIGINT);
    expect(resolveFunction('UCASE', [DOUBLE]).ok).toBe(false);
  });
});
