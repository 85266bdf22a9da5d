import { describe, expect, it } from 'vitest';
import type { CatalogReader } from '../../src/analyze/catalog.js';
import { firstDifference, jsonToEngineValue } from '../../src/conformance/json-value.js';
import { parseQttFile } from '../../src/conformance/qtt-case.js';
import { topicCodec } from '../../src/conformance/record-codec.js';
import { parseSchemaText, schemaToText } from '../../src/conformance/schema-text.js';
import { skipReason } from '../../src/conformance/skip-rules.js';
import { verifyOutputs } from '../../src/conformance/verify-outputs.js';
import type { StoredRecord } from '../../src/store/topic-store.js';
import { BIGINT, decimal } from '../../src/types/sql-type.js';

const noSources: CatalogReader = { getSource: () => undefined, listSources: () => [] };
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const rec = (partition: number, offset: number, key: string, value: unknown): StoredRecord => ({
  partition,
  offset,
  timestamp: 0,
  key: utf8(key),
  value: utf8(JSON.stringify(value)),
  headers: [],
});

describe('json values', () => {
  it('compares numbers by value, objects by exact field sets', () => {
    expect(firstDifference(1, 1.0)).toBeUndefined();
    expect(firstDifference(10n, 10)).toBeUndefined();
    expect(firstDifference({ A: 1 }, { A: 1, B: null })).toContain('missing B');
    expect(firstDifference([1, 2], [1, 3])).toBe('$[1]: expected 3 but got 2');
    expect(firstDifference('1', 1)).toBeDefined();
    // An expected decimal written as a string matches the number (QTT's BigDecimal comparison).
    expect(firstDifference(3.4, '3.40')).toBeUndefined();
    expect(firstDifference(3.5, '3.40')).toBeDefined();
    expect(firstDifference(3, '3')).toBeDefined();
  });

  it('finds an expected field as written or upper-cased, as QTT does, and counts fields', () => {
    expect(firstDifference({ JSON_V: '1' }, { json_v: '1' })).toBeUndefined();
    expect(firstDifference({ JSON_V: '2' }, { json_v: '1' })).toContain('$.json_v');
    expect(firstDifference({ json: 1, JSON: 2 }, { json: 1 })).toContain('unexpected JSON');
    // A field found neither way reads as NULL, as in QTT.
    expect(firstDifference({ KSQL_COL_0: null }, { KQL_COL_0: null })).toBeUndefined();
    expect(firstDifference({ Json: 1 }, { json: 1 })).toBe('$.json: expected 1 but got null');
  });

  it('reads QTT JSON as typed engine values', () => {
    expect(jsonToEngineValue(5, BIGINT)).toBe(5n);
    expect(() => jsonToEngineValue('x', BIGINT)).toThrow();
    expect(String(jsonToEngineValue(1.5, decimal(4, 1)))).toBe('1.5');
  });
});

describe('schema text', () => {
  it('canonicalises aliases, quoting and markers', () => {
    const s = parseSchemaText('id INT KEY, `v` STRUCT<F1 VARCHAR, `g` DECIMAL(4,2)>, H ARRAY<BYTES> HEADERS, m MAP<STRING, INT>');
    expect('error' in s ? s.error : schemaToText(s)).toBe(
      '`ID` INTEGER KEY, `v` STRUCT<`F1` STRING, `g` DECIMAL(4, 2)>, `H` ARRAY<BYTES>, `M` MAP<STRING, INTEGER>',
    );
    expect(parseSchemaText('A INT KEY; DROP')).toHaveProperty('error');
  });
});

describe('case expansion and skips', () => {
  it('expands the format matrix and skips schema-registry formats', () => {
    const file = parseQttFile(
      'f.json',
      `{tests: [{name: "n", format: ["JSON", "AVRO"], statements: ["CREATE STREAM S (A INT) WITH (kafka_topic='t', value_format='{FORMAT}');"]}]}`,
      false,
    );
    expect(file.cases.map((c) => c.name)).toEqual(['n - JSON', 'n - AVRO']);
    expect(file.cases.map(skipReason)).toEqual([undefined, 'format: AVRO']);
  });
});

describe('record codec', () => {
  it('round-trips windowed keys in the Kafka Streams layout', () => {
    const codec = topicCodec('t', noSources, [{ name: 't', keyFormat: 'DELIMITED', valueFormat: 'JSON' }]);
    const session = codec.encode({ topic: 't', key: 'k', value: { A: 1 }, window: { start: 10, end: 20, type: 'session' } });
    const stored: StoredRecord = { partition: 0, offset: 0, timestamp: 0, key: session.key, value: session.value, headers: [] };
    expect(codec.decode(stored, 'SESSION')).toMatchObject({ key: 'k', value: { A: 1 }, window: { start: 10, end: 20 } });
    const time = codec.encode({ topic: 't', key: 'k', value: null, window: { start: 7, type: 'time' } });
    expect(codec.decode({ ...stored, key: time.key, value: null }, 'time')).toMatchObject({ key: 'k', value: null, window: { start: 7 } });
  });
});

describe('output verification', () => {
  const declared = [{ name: 'o', keyFormat: 'DELIMITED', valueFormat: 'JSON' }];
  const read = (parts: StoredRecord[][]) => async (topic: string) => (topic === 'o' ? parts : undefined);
  const expected = [
    { topic: 'o', key: 'a', value: { V: 1 } },
    { topic: 'o', key: 'b', value: { V: 2 } },
    { topic: 'o', key: 'a', value: { V: 3 } },
  ];

  it('accepts any interleaving of ordered partitions', async () => {
    const parts = [[rec(0, 0, 'a', { V: 1 }), rec(0, 1, 'a', { V: 3 })], [rec(1, 0, 'b', { V: 2 })]];
    expect(await verifyOutputs(expected, read(parts), noSources, declared)).toBeUndefined();
  });

  it('rejects reordering within a partition, extra records and a missing topic', async () => {
    const swapped = [[rec(0, 0, 'a', { V: 3 }), rec(0, 1, 'a', { V: 1 })], [rec(1, 0, 'b', { V: 2 })]];
    expect(await verifyOutputs(expected, read(swapped), noSources, declared)).toContain('o record 0');
    const extra = [[rec(0, 0, 'a', { V: 1 }), rec(0, 1, 'a', { V: 3 }), rec(0, 2, 'z', {})], [rec(1, 0, 'b', { V: 2 })]];
    expect(await verifyOutputs(expected, read(extra), noSources, declared)).toContain('1 unexpected extra record');
    expect(await verifyOutputs([{ topic: 'x', key: null, value: null }], read([]), noSources, declared)).toBe('output topic x does not exist');
  });
});
