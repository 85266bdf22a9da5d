import { describe, expect, it } from 'vitest';
import { BYTES, STRING } from '../../src/types/sql-type.js';
import { callFn } from './call.js';

const s = (v: string | null): [typeof STRING, string | null] => [STRING, v];
const b = (text: string): [typeof BYTES, Uint8Array] => [BYTES, new TextEncoder().encode(text)];
const texts = (v: unknown): string[] => (v as Uint8Array[]).map((x) => new TextDecoder().decode(x));

describe('SPLIT', () => {
  it.each([
    ['a,b,c', ',', ['a', 'b', 'c']],
    [',a,,b,', ',', ['', 'a', '', 'b', '']],
    ['abc', '', ['a', 'b', 'c']],
    ['', '', ['']],
    ['', ',', ['']],
    ['abc', 'x', ['abc']],
    ['a.b', '.', ['a', 'b']],
  ] as const)('SPLIT(%j, %j) = %j', (str, d, want) => {
    expect(callFn('SPLIT', [s(str), s(d)]).value).toEqual(want);
  });

  it('splits bytes and yields NULL for NULL input', () => {
    expect(texts(callFn('SPLIT', [b('a-b--c'), b('-')]).value)).toEqual(['a', 'b', '', 'c']);
    expect(texts(callFn('SPLIT', [b('ab'), b('')]).value)).toEqual(['a', 'b']);
    expect(callFn('SPLIT', [s(null), s(',')]).value).toBeNull();
  });
});

describe('SPLIT_TO_MAP', () => {
  it('splits entries and pairs; the last value of a key wins; entries without a delimiter are dropped', () => {
    expect(callFn('SPLIT_TO_MAP', [s('a=1;b=2;;c;a=3'), s(';'), s('=')]).value).toEqual(
      new Map([
        ['a', '3'],
        ['b', '2'],
      ]),
    );
    expect(callFn('SPLIT_TO_MAP', [s('a=1=2'), s(';'), s('=')]).value).toEqual(new Map([['a', '1']]));
  });

  it('is NULL for empty or equal delimiters', () => {
    expect(callFn('SPLIT_TO_MAP', [s('a=1'), s(''), s('=')]).value).toBeNull();
    expect(callFn('SPLIT_TO_MAP', [s('a=1'), s('='), s('=')]).value).toBeNull();
  });
});
