import { describe, expect, it } from 'vitest';
import { INTEGER, STRING } from '../../src/types/sql-type.js';
import { callFn } from './call.js';

const s = (v: string | null): [typeof STRING, string | null] => [STRING, v];
const i = (v: number): [typeof INTEGER, number] => [INTEGER, v];

describe('REGEXP_EXTRACT / REGEXP_EXTRACT_ALL', () => {
  it('extracts the match or a group, NULL when none or the group does not exist', () => {
    expect(callFn('REGEXP_EXTRACT', [s('e.*'), s('hello there')]).value).toBe('ello there');
    expect(callFn('REGEXP_EXTRACT', [s('(\\w+) (\\w+)'), s('hello there'), i(2)]).value).toBe('there');
    expect(callFn('REGEXP_EXTRACT', [s('(\\w+)'), s('hello'), i(2)]).value).toBeNull();
    expect(callFn('REGEXP_EXTRACT', [s('z+'), s('hello')]).value).toBeNull();
    expect(callFn('REGEXP_EXTRACT', [s('(?i)HEL'), s('hello')]).value).toBe('hel');
  });

  it('extracts every match', () => {
    expect(callFn('REGEXP_EXTRACT_ALL', [s('\\d+'), s('a1b22c333')]).value).toEqual(['1', '22', '333']);
    expect(callFn('REGEXP_EXTRACT_ALL', [s('(\\w)(\\d)'), s('a1 b2'), i(2)]).value).toEqual(['1', '2']);
    expect(callFn('REGEXP_EXTRACT_ALL', [s('x'), s('abc')]).value).toEqual([]);
  });

  it('fails on a bad pattern (NULL plus a processing-log entry at run time)', () => {
    expect(() => callFn('REGEXP_EXTRACT', [s('('), s('abc')])).toThrow(/Invalid regular expression pattern/);
  });
});

describe('REGEXP_REPLACE', () => {
  it('uses Java replacement syntax', () => {
    expect(callFn('REGEXP_REPLACE', [s('foobar'), s('(foo)(bar)'), s('$2-$1')]).value).toBe('bar-foo');
    expect(callFn('REGEXP_REPLACE', [s('a.b'), s('\\.'), s('\\$')]).value).toBe('a$b');
    expect(callFn('REGEXP_REPLACE', [s('aaa'), s('a*'), s('x')]).value).toBe('xx');
    expect(() => callFn('REGEXP_REPLACE', [s('abc'), s('b'), s('$x')])).toThrow(/Illegal group reference/);
  });
});

describe('REGEXP_SPLIT_TO_ARRAY', () => {
  it('keeps empty pieces and splits characters on an empty pattern', () => {
    expect(callFn('REGEXP_SPLIT_TO_ARRAY', [s('a-b--c'), s('-')]).value).toEqual(['a', 'b', '', 'c']);
    expect(callFn('REGEXP_SPLIT_TO_ARRAY', [s('-a-'), s('-')]).value).toEqual(['', 'a', '']);
    expect(callFn('REGEXP_SPLIT_TO_ARRAY', [s('abc'), s('')]).value).toEqual(['a', 'b', 'c']);
    expect(callFn('REGEXP_SPLIT_TO_ARRAY', [s('a1b22c'), s('\\d+')]).value).toEqual(['a', 'b', 'c']);
    expect(callFn('REGEXP_SPLIT_TO_ARRAY', [s('a(b)c'), s('[()]')]).value).toEqual(['a', 'b', 'c']);
    expect(callFn('REGEXP_SPLIT_TO_ARRAY', [s('abc'), s('x')]).value).toEqual(['abc']);
  });
});
