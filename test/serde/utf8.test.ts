import { describe, expect, it } from 'vitest';
import { latin1Text, strictUtf8Text, utf8Bytes } from '../../src/serde/utf8.js';

describe('utf8', () => {
  it('reads text from a view at an offset in a larger buffer, ASCII or not', () => {
    const whole = new Uint8Array([0x78, ...utf8Bytes('{"a":"b"}'), 0x79, ...utf8Bytes('ü€'), 0x7a]);
    expect(strictUtf8Text(whole.subarray(1, 10))).toBe('{"a":"b"}');
    expect(strictUtf8Text(whole.subarray(11, 16))).toBe('ü€');
  });

  it('fails on malformed UTF-8', () => {
    expect(() => strictUtf8Text(new Uint8Array([0x61, 0xc3]))).toThrow();
  });

  it('latin1Text gives one char per byte of the view', () => {
    const whole = new Uint8Array([1, 0xff, 0x00, 0x80, 2]);
    expect(latin1Text(whole.subarray(1, 4))).toBe('\u00ff\u0000\u0080');
  });
});
