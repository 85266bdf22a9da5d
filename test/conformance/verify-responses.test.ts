import { describe, expect, it } from 'vitest';
import { verifyResponses, type Rqtt } from '../../src/conformance/run-rest-case.js';
import type { Comparable } from '../../src/conformance/json-value.js';
import type { QttResponse } from '../../src/conformance/qtt-case.js';

const header = { header: { schema: '`ID` STRING KEY, `V` INTEGER' } };
const row = (id: string, v: number): { row: { columns: (string | number)[] } } => ({ row: { columns: [id, v] } });
const query = (...rows: object[]): Rqtt => ({ kind: 'query', rows: rows as Comparable[] });
const expected = (...rows: object[]): QttResponse => ({ kind: 'query', payload: rows } as unknown as QttResponse);

describe('REST response verification (ksqlDB RestTestExecutor semantics)', () => {
  const want = [expected(header, row('10', 1), row('11', 2))];

  it('compares query rows as a multiset unless verifyOrder is set', () => {
    const swapped = [query(header, row('11', 2), row('10', 1))];
    expect(verifyResponses(swapped, want, [])).toBeUndefined();
    expect(verifyResponses(swapped, want, [], true)).toContain('responses[0]->query[1]->row->columns');
  });

  it('still fails on a row that is not expected, on duplicates and on a wrong header', () => {
    expect(verifyResponses([query(header, row('10', 1), row('12', 2))], want, [])).toContain('any order');
    expect(verifyResponses([query(header, row('10', 1), row('10', 1))], want, [])).toBeDefined();
    const badHeader = { header: { schema: '`ID` STRING KEY' } };
    expect(verifyResponses([query(badHeader, row('10', 1), row('11', 2))], want, [])).toContain('header->schema');
    expect(verifyResponses([query(header, row('10', 1))], want, [])).toContain('expected 3 rows but got 2');
  });
});
