import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/types/decimal.js';
import {
  decimalAdd,
  decimalAddType,
  decimalCompare,
  decimalDivide,
  decimalDivideType,
  decimalFromNumber,
  decimalLiteralType,
  decimalModulusType,
  decimalMultiply,
  decimalMultiplyType,
  decimalRemainder,
  decimalSubtract,
  fitDecimal,
  parseDecimalText,
  rescale,
} from '../../src/types/decimal-math.js';
import { typeToString } from '../../src/types/sql-type.js';

const d = (s: string): Decimal => Decimal.parse(s)!;
const dec42 = { precision: 4, scale: 2 };

describe('decimal arithmetic', () => {
  it('adds, subtracts, multiplies exactly', () => {
    expect(decimalAdd(d('10.01'), d('5.10')).toString()).toBe('15.11');
    expect(decimalSubtract(d('10.10'), d('-5.00')).toString()).toBe('15.10');
    expect(decimalAdd(d('1.5'), d('0.25')).toString()).toBe('1.75');
    expect(decimalMultiply(d('10.10'), d('-2.00')).toString()).toBe('-20.2000');
  });

  it('divides to a scale with HALF_UP and reports division by zero', () => {
    expect(decimalDivide(d('10.10'), d('2.00'), 7)!.toString()).toBe('5.0500000');
    expect(decimalDivide(d('1'), d('3'), 2)!.toString()).toBe('0.33');
    expect(decimalDivide(d('2'), d('3'), 2)!.toString()).toBe('0.67');
    expect(decimalDivide(d('-2'), d('3'), 2)!.toString()).toBe('-0.67');
    expect(decimalDivide(d('1'), d('0.00'), 2)).toBeUndefined();
  });

  it('remainder keeps the dividend sign', () => {
    expect(decimalRemainder(d('10.10'), d('2.00'))!.toString()).toBe('0.10');
    expect(decimalRemainder(d('10.10'), d('-2.00'))!.toString()).toBe('0.10');
    expect(decimalRemainder(d('-10.10'), d('2.00'))!.toString()).toBe('-0.10');
    expect(decimalRemainder(d('1'), d('0'))).toBeUndefined();
  });

  it('rescales with HALF_UP (away from zero on ties) and other modes', () => {
    expect(rescale(d('0.05'), 1).toString()).toBe('0.1');
    expect(rescale(d('-0.05'), 1).toString()).toBe('-0.1');
    expect(rescale(d('-0.05'), 1, 'HALF_DOWN').toString()).toBe('0.0');
    expect(rescale(d('-1.5'), 0, 'FLOOR').toString()).toBe('-2');
    expect(rescale(d('-1.5'), 0, 'CEILING').toString()).toBe('-1');
    expect(rescale(d('1.5'), 3).toString()).toBe('1.500');
    expect(rescale(d('125'), -1).toString()).toBe('130');
  });

  it('fits values into a type or reports overflow', () => {
    expect(fitDecimal(d('0.99'), { precision: 2, scale: 1 })!.toString()).toBe('1.0');
    expect(fitDecimal(d('10'), { precision: 2, scale: 1 })).toBeUndefined();
    expect(fitDecimal(d('9.94'), { precision: 2, scale: 1 })!.toString()).toBe('9.9');
  });

  it('compares across scales', () => {
    expect(decimalCompare(d('10.01'), d('10.010'))).toBe(0);
    expect(decimalCompare(d('10.01'), d('10.012'))).toBe(-1);
    expect(decimalCompare(d('-1'), d('-1.5'))).toBe(1);
  });

  it('converts doubles like BigDecimal.valueOf and parses exponent text', () => {
    expect(decimalFromNumber(0.1)!.toString()).toBe('0.1');
    expect(decimalFromNumber(3)!.toString()).toBe('3.0');
    expect(decimalFromNumber(1e-7)!.toString()).toBe('0.0000001');
    expect(decimalFromNumber(NaN)).toBeUndefined();
    expect(parseDecimalText('1.5E3')!.toString()).toBe('1500');
    expect(parseDecimalText('abc')).toBeUndefined();
  });
});

describe('ksqlDB decimal result types', () => {
  it('follows SqlDecimal add/multiply/divide/modulus', () => {
    expect(typeToString(decimalAddType(dec42, dec42))).toBe('DECIMAL(5, 2)');
    expect(typeToString(decimalAddType(dec42, { precision: 10, scale: 0 }))).toBe('DECIMAL(13, 2)');
    expect(typeToString(decimalMultiplyType(dec42, dec42))).toBe('DECIMAL(9, 4)');
    expect(typeToString(decimalDivideType(dec42, dec42))).toBe('DECIMAL(11, 7)');
    expect(typeToString(decimalModulusType(dec42, { precision: 5, scale: 3 }))).toBe('DECIMAL(5, 3)');
  });

  it('types literals by their written digits', () => {
    expect(typeToString(decimalLiteralType(d('1.5')))).toBe('DECIMAL(2, 1)');
    expect(typeToString(decimalLiteralType(d('0.05')))).toBe('DECIMAL(2, 2)');
    expect(typeToString(decimalLiteralType(d('10.120')))).toBe('DECIMAL(5, 3)');
  });
});
