/** Decoding stored records into rows: records a table cannot hold are dropped. */
import { describe, expect, it } from 'vitest';
import type { SourceDef } from '../../../src/analyze/catalog.js';
import { createRowDecoder } from '../../../src/exec/source/row-decoder.js';
import type { StoredRecord } from '../../../src/store/topic-store.js';
import { BIGINT, STRING } from '../../../src/types/sql-type.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const record = (offset: number, key: string | null, value: string): StoredRecord => ({
  partition: 0,
  offset,
  timestamp: 0,
  key: key === null ? null : utf8(key),
  value: utf8(value),
  headers: [],
});

function source(kind: SourceDef['kind']): SourceDef {
  return {
    name: 'S',
    kind,
    keyColumns: [{ name: 'K', type: STRING }],
    valueColumns: [{ name: 'ID', type: BIGINT }],
    topic: 's',
    keyFormat: 'KAFKA',
    valueFormat: 'DELIMITED',
    isSource: false,
    statementText: '',
  };
}

describe('row decoder', () => {
  const records = [record(0, '1', '1'), record(1, null, '2'), record(2, '1', '3')];

  it('drops a table record without a key, with no error', () => {
    const errors: unknown[] = [];
    const rows = createRowDecoder(source('TABLE')).decode(records, (e) => errors.push(e));
    expect(rows.map((r) => [r[0], r[1]])).toEqual([['1', 1n], ['1', 3n]]);
    expect(errors).toEqual([]);
  });

  it('keeps a stream record without a key as a row with a NULL key', () => {
    const rows = createRowDecoder(source('STREAM')).decode(records, () => undefined);
    expect(rows.map((r) => [r[0], r[1]])).toEqual([['1', 1n], [null, 2n], ['1', 3n]]);
  });
});
