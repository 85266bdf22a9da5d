import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/types/decimal.js';
import { decimal } from '../../src/types/sql-type.js';
import { fitDecimal, parseDecimalText, rescaleDecimal, type DecimalType } from '../../src/serde/decimal-fit.js';

const D = (p: number, s: number): DecimalType => decimal(p, s) as DecimalType;

describe('decimal fitting', () => {
  it('parses BigDecimal literals', () => {
    expect(parseDecimalText('-12.340')).toEqual(new Decimal(-12340n, 3));
    expect(parseDecimalText('.5')).toEqual(new Decimal(5n, 1));
    expect(parseDecimalText('1.')).toEqual(new Decimal(1n, 0));
    expect(parseDecimalText('1E+3')).toEqual(new Decimal(1n, -3));
    expect(parseDecimalText('12e-2')).toEqual(new Decimal(12n, 2));
    expect(parseDecimalText('')).toBeUndefined();
    expect(parseDecimalText('.')).toBeUndefined();
    expect(parseDecimalText('1e99999')).toBeUndefined();
    expect(parseDecimalText('1,5')).toBeUndefined();
  });

  it('rescales exactly or explains why not', () => {
    expect(fitDecimal(new Decimal(1n, 1), D(6, 4))).toEqual(new Decimal(1000n, 4));
    expect(fitDecimal(new Decimal(1n, -3), D(6, 2))).toEqual(new Decimal(100000n, 2));
    expect(fitDecimal(new Decimal(12300n, 4), D(4, 2))).toEqual(new Decimal(123n, 2));
    expect(fitDecimal(new Decimal(0n, 0), D(2, 2))).toEqual(new Decimal(0n, 2));
    expect(fitDecimal(new Decimal(12345n, 4), D(4, 2))).toBe("Cannot fit decimal '1.2345' into DECIMAL(4, 2) without rounding.");
    expect(fitDecimal(new Decimal(1000n, 0), D(4, 2))).toBe("Cannot fit decimal '1000' into DECIMAL(4, 2) as it would truncate left digits to 2.");
    expect(fitDecimal(new Decimal(-99n, 0), D(4, 2))).toEqual(new Decimal(-9900n, 2));
  });

  it('rounds half away from zero when writing a value with extra digits', () => {
    expect(rescaleDecimal(new Decimal(12345n, 3), 2)).toEqual(new Decimal(1235n, 2));
    expect(rescaleDecimal(new Decimal(-12345n, 3), 2)).toEqual(new Decimal(-1235n, 2));
    expect(rescaleDecimal(new Decimal(5n, 0), 2)).toEqual(new Decimal(500n, 2));
  });
});
