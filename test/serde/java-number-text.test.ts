import { describe, expect, it } from 'vitest';
import {
  formatJavaBigDecimal,
  formatJavaDouble,
  integerText,
  parseJavaDouble,
  parseJavaInt,
  parseJavaLong,
} from '../../src/serde/java-number-text.js';

describe('Java number text', () => {
  it('formats doubles like Double.toString', () => {
    const cases: [number, string][] = [
      [0, '0.0'],
      [-0, '-0.0'],
      [1, '1.0'],
      [100, '100.0'],
      [0.001, '0.001'],
      [0.0001, '1.0E-4'],
      [9999999, '9999999.0'],
      [1e7, '1.0E7'],
      [1.5e21, '1.5E21'],
      [532.8738323, '532.8738323'],
      [4.9e-324, '4.9E-324'],
      [-2.2250738585072014e-308, '-2.2250738585072014E-308'],
      [1.7976931348623157e308, '1.7976931348623157E308'],
      [1e23, '1.0E23'],
      [NaN, 'NaN'],
      [-Infinity, '-Infinity'],
    ];
    for (const [x, java] of cases) expect(formatJavaDouble(x), String(x)).toBe(java);
  });

  it('formats decimals like BigDecimal.toString', () => {
    expect(formatJavaBigDecimal(150n, 2)).toBe('1.50');
    expect(formatJavaBigDecimal(-5n, 3)).toBe('-0.005');
    expect(formatJavaBigDecimal(1n, -2)).toBe('1E+2');
    expect(formatJavaBigDecimal(1n, 7)).toBe('1E-7');
    expect(formatJavaBigDecimal(15n, 8)).toBe('1.5E-7');
    expect(formatJavaBigDecimal(42n, 0)).toBe('42');
  });

  it('parses integers like Integer.parseInt / Long.parseLong', () => {
    expect(parseJavaInt('+0010')).toBe(10);
    expect(parseJavaInt('-0')).toBe(0);
    expect(Object.is(parseJavaInt('-0'), -0)).toBe(false);
    expect(parseJavaInt('2147483647')).toBe(2147483647);
    expect(parseJavaInt('2147483648')).toBeUndefined();
    expect(parseJavaInt('00000000000000000000001')).toBe(1);
    expect(parseJavaInt('1.0')).toBeUndefined();
    expect(parseJavaInt(' 1')).toBeUndefined();
    expect(parseJavaLong('-9223372036854775808')).toBe(-9223372036854775808n);
    expect(parseJavaLong('9223372036854775808')).toBeUndefined();
    expect(parseJavaLong('')).toBeUndefined();
  });

  it('parses doubles like Double.parseDouble', () => {
    expect(parseJavaDouble(' 1.5 ')).toBe(1.5);
    expect(parseJavaDouble('1.')).toBe(1);
    expect(parseJavaDouble('-.5e1')).toBe(-5);
    expect(parseJavaDouble('2d')).toBe(2);
    expect(parseJavaDouble('NaN')).toBeNaN();
    expect(parseJavaDouble('-Infinity')).toBe(-Infinity);
    expect(parseJavaDouble('1e')).toBeUndefined();
    expect(parseJavaDouble('abc')).toBeUndefined();
  });

  it('prints integer values of either representation', () => {
    expect(integerText(12n)).toBe('12');
    expect(integerText(-3)).toBe('-3');
    expect(integerText(2 ** 60)).toBe('1152921504606846976');
  });
});
