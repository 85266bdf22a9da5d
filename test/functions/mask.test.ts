import { describe, expect, it } from 'vitest';
import { INTEGER, STRING } from '../../src/types/sql-type.js';
import { callFn } from './call.js';

const s = (v: string | null): [typeof STRING, string | null] => [STRING, v];
const i = (v: number | null): [typeof INTEGER, number | null] => [INTEGER, v];

describe('MASK family', () => {
  it('masks upper, lower, digits and others by default', () => {
    expect(callFn('MASK', [s('AbC-12 é')]).value).toBe('XxX-nn-x');
    expect(callFn('MASK_LEFT', [s('AbCd12'), i(3)]).value).toBe('XxXd12');
    expect(callFn('MASK_RIGHT', [s('AbCd12'), i(3)]).value).toBe('AbCxnn');
    expect(callFn('MASK_KEEP_LEFT', [s('AbCd12'), i(3)]).value).toBe('AbCxnn');
    expect(callFn('MASK_KEEP_RIGHT', [s('AbCd12'), i(3)]).value).toBe('XxXd12');
    expect(callFn('MASK_LEFT', [s('Ab'), i(10)]).value).toBe('Xx');
  });

  it('takes custom mask characters; a NULL one keeps that class', () => {
    expect(callFn('MASK', [s('AbC-12'), s('U'), s('l'), s('#'), s('*')]).value).toBe('UlU*##');
    expect(callFn('MASK', [s('AbC-12'), s(null), s('l'), s(null), s('*')]).value).toBe('AlC*12');
    expect(callFn('MASK_LEFT', [s('AbC-12'), i(2), s('U'), s('l'), s('#'), s('*')]).value).toBe('UlC-12');
  });

  it('fails on a negative count or a long mask character, and is NULL for NULL input', () => {
    expect(() => callFn('MASK_LEFT', [s('abc'), i(-1)])).toThrow(/non-negative/);
    expect(() => callFn('MASK', [s('abc'), s('XX'), s('x'), s('n'), s('-')])).toThrow(/single character/);
    expect(callFn('MASK', [s(null)]).value).toBeNull();
    expect(callFn('MASK_RIGHT', [s(null), i(2)]).value).toBeNull();
  });
});
