import { describe, expect, it } from 'vitest';
import { parseJson5Lossless, stringifyJson } from '../../src/conformance/lossless-json.js';

describe('QTT JSON with integers beyond 2^53', () => {
  it('reads big integer literals exactly and leaves everything else to json5', () => {
    const doc = parseJson5Lossless(`{
      // Long.MAX_VALUE and MIN_VALUE, as QTT writes them
      "max": 9223372036854775807, "min": -9223372036854775808,
      "small": 42, "neg": -7, "double": 9223372036854775807.5, "exp": 12345678901234567890e2,
      "text": "9223372036854775807", 'single': '1 // 99999999999999999999', /* 99999999999999999999 */
      "list": [1, 18446744073709551616], "inf": -Infinity
    }`);
    expect(doc).toEqual({
      max: 9223372036854775807n,
      min: -9223372036854775808n,
      small: 42,
      neg: -7,
      double: 9223372036854775807.5,
      exp: 12345678901234567890e2,
      text: '9223372036854775807',
      single: '1 // 99999999999999999999',
      list: [1, 18446744073709551616n],
      inf: Number.NEGATIVE_INFINITY,
    });
  });

  it('writes bigints as their digits and everything else as JSON.stringify does', () => {
    const value = { max: 9223372036854775807n, s: 'a\u0000int:1', n: [1.5, null, -3n] };
    expect(stringifyJson(value)).toBe('{"max":9223372036854775807,"s":"a\\u0000int:1","n":[1.5,null,-3]}');
    expect(stringifyJson({ a: 1 })).toBe(JSON.stringify({ a: 1 }));
  });
});
