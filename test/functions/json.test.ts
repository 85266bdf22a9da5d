import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/types/decimal.js';
import { array, BIGINT, BOOLEAN, BYTES, DATE, decimal, DOUBLE, INTEGER, map, STRING, struct, TIME, TIMESTAMP } from '../../src/types/sql-type.js';
import { callFn } from './call.js';

const s = (v: string | null): [typeof STRING, string | null] => [STRING, v];
const value = (name: string, args: Parameters<typeof callFn>[1]): unknown => callFn(name, args).value;

describe('EXTRACTJSONFIELD', () => {
  const x = (json: string, path: string): unknown => value('EXTRACTJSONFIELD', [s(json), s(path)]);

  it('extracts fields and array elements as text (ksqlDB QTT)', () => {
    expect(x('{"name": "cdc", "version": "1", "@type": "UDF"}', '$.@type')).toBe('UDF');
    expect(x('{"name": "cdd", "version": "2"}}', '$.version')).toBe('2');
    expect(x('{"array": [1, 2, 3]}', '$.array[0]')).toBe('1');
    expect(x('{"array": [1.23450]}', '$.array[0]')).toBe('1.23450');
    expect(x('{"array": [1.23450]}', '$.array[1]')).toBeNull();
    expect(x('{"a": {"b": [true, {"c": null}]}}', '$.a.b[1]')).toBe('{"c":null}');
    expect(x('{"a b": {"\\"q": "v"}}', '$["a b"]["\\"q"]')).toBe('v');
    expect(x('{"a": 1}', '$.missing')).toBeNull();
  });

  it('fails on a bad path or bad JSON', () => {
    expect(() => x('{"array": [1]}', '$.array[-1]')).toThrow(/Invalid JSON path/);
    expect(() => x('{}', 'a.b')).toThrow(/Invalid JSON path: 'a.b'/);
    expect(() => x('{"a": ', '$.a')).toThrow(/Invalid JSON format/);
  });
});

describe('IS_JSON_STRING / JSON_ARRAY_LENGTH / JSON_KEYS / JSON_RECORDS / JSON_ITEMS', () => {
  it('follow the ksqlDB docs examples', () => {
    const ok = (t: string | null): unknown => value('IS_JSON_STRING', [s(t)]);
    expect([ok('[1, 2, 3]'), ok('{}'), ok('1'), ok('"abc"'), ok('null')]).toEqual([true, true, true, true, true]);
    expect([ok(''), ok('abc'), ok(null), ok('01'), ok('[1,')]).toEqual([false, false, false, false, false]);

    const len = (t: string): unknown => value('JSON_ARRAY_LENGTH', [s(t)]);
    expect([len('[1, [1, [2]], 3]'), len('[]'), len('{}'), len('123'), len('')]).toEqual([3, 0, null, null, null]);
    expect(() => len('abc')).toThrow(/Invalid JSON format/);

    expect(value('JSON_KEYS', [s('{"a": "abc", "b": { "c": "a" }, "d": 1, "1": 0}')])).toEqual(['a', 'b', 'd', '1']);
    expect(value('JSON_KEYS', [s('[]')])).toBeNull();
    expect(value('JSON_RECORDS', [s('{"a": "abc", "b": { "c": "a" }, "d": 1}')])).toEqual(new Map([['a', 'abc'], ['b', '{"c":"a"}'], ['d', '1']]));
    expect(value('JSON_RECORDS', [s('{}')])).toEqual(new Map());
    expect(value('JSON_ITEMS', [s('[{"type": "A"}, 2, "x"]')])).toEqual(['{"type":"A"}', '2', '"x"']);
  });
});

describe('JSON_ARRAY_CONTAINS', () => {
  it('matches elements of the same JSON kind (ksqlDB QTT and docs)', () => {
    const c = (json: string | null, v: Parameters<typeof callFn>[1][number]): unknown => value('JSON_ARRAY_CONTAINS', [s(json), v]);
    expect(c('["Pink", "Yellow", "Pink"]', s('Pink'))).toBe(true);
    expect(c('["Red", "Green"]', s('Pink'))).toBe(false);
    expect(c('[1, 2, 3]', [INTEGER, 3])).toBe(true);
    expect(c('[1, 2, 3]', [BIGINT, 3n])).toBe(true);
    expect(c('[1.0, 2]', [DOUBLE, 1])).toBe(true);
    expect(c('[1.0, 2]', [INTEGER, 1])).toBe(false);
    expect(c('[[3]]', [INTEGER, 3])).toBe(false);
    expect(c('[false]', [BOOLEAN, false])).toBe(true);
    expect(c('["Pink", null]', [null, null])).toBe(true);
    expect(c('{"a": 1}', [INTEGER, 1])).toBe(false);
    expect(c('not json', [INTEGER, 1])).toBe(false);
    expect(c(null, [INTEGER, 1])).toBeNull();
  });
});

describe('JSON_CONCAT', () => {
  it('merges objects and concatenates arrays (ksqlDB QTT)', () => {
    const cat = (...xs: (string | null)[]): unknown => value('JSON_CONCAT', xs.map(s));
    expect(cat('{"a": 1}', '{"b": 2}')).toBe('{"a":1,"b":2}');
    expect(cat('{"a": {"5": 6}}', '{"a": {"3": 4}}', '{"a": {"7": 8}}')).toBe('{"a":{"7":8}}');
    expect(cat('[1, 2]', '[3, 4]')).toBe('[1,2,3,4]');
    expect(cat('null', 'null')).toBe('[null,null]');
    expect(cat('[1, 2]', '{"a": 1}', '4')).toBe('[1,2,{"a":1},4]');
    expect(cat('[1, [2]]', '[[[3]], [[[4]]]]')).toBe('[1,[2],[[3]],[[[4]]]]');
    expect(cat('1', '')).toBeNull();
    expect(cat(null, '[1]')).toBeNull();
    expect(() => cat('abc', '[1]')).toThrow(/Invalid JSON format/);
  });
});

describe('TO_JSON_STRING', () => {
  it('writes every type as ksqlDB does (QTT)', () => {
    const j = (t: Parameters<typeof callFn>[1][number]): unknown => value('TO_JSON_STRING', [t]);
    expect(j([INTEGER, 1])).toBe('1');
    expect(j([INTEGER, null])).toBe('null');
    expect(j([null, null])).toBe('null');
    expect(j([STRING, 'a"b'])).toBe('"a\\"b"');
    expect(j([BOOLEAN, true])).toBe('true');
    expect(j([BIGINT, 123n])).toBe('123');
    expect(j([DOUBLE, 123.456])).toBe('123.456');
    expect(j([DOUBLE, 1e7])).toBe('1.0E7');
    expect(j([decimal(6, 3), Decimal.parse('123.456')!])).toBe('123.456');
    expect(j([BYTES, Uint8Array.from([0x21])])).toBe('"IQ=="');
    expect(j([TIME, 60220000])).toBe('"16:43:40"');
    expect(j([DATE, 1000])).toBe('"1972-09-27"');
    expect(j([TIMESTAMP, 60220000000])).toBe('"1971-11-28T23:46:40.000"');
    expect(j([array(INTEGER), [1, null, 3]])).toBe('[1,null,3]');
    expect(j([struct([{ name: 'NAME', type: STRING }, { name: 'ID', type: INTEGER }]), { NAME: 'Alice', ID: 1 }])).toBe('{"ID":1,"NAME":"Alice"}');
    expect(j([map(STRING, array(INTEGER)), new Map([['z', [1]], ['id', [1, 2, 3]]])])).toBe('{"id":[1,2,3],"z":[1]}');
  });
});
