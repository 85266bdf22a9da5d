import { describe, expect, it } from 'vitest';
import { INTEGER, STRING } from '../../src/types/sql-type.js';
import { callFn } from './call.js';

const s = (v: string | null): [typeof STRING, string | null] => [STRING, v];
const value = (name: string, ...args: (string | null)[]): unknown => callFn(name, args.map(s)).value;

describe('URL_EXTRACT_*', () => {
  const url = 'https://user:pw@www.example.com:8080/a%20b/c?x=1&y=two%20words&flag#frag%20ment';

  it('extracts each part, decoding path, query and fragment (ksqlDB docs)', () => {
    expect(value('URL_EXTRACT_HOST', url)).toBe('www.example.com');
    expect(callFn('URL_EXTRACT_PORT', [s(url)])).toEqual({ value: 8080, type: INTEGER });
    expect(value('URL_EXTRACT_PROTOCOL', url)).toBe('https');
    expect(value('URL_EXTRACT_PATH', url)).toBe('/a b/c');
    expect(value('URL_EXTRACT_QUERY', url)).toBe('x=1&y=two words&flag');
    expect(value('URL_EXTRACT_FRAGMENT', url)).toBe('frag ment');
    expect(value('URL_EXTRACT_PARAMETER', url, 'y')).toBe('two words');
    expect(value('URL_EXTRACT_PARAMETER', url, 'flag')).toBe('');
    expect(value('URL_EXTRACT_PARAMETER', url, 'z')).toBeNull();
    expect(value('URL_EXTRACT_PARAMETER', 'http://test.com?a%20b=c%20d', 'a b')).toBe('c d');
    expect(value('URL_EXTRACT_HOST', 'http://test.com:8080/path')).toBe('test.com');
    expect(value('URL_EXTRACT_PATH', 'http://test.com/path/to#a')).toBe('/path/to');
    expect(value('URL_EXTRACT_QUERY', 'http://test.com?a=foo%20bar&b=baz')).toBe('a=foo bar&b=baz');
  });

  it('returns NULL for absent parts', () => {
    expect(value('URL_EXTRACT_PORT', 'http://test.com/')).toBeNull();
    expect(value('URL_EXTRACT_QUERY', 'http://test.com/')).toBeNull();
    expect(value('URL_EXTRACT_FRAGMENT', 'http://test.com/')).toBeNull();
    expect(value('URL_EXTRACT_PATH', 'http://test.com')).toBe('');
    expect(value('URL_EXTRACT_PROTOCOL', '/relative/path')).toBeNull();
    expect(value('URL_EXTRACT_HOST', 'http://under_score.com/')).toBeNull();
    expect(value('URL_EXTRACT_HOST', 'http://[::1]:80/')).toBe('[::1]');
    // java.net.URI reads an IPv6 host after user info too.
    expect(value('URL_EXTRACT_HOST', 'http://user@[::1]:80/p')).toBe('[::1]');
    expect(value('URL_EXTRACT_PORT', 'http://user@[::1]:80/p')).toBe(80);
    expect(() => value('URL_EXTRACT_HOST', 'http://user@h[::1]/p')).toThrow(/invalid syntax/);
    expect(value('URL_EXTRACT_PATH', 'mailto:a@b.com')).toBeNull();
    expect(value('URL_EXTRACT_HOST', null)).toBeNull();
  });

  it('fails on text that is not a URI', () => {
    expect(() => value('URL_EXTRACT_HOST', 'http://a b.com/')).toThrow(/URL input has invalid syntax/);
    expect(() => value('URL_EXTRACT_PATH', 'http://x.com/%zz')).toThrow(/invalid syntax/);
    expect(() => value('URL_EXTRACT_PATH', '1http://x.com/')).toThrow(/invalid syntax/);
  });
});

describe('URL_ENCODE_PARAM / URL_DECODE_PARAM', () => {
  it('use the form encoding: space is +, the rest of UTF-8 is %XX', () => {
    expect(value('URL_ENCODE_PARAM', 'url encoded')).toBe('url+encoded');
    expect(value('URL_ENCODE_PARAM', "a-_.*~!'()é/")).toBe('a-_.*%7E%21%27%28%29%C3%A9%2F');
    expect(value('URL_DECODE_PARAM', 'url%20encoded+too%C3%A9')).toBe('url encoded tooé');
    expect(() => value('URL_DECODE_PARAM', 'bad%2')).toThrow(/Incomplete trailing escape/);
    expect(() => value('URL_DECODE_PARAM', 'bad%zz!')).toThrow(/Illegal hex characters/);
  });
});
