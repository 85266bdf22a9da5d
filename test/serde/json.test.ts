import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/types/decimal.js';
import {
  array,
  BIGINT,
  BOOLEAN,
  BYTES,
  DATE,
  decimal,
  DOUBLE,
  INTEGER,
  map,
  STRING,
  struct,
  TIME,
  TIMESTAMP,
} from '../../src/types/sql-type.js';
import { SerdeError } from '../../src/serde/format.js';
import { col, serde, serdeError, text, utf8 } from './helpers.js';

const ALL_TYPES = [
  col('B', BOOLEAN),
  col('I', INTEGER),
  col('L', BIGINT),
  col('D', DOUBLE),
  col('DEC', decimal(6, 2)),
  col('S', STRING),
  col('BY', BYTES),
  col('TS', TIMESTAMP),
  col('DT', DATE),
  col('T', TIME),
  col('A', array(INTEGER)),
  col('M', map(STRING, DOUBLE)),
  col('ST', struct([{ name: 'X', type: STRING }, { name: 'Y', type: array(struct([{ name: 'Z', type: BIGINT }])) }])),
];

const ALL_VALUES = [
  true,
  -42,
  9007199254740993n,
  1.5,
  new Decimal(-123456n, 2),
  'hé "quoted"\n',
  new Uint8Array([0, 1, 254, 255]),
  1700000000123,
  19000,
  3723004,
  [1, null, 3],
  new Map<string, unknown>([
    ['a', 1.25],
    ['b', null],
  ]),
  { X: 'x', Y: [{ Z: 1234567890123456789n }, null] },
];

function decode(columns: Parameters<typeof serde>[1], json: string, options = {}): unknown[] {
  return serde('JSON', columns, options).deserialize(utf8(json));
}

function failure(columns: Parameters<typeof serde>[1], json: string, options = {}): SerdeError {
  try {
    decode(columns, json, options);
  } catch (e) {
    expect(e).toBeInstanceOf(SerdeError);
    return e as SerdeError;
  }
  throw new Error('expected deserialization to fail');
}

