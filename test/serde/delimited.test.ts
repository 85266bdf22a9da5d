import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/types/decimal.js';
import { array, BIGINT, BOOLEAN, BYTES, DATE, decimal, DOUBLE, INTEGER, map, STRING, struct, TIME, TIMESTAMP } from '../../src/types/sql-type.js';
import { parseDelimiterProperty, SerdeError } from '../../src/serde/format.js';
import { col, serde, serdeError, text, utf8 } from './helpers.js';

const ALL_TYPES = [
  col('B', BOOLEAN),
  col('I', INTEGER),
  col('L', BIGINT),
  col('D', DOUBLE),
  col('DEC', decimal(33, 16)),
  col('S', STRING),
  col('BY', BYTES),
  col('TS', TIMESTAMP),
  col('DT', DATE),
  col('T', TIME),
];

describe('DELIMITED serde', () => {
  it('round-trips every primitive type and nulls', () => {
    const s = serde('DELIMITED', ALL_TYPES);
    const values = [
      false,
      -7,
      998877665544332211n,
      2.5e-9,
      new Decimal(123456789876543212345678987654321n, 16),
      'a, "b"\nc',
      new Uint8Array([33]),
      1700000000123,
      19000,
      3723004,
    ];
    expect(s.deserialize(s.serialize(values))).toEqual(values);
    const nulls = ALL_TYPES.map(() => null);
    expect(text(s.serialize(nulls))).toBe(',,,,,,,,,');
    expect(s.deserialize(s.serialize(nulls))).toEqual(nulls);
  });

  it('writes what ksqlDB writes', () => {
    const s = serde('DELIMITED', [col('ID', BIGINT), col('NAME', STRING), col('V', INTEGER), col('D', DOUBLE), col('BY', BYTES)]);
    expect(text(s.serialize([0n, 'zero', 0, 0, new Uint8Array([33])]))).toBe('0,zero,0,0.0,IQ==');
    expect(text(s.serialize([1n, '!', -1, 4.9e-324, null]))).toBe('1,"!",-1,4.9E-324,');
    expect(text(s.serialize([1n, ' padded ', 1, 1.7976931348623157e308, null]))).toBe('1," padded ",1,1.7976931348623157E308,');
    // Commons CSV quotes a record's first field unless it starts with a letter or digit.
    const dec = serde('DELIMITED', [col('V', decimal(33, 16))]);
    expect(text(dec.serialize([new Decimal(-123451200000000000000n, 16)]))).toBe('"-12345.1200000000000000"');
    expect(text(dec.serialize([new Decimal(1200000000000000n, 16)]))).toBe('0.1200000000000000');
  });

  it('reads quoted fields, padded decimals and lenient booleans', () => {
    const s = serde('DELIMITED', [col('V', decimal(33, 16))]);
    expect(s.deserialize(utf8('"-12345.12"'))).toEqual([new Decimal(-123451200000000000000n, 16)]);
    expect(s.deserialize(utf8('.12'))).toEqual([new Decimal(1200000000000000n, 16)]);
    const b = serde('DELIMITED', [col('K', BOOLEAN)], { isKey: true });
    expect(b.deserialize(utf8('"true"'))).toEqual([true]);
    expect(b.deserialize(utf8('TRUE'))).toEqual([true]);
    expect(b.deserialize(utf8('yes'))).toEqual([false]);
    const multi = serde('DELIMITED', [col('K1', STRING), col('K2', STRING)], { isKey: true });
    expect(multi.deserialize(utf8('"foo","bar"'))).toEqual(['foo', 'bar']);
    expect(multi.deserialize(utf8('"a""b" ,c\r\nignored,line'))).toEqual(['a"b', 'c']);
  });

  it('uses the configured delimiter', () => {
    const s = serde('DELIMITED', [col('K1', STRING), col('K2', STRING)], { isKey: true, delimiter: ';' });
    expect(s.deserialize(utf8('foo,bar;baz'))).toEqual(['foo,bar', 'baz']);
    const tab = serde('DELIMITED', [col('A', BIGINT), col('B', STRING)], { delimiter: 'TAB' });
    expect(text(tab.serialize([100n, 'x y']))).toBe('100\tx y');
    const space = serde('DELIMITED', [col('A', BIGINT), col('B', STRING)], { delimiter: 'SPACE' });
    expect(text(space.serialize([100n, 'x y']))).toBe('100 "x y"');
    expect(space.deserialize(utf8('0 zero'))).toEqual([0n, 'zero']);
  });

  it('validates delimiter properties as ksqlDB does', () => {
    expect(parseDelimiterProperty('|')).toBe('|');
    expect(parseDelimiterProperty('TAB')).toBe('\t');
    expect(parseDelimiterProperty('SPACE')).toBe(' ');
    expect(parseDelimiterProperty('<~>')).toEqual({ error: "Invalid delimiter value: '<~>'. Delimiter must be a single character or TAB,SPACE" });
    expect(parseDelimiterProperty(' ')).toEqual({ error: expect.stringContaining('Delimiter cannot be empty') });
    expect(parseDelimiterProperty('')).toEqual({ error: expect.stringContaining('Delimiter cannot be empty') });
    expect(serdeError('DELIMITED', [col('A', INTEGER)], { delimiter: 'ab' })).toContain('Invalid delimiter value');
  });

  it('rejects bad input with a clear message', () => {
    const s = serde('DELIMITED', [col('ID', BIGINT), col('V', INTEGER)], { topic: 'test_topic' });
    const failure = (input: string): string => {
      try {
        s.deserialize(utf8(input));
      } catch (e) {
        expect(e).toBeInstanceOf(SerdeError);
        return (e as SerdeError).message;
      }
      throw new Error(`expected ${input} to fail`);
    };
    expect(failure('1,2,3')).toBe('Failed to deserialize value from topic: test_topic. Unexpected field count, csvFields:3 schemaFields:2');
    expect(failure('1,abc')).toBe("Failed to deserialize value from topic: test_topic. Can't coerce 'abc' to type INTEGER, column: `V`");
    expect(failure('1,9999999999')).toContain('column: `V`');
    expect(failure('"1,2')).toContain('EOF reached before encapsulated token finished');
    expect(failure('"1"x,2')).toContain('invalid char between encapsulated token and delimiter');
    expect(failure('')).toContain('No fields in record');
    const dec = serde('DELIMITED', [col('V', decimal(4, 2))]);
    expect(() => dec.deserialize(utf8('1.234'))).toThrow("Cannot fit decimal '1.234' into DECIMAL(4, 2) without rounding.");
  });

  it('reads an empty single field, and empty bytes for one column, as null', () => {
    const s = serde('DELIMITED', [col('V', STRING)]);
    expect(text(s.serialize([null]))).toBe('');
    expect(s.deserialize(s.serialize([null]))).toEqual([null]);
    expect(text(s.serialize(['']))).toBe('""');
    expect(s.deserialize(utf8('""'))).toEqual([null]);
    expect(s.deserialize(null)).toEqual([null]);
  });

  it('supports primitives only', () => {
    expect(serdeError('DELIMITED', [col('K', array(DOUBLE))], { isKey: true })).toBe("The 'DELIMITED' format does not support type 'ARRAY', column: `K`");
    expect(serdeError('DELIMITED', [col('V', struct([{ name: 'F', type: DOUBLE }]))])).toContain("The 'DELIMITED' format does not support type 'STRUCT'");
    expect(serdeError('DELIMITED', [col('V', map(STRING, DOUBLE))])).toContain("does not support type 'MAP'");
    expect(serdeError('DELIMITED', [col('K', map(STRING, DOUBLE))], { isKey: true })).toMatch(/^Map keys/);
    expect(serdeError('DELIMITED', [col('V', INTEGER)], { wrapSingleValue: true })).toBe(
      "Format 'DELIMITED' does not support 'WRAP_SINGLE_VALUE' set to 'true'.",
    );
  });

  it('has no key at all for a keyless source', () => {
    const s = serde('DELIMITED', [], { isKey: true });
    expect(s.serialize([])).toBeNull();
    expect(s.deserialize(utf8('x'))).toEqual([]);
  });
});
