import { describe, expect, it } from 'vitest';
import { BYTES, INTEGER, STRING } from '../../src/types/sql-type.js';
import { callFn } from './call.js';

const s = (v: string | null): [typeof STRING, string | null] => [STRING, v];
const i = (v: number | null): [typeof INTEGER, number | null] => [INTEGER, v];
const b = (text: string): [typeof BYTES, Uint8Array] => [BYTES, new TextEncoder().encode(text)];
const utf8 = (v: unknown): string => new TextDecoder().decode(v as Uint8Array);

describe('UCASE / LCASE / TRIM', () => {
  it('convert case and trim Java whitespace', () => {
    expect(callFn('UCASE', [s('MiXeD')]).value).toBe('MIXED');
    expect(callFn('LCASE', [s('MiXeD')]).value).toBe('mixed');
    expect(callFn('TRIM', [s(' \t with white space \t')]).value).toBe('with white space');
    expect(callFn('UCASE', [s(null)]).value).toBeNull();
  });
});

describe('LEN', () => {
  it('counts characters or bytes', () => {
    expect(callFn('LEN', [s('ABC')])).toEqual({ value: 3, type: INTEGER });
    expect(callFn('LEN', [s('')]).value).toBe(0);
    expect(callFn('LEN', [b('abc')]).value).toBe(3);
  });
});

describe('SUBSTRING (1-based, ksqlDB current semantics)', () => {
  it.each([
    ['some_string', 6, undefined, 'string'],
    ['another', 6, undefined, 'er'],
    ['short', 6, undefined, ''],
    ['some_string', 6, 3, 'str'],
    ['another', 6, 3, 'er'],
    ['lower', 2, 5, 'ower'],
    ['s', 2, 5, ''],
    ['some string', 0, 2, 'so'],
    ['hello', -3, undefined, 'llo'],
    ['hello', -3, 2, 'll'],
    ['hello', -10, 2, 'he'],
    ['hello', 2, -1, ''],
  ] as const)('SUBSTRING(%j, %j, %j) = %j', (str, pos, len, want) => {
    const args = len === undefined ? [s(str), i(pos)] : [s(str), i(pos), i(len)];
    expect(callFn('SUBSTRING', args).value).toBe(want);
  });

  it('returns null for null position or length, and works on bytes', () => {
    expect(callFn('SUBSTRING', [s('abc'), i(null)]).value).toBeNull();
    expect(callFn('SUBSTRING', [s('abc'), i(1), i(null)]).value).toBeNull();
    expect(utf8(callFn('SUBSTRING', [b('some_string'), i(6), i(3)]).value)).toBe('str');
    expect(callFn('SUBSTRING', [b('x'), i(1)]).type).toEqual(BYTES);
  });
});

describe('CONCAT', () => {
  it('joins strings and skips nulls', () => {
    expect(callFn('CONCAT', [s('prefix-'), s('s1'), s('-postfix')]).value).toBe('prefix-s1-postfix');
    expect(callFn('CONCAT', [s('a'), [null, null], s('b')]).value).toBe('ab');
    expect(callFn('CONCAT', [s(null), s(null)]).value).toBe('');
  });

  it('joins bytes', () => {
    expect(utf8(callFn('CONCAT', [b('yes'), [null, null], b('no')]).value)).toBe('yesno');
  });
});