describe('JSON serde', () => {
  it('round-trips every type, nested ones included', () => {
    const s = serde('JSON', ALL_TYPES);
    const bytes = s.serialize(ALL_VALUES);
    expect(s.deserialize(bytes)).toEqual(ALL_VALUES);
  });

  it('writes what ksqlDB writes', () => {
    const s = serde('JSON', ALL_TYPES);
    expect(text(s.serialize(ALL_VALUES))).toBe(
      '{"B":true,"I":-42,"L":9007199254740993,"D":1.5,"DEC":-1234.56,"S":"hé \\"quoted\\"\\n","BY":"AAH+/w==",' +
        '"TS":1700000000123,"DT":19000,"T":3723004,"A":[1,null,3],"M":{"a":1.25,"b":null},' +
        '"ST":{"X":"x","Y":[{"Z":1234567890123456789},null]}}',
    );
  });

  it('formats DOUBLE like Java and DECIMAL at the column scale', () => {
    const s = serde('JSON', [col('D', DOUBLE), col('E', DOUBLE), col('F', DOUBLE), col('DEC', decimal(6, 4))]);
    expect(text(s.serialize([100, 1e10, 1e-5, new Decimal(10n, 0)]))).toBe('{"D":100.0,"E":1.0E10,"F":1.0E-5,"DEC":10.0000}');
    expect(text(s.serialize([NaN, -Infinity, null, null]))).toBe('{"D":"NaN","E":"-Infinity","F":null,"DEC":null}');
  });

  it('matches field names case-insensitively, exact names first', () => {
    const cols = [col('FOO', INTEGER), col('BAR', STRING), col('baz', STRING)];
    expect(decode(cols, '{"foo": 1, "Bar": "b", "baz": "z"}')).toEqual([1, 'b', 'z']);
    // exact "FOO" wins over "foo" whichever comes first
    expect(decode(cols, '{"FOO": 1, "foo": 2}')).toEqual([1, null, null]);
    expect(decode(cols, '{"foo": 2, "FOO": 1}')).toEqual([1, null, null]);
    // a quoted lower-case column only matches exactly
    expect(decode(cols, '{"BAZ": "z"}')).toEqual([null, null, null]);
    // `foo` feeds both `foo` (exactly) and `FOO` (by upper-casing)
    expect(decode([col('foo', STRING), col('FOO', INTEGER)], '{"foo": "7"}')).toEqual(['7', 7]);
    expect(failure([col('foo', STRING), col('FOO', INTEGER)], '{"foo": "x"}').path).toBe('$.FOO');
  });

  it('matches STRUCT fields case-insensitively and fills missing fields with null', () => {
    const t = struct([{ name: 'F', type: DOUBLE }, { name: 'G', type: STRING }]);
    expect(decode([col('K', t)], '{"f": 45.67}', { isKey: true })).toEqual([{ F: 45.67, G: null }]);
  });

  it('treats missing columns as null and skips unknown members of any shape', () => {
    expect(decode([col('A', INTEGER), col('B', STRING)], '{"X": {"deep": [1, {"y": null}]}, "A": 3, "Z": "q"}')).toEqual([3, null]);
  });

  it('keeps BIGINT digits beyond 2^53', () => {
    const s = serde('JSON', [col('L', BIGINT)], { wrapSingleValue: false });
    expect(s.deserialize(utf8('998877665544332211'))).toEqual([998877665544332211n]);
    expect(s.deserialize(utf8('-9223372036854775808'))).toEqual([-9223372036854775808n]);
    expect(text(s.serialize([998877665544332211n]))).toBe('998877665544332211');
    // larger than a long: Java keeps the low 64 bits
    expect(s.deserialize(utf8('9223372036854775808'))).toEqual([-9223372036854775808n]);
  });

  it('reads short integers on the fast path exactly as long ones', () => {
    const s = serde('JSON', [col('L', BIGINT), col('T', TIMESTAMP)]);
    const read = (json: string): unknown[] => s.deserialize(utf8(json)) as unknown[];
    expect(read('{"L": 0, "T": -0}')).toEqual([0n, 0]);
    expect(read('{"L": -123456789012345, "T": 999999999999999}')).toEqual([-123456789012345n, 999999999999999]);
    expect(read('{"L": 1234567890123456, "T": 1436918400000}')).toEqual([1234567890123456n, 1436918400000]);
    expect(read('{"L": 12.9, "T": 15e2}')).toEqual([12n, 1500]);
    expect(() => read('{"L": 012}')).toThrow(/Leading zeroes/);
    expect(() => read('{"L": -}')).toThrow(/expected digit/);
  });

  it('reads decimals exactly, pads to the scale and accepts numeric strings', () => {
    const cols = [col('DEC', decimal(21, 19))];
    expect(decode(cols, '{"DEC": 10.1234512345123451234}')).toEqual([new Decimal(101234512345123451234n, 19)]);
    const small = [col('DEC', decimal(6, 4))];
    expect(decode(small, '{"DEC": 10}')).toEqual([new Decimal(100000n, 4)]);
    expect(decode(small, '{"DEC": "0.01"}')).toEqual([new Decimal(100n, 4)]);
    expect(decode(small, '{"DEC": 1.5e1}')).toEqual([new Decimal(150000n, 4)]);
    expect(failure(small, '{"DEC": 0.00001}').message).toContain("Cannot fit decimal '0.00001' into DECIMAL(6, 4) without rounding.");
    expect(failure(small, '{"DEC": 123}').message).toContain('as it would truncate left digits to 2.');
  });

  it('coerces like ksqlDB', () => {
    const cols = [col('I', INTEGER), col('L', BIGINT), col('D', DOUBLE), col('S', STRING), col('S2', STRING), col('S3', STRING), col('S4', STRING)];
    expect(decode(cols, '{"I": "10", "L": 10.9, "D": "1.5", "S": 12, "S2": {"a": [1, 2.50]}, "S3": [1, "b", null], "S4": 1.0}')).toEqual([
      10,
      10n,
      1.5,
      '12',
      '{"a":[1,2.50]}',
      '[1, b, null]',
      '1.0',
    ]);
    expect(decode([col('A', array(STRING))], '[1, 2, 3]', { wrapSingleValue: false })).toEqual([['1', '2', '3']]);
    expect(decode([col('I', INTEGER)], '{"I": 4294967297}')).toEqual([1]); // (int) of a long
  });

  it('reports coercion failures with a JSON path', () => {
    const cols = [col('FOO', INTEGER), col('A', array(struct([{ name: 'B', type: BOOLEAN }])))];
    const e = failure(cols, '{"FOO": "abc"}', { topic: 't' });
    expect(e.message).toBe("Failed to deserialize value from topic: t. Can't coerce string to type. targetType: INTEGER, path: $.FOO");
    expect(e.path).toBe('$.FOO');
    const nested = failure(cols, '{"A": [{"B": true}, {"b": 1}]}');
    expect(nested.message).toBe("Failed to deserialize value. Can't convert type. sourceType: IntNode, requiredType: BOOLEAN, path: $.A[1].B");
    const top = failure(cols, '[1]');
    expect(top.reason).toBe("Can't convert type. sourceType: ArrayNode, requiredType: STRUCT<`FOO` INTEGER, `A` ARRAY<STRUCT<`B` BOOLEAN>>>");
    expect(failure([col('M', map(STRING, INTEGER))], '{"M": {"k": true}}').path).toBe('$.M.k.value');
  });

  it('rejects malformed documents', () => {
    const cols = [col('A', INTEGER)];
    for (const bad of ['{"A": 1', '{"A" 1}', '{A: 1}', '{"A": 01}', '{"A": 1,}', '', '{"A": "\u0001"}', '{"A": tru}']) {
      expect(() => decode(cols, bad), bad).toThrow(SerdeError);
    }
    expect(() => serde('JSON', cols).deserialize(new Uint8Array([0x7b, 0xff, 0x7d]))).toThrow(SerdeError);
    const deep = `{"X": ${'['.repeat(2000)}${']'.repeat(2000)}}`;
    expect(() => decode(cols, deep)).toThrow(/nesting depth exceeds the maximum allowed \(1000\)/);
    expect(() => decode([col('S', STRING)], deep.replace('X', 'S'))).toThrow(/nesting depth/);
    // Jackson's default: whatever follows the first value is ignored
    expect(decode(cols, '{"A": 1} trailing')).toEqual([1]);
  });

  it('decodes string escapes', () => {
    expect(decode([col('S', STRING)], '{"S": "a\\"b\\\\c\\/\\n\\u00e9\\ud83d\\ude00"}')).toEqual(['a"b\\c/\né😀']);
  });

  it('gives a row of nulls for a tombstone and for a JSON null', () => {
    const s = serde('JSON', [col('A', INTEGER), col('B', STRING)]);
    expect(s.deserialize(null)).toEqual([null, null]);
    expect(s.deserialize(utf8('null'))).toEqual([null, null]);
    expect(text(s.serialize([null, null]))).toBe('{"A":null,"B":null}');
  });

  it('unwraps single values when asked, and always for keys', () => {
    const wrapped = serde('JSON', [col('V', BOOLEAN)]);
    expect(text(wrapped.serialize([true]))).toBe('{"V":true}');
    const bare = serde('JSON', [col('V', BOOLEAN)], { wrapSingleValue: false });
    expect(text(bare.serialize([true]))).toBe('true');
    expect(bare.serialize([null])).toBeNull();
    expect(bare.deserialize(utf8('false'))).toEqual([false]);
    expect(bare.deserialize(utf8('null'))).toEqual([null]);
    const key = serde('JSON', [col('K', STRING)], { isKey: true });
    expect(text(key.serialize(['Hey']))).toBe('"Hey"');
    expect(key.deserialize(utf8('"Hey"'))).toEqual(['Hey']);
    expect(key.deserialize(null)).toEqual([null]);
    const multiKey = serde('JSON', [col('K', INTEGER), col('K2', INTEGER)], { isKey: true });
    expect(text(multiKey.serialize([null, 2]))).toBe('{"K":null,"K2":2}');
  });

  it('has no key at all for a keyless source', () => {
    const s = serde('JSON', [], { isKey: true });
    expect(s.serialize([])).toBeNull();
    expect(s.deserialize(utf8('anything'))).toEqual([]);
  });

  it('validates the schema up front', () => {
    expect(serdeError('JSON', [col('M', map(INTEGER, DOUBLE))])).toBe('JSON only supports MAP types with STRING keys');
    expect(serdeError('JSON', [col('K', array(map(STRING, DOUBLE)))], { isKey: true })).toContain(
      'Key column name: `K`. Column type: ARRAY<MAP<STRING, DOUBLE>>.',
    );
    expect(serdeError('JSON', [col('A', INTEGER), col('B', INTEGER)], { wrapSingleValue: false })).toBe(
      "'WRAP_SINGLE_VALUE' is only valid for single-field value schemas",
    );
    expect(serdeError('JSON', [col('A', INTEGER)], { delimiter: '|' })).toBe('JSON does not support the following configs: [delimiter]');
  });
});
