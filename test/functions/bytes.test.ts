import { describe, expect, it } from 'vitest';
import { BIGINT, BYTES, DOUBLE, INTEGER, STRING } from '../../src/types/sql-type.js';
import { callFn } from './call.js';

const s = (v: string | null): [typeof STRING, string | null] => [STRING, v];
const raw = (...xs: number[]): [typeof BYTES, Uint8Array] => [BYTES, Uint8Array.from(xs)];

describe('TO_BYTES / FROM_BYTES', () => {
  it('round-trips each encoding', () => {
    expect(callFn('TO_BYTES', [s('4A6f'), s('hex')]).value).toEqual(Uint8Array.from([0x4a, 0x6f]));
    expect(callFn('FROM_BYTES', [raw(0x4a, 0x6f), s('hex')]).value).toBe('4A6F');
    expect(callFn('FROM_BYTES', [raw(0x4a, 0x6f), s('UTF8')]).value).toBe('Jo');
    expect(callFn('FROM_BYTES', [raw(0x4a, 0xff), s('ascii')]).value).toBe('J\uFFFD');
    expect(callFn('TO_BYTES', [s('é'), s('ascii')]).value).toEqual(Uint8Array.from([0x3f]));
    expect(callFn('TO_BYTES', [s('AQID'), s('base64')]).value).toEqual(Uint8Array.from([1, 2, 3]));
    expect(callFn('FROM_BYTES', [raw(1, 2, 3), s('base64')]).value).toBe('AQID');
  });

  it('fails on bad input or an unknown encoding', () => {
    expect(() => callFn('TO_BYTES', [s('abc'), s('hex')])).toThrow();
    expect(() => callFn('TO_BYTES', [s('a$b'), s('base64')])).toThrow();
    expect(() => callFn('FROM_BYTES', [raw(1), s('utf16')])).toThrow(/Unknown encoding type 'utf16'/);
  });
});

describe('ENCODE', () => {
  it('re-encodes between hex, utf8, ascii and base64', () => {
    expect(callFn('ENCODE', [s('Hello'), s('utf8'), s('hex')]).value).toBe('48656c6c6f');
    expect(callFn('ENCODE', [s('0x48656c6c6f'), s('hex'), s('utf8')]).value).toBe('Hello');
    expect(callFn('ENCODE', [s("X'48'"), s('hex'), s('ascii')]).value).toBe('H');
    expect(callFn('ENCODE', [s('Hello'), s('ascii'), s('base64')]).value).toBe('SGVsbG8=');
    expect(callFn('ENCODE', [s('SGVsbG8='), s('base64'), s('utf8')]).value).toBe('Hello');
    expect(() => callFn('ENCODE', [s('x'), s('utf8'), s('ebcdic')])).toThrow(/Supported input and output encodings/);
  });
});

describe('number from bytes', () => {
  it('reads big- and little-endian numbers of the exact size', () => {
    expect(callFn('INT_FROM_BYTES', [raw(0, 0, 1, 0)])).toEqual({ value: 256, type: INTEGER });
    expect(callFn('INT_FROM_BYTES', [raw(0, 1, 0, 0), s('LITTLE_ENDIAN')]).value).toBe(256);
    expect(callFn('BIGINT_FROM_BYTES', [raw(255, 255, 255, 255, 255, 255, 255, 255)])).toEqual({ value: -1n, type: BIGINT });
    expect(callFn('DOUBLE_FROM_BYTES', [raw(0x3f, 0xf0, 0, 0, 0, 0, 0, 0)])).toEqual({ value: 1, type: DOUBLE });
    expect(() => callFn('INT_FROM_BYTES', [raw(1, 2)])).toThrow(/must be equal to 4/);
    expect(() => callFn('INT_FROM_BYTES', [raw(0, 0, 0, 1), s('MIDDLE')])).toThrow(/Byte order/);
  });
});

describe('MD5 / UUID', () => {
  it('hashes UTF-8 text', () => {
    expect(callFn('MD5', [s('hello')]).value).toBe('5d41402abc4b2a76b9719d911017c592');
  });

  it('makes a version-4 UUID from the injected random source, or formats 16 bytes', () => {
    const ctx = { now: () => 0, random: () => 0.5 };
    expect(callFn('UUID', [], ctx).value).toBe('80808080-8080-4080-8080-808080808080');
    expect(callFn('UUID', [], { now: () => 0, random: Math.random }).value).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(callFn('UUID', [raw(...Array.from({ length: 16 }, (_, k) => k))]).value).toBe('00010203-0405-0607-0809-0a0b0c0d0e0f');
    expect(callFn('UUID', [raw(1, 2)]).value).toBeNull();
  });
});
