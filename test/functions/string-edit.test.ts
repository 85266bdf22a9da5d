import { describe, expect, it } from 'vitest';
import { BYTES, INTEGER, STRING } from '../../src/types/sql-type.js';
import { callFn } from './call.js';

const s = (v: string | null): [typeof STRING, string | null] => [STRING, v];
const i = (v: number | null): [typeof INTEGER, number | null] => [INTEGER, v];
const b = (text: string): [typeof BYTES, Uint8Array] => [BYTES, new TextEncoder().encode(text)];
const utf8 = (v: unknown): string => new TextDecoder().decode(v as Uint8Array);

describe('LPAD / RPAD', () => {
  it.each([
    ['LPAD', 'foo', 7, 'Bar', 'BarBfoo'],
    ['LPAD', 'foo', 2, 'Bar', 'fo'],
    ['LPAD', '', 3, 'x', 'xxx'],
    ['RPAD', 'foo', 7, 'Bar', 'fooBarB'],
    ['RPAD', 'foo', 2, 'Bar', 'fo'],
    ['LPAD', 'foo', 0, 'x', ''],
  ] as const)('%s(%j, %j, %j) = %j', (fn, str, n, pad, want) => {
    expect(callFn(fn, [s(str), i(n), s(pad)]).value).toBe(want);
  });

  it('is NULL for an empty padding, a negative length or a NULL argument', () => {
    expect(callFn('LPAD', [s('foo'), i(5), s('')]).value).toBeNull();
    expect(callFn('RPAD', [s('foo'), i(-1), s('x')]).value).toBeNull();
    expect(callFn('LPAD', [s(null), i(5), s('x')]).value).toBeNull();
  });

  it('pads bytes', () => {
    expect(utf8(callFn('LPAD', [b('abc'), i(6), b('xy')]).value)).toBe('xyxabc');
    expect(utf8(callFn('RPAD', [b('abc'), i(2), b('xy')]).value)).toBe('ab');
  });
});

describe('REPLACE / INITCAP', () => {
  it('replaces literally, also $ and empty search strings', () => {
    expect(callFn('REPLACE', [s('a.b.c'), s('.'), s('$1')]).value).toBe('a$1b$1c');
    expect(callFn('REPLACE', [s('abc'), s(''), s('-')]).value).toBe('-a-b-c-');
    expect(callFn('REPLACE', [s('abc'), s(null), s('-')]).value).toBeNull();
  });

  it('capitalizes words and drops leading whitespace like ksqlDB', () => {
    expect(callFn('INITCAP', [s('the QUICK  brown fox')]).value).toBe('The Quick  Brown Fox');
    expect(callFn('INITCAP', [s('  hello')]).value).toBe('Hello');
    expect(callFn('INITCAP', [s('')]).value).toBe('');
  });
});

describe('INSTR', () => {
  it.each([
    ['CORPORATE FLOOR', 'OR', undefined, undefined, 2],
    ['CORPORATE FLOOR', 'OR', 3, undefined, 5],
    ['CORPORATE FLOOR', 'OR', 3, 2, 14],
    ['CORPORATE FLOOR', 'OR', -3, 2, 2],
    ['CORPORATE FLOOR', 'OR', -3, 1, 5],
    ['CORPORATE FLOOR', 'MISSING', undefined, undefined, 0],
    ['CORPORATE FLOOR', 'OR', 30, undefined, 0],
    ['aaa', 'aa', 1, 2, 2],
  ] as const)('INSTR(%j, %j, %j, %j) = %j', (str, sub, pos, occ, want) => {
    const args = [s(str), s(sub), ...(pos === undefined ? [] : [i(pos)]), ...(occ === undefined ? [] : [i(occ)])];
    expect(callFn('INSTR', args).value).toBe(want);
  });

  it('is 0 when a string is NULL', () => {
    expect(callFn('INSTR', [s(null), s('a')]).value).toBe(0);
    expect(callFn('INSTR', [s('a'), s(null)]).value).toBe(0);
  });
});

describe('CONCAT_WS / ELT / FIELD / CHR', () => {
  it('joins with a separator, skipping NULLs', () => {
    expect(callFn('CONCAT_WS', [s(', '), s('a'), s(null), s('b')]).value).toBe('a, b');
    expect(callFn('CONCAT_WS', [s(null), s('a')]).value).toBeNull();
    expect(utf8(callFn('CONCAT_WS', [b('-'), b('a'), b('b')]).value)).toBe('a-b');
  });

  it('ELT picks the n-th argument and FIELD finds one', () => {
    expect(callFn('ELT', [i(2), s('a'), s('b')]).value).toBe('b');
    expect(callFn('ELT', [i(0), s('a')]).value).toBeNull();
    expect(callFn('ELT', [i(3), s('a'), s('b')]).value).toBeNull();
    expect(callFn('FIELD', [s('b'), s('a'), s('b')]).value).toBe(2);
    expect(callFn('FIELD', [s('z'), s('a')]).value).toBe(0);
    expect(callFn('FIELD', [s(null), s('a'), s(null)]).value).toBe(0);
  });

  it('CHR turns code points and \\u escapes into characters', () => {
    expect(callFn('CHR', [i(75)]).value).toBe('K');
    expect(callFn('CHR', [i(128512)]).value).toBe('😀');
    expect(callFn('CHR', [i(-1)]).value).toBeNull();
    expect(callFn('CHR', [s('\\u004b')]).value).toBe('K');
    expect(callFn('CHR', [s('004b')]).value).toBeNull();
  });
});
