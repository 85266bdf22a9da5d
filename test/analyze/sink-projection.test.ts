/** The checks a CREATE ... AS SELECT makes of its projection's key and value columns. */
import { describe, expect, it } from 'vitest';
import { analyzeCreateAsSelect } from '../../src/analyze/create-as-select.js';
import { parseStatements } from '../../src/sql/parse.js';
import { INTEGER, STRING } from '../../src/types/sql-type.js';
import { catalogOf, source } from '../exec/operators/aggregate-harness.js';

const catalog = catalogOf(
  source('TEST', 'STREAM', [{ name: 'ID', type: INTEGER }], [
    { name: 'F1', type: INTEGER },
    { name: 'F2', type: INTEGER },
    { name: 'NAME', type: STRING },
  ]),
  { ...source('WT', 'TABLE', [{ name: 'K', type: STRING }], [{ name: 'X', type: INTEGER }]), windowType: 'SESSION' },
);

function sinkError(sql: string): string | undefined {
  const st = parseStatements(sql).statements[0]!.statement;
  if (st.kind !== 'CreateAsSelect') throw new Error(`not a CREATE ... AS SELECT: ${st.kind}`);
  try {
    analyzeCreateAsSelect(st, catalog, sql);
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

describe('sink projection checks', () => {
  it('names only the grouping expressions missing from the projection', () => {
    expect(sinkError('CREATE TABLE o AS SELECT f2, COUNT(*) FROM test GROUP BY f1, f2;')).toContain(
      'must include the grouping expression F1 in its projection (eg, SELECT F1...).',
    );
    expect(sinkError('CREATE TABLE o AS SELECT COUNT(*) FROM test GROUP BY f1, f2, name;')).toContain(
      'must include the grouping expressions F1, F2 and NAME in its projection (eg, SELECT F1, F2, NAME...).',
    );
  });

  it('rejects a grouping expression projected twice', () => {
    expect(sinkError('CREATE TABLE o AS SELECT name, name AS n2, COUNT(1) FROM test GROUP BY name;')).toBe(
      'The projection contains a key column more than once: `NAME` and `N2`.',
    );
    expect(sinkError('CREATE TABLE o AS SELECT f1, f2, f1 AS f3, COUNT(*) FROM test GROUP BY f1, f2;')).toBe(
      'The projection contains a key column more than once: `F1` and `F3`.',
    );
  });

  it('runs no persistent query over a windowed table', () => {
    expect(sinkError('CREATE TABLE o AS SELECT * FROM wt;')).toBe('KSQL does not support persistent queries on windowed tables.');
  });

  it('rejects a projection of key columns only', () => {
    expect(sinkError('CREATE TABLE o AS SELECT name FROM test GROUP BY name HAVING COUNT(name) = 1;')).toBe('The projection contains no value columns.');
    expect(sinkError('CREATE STREAM o AS SELECT id FROM test;')).toBe('The projection contains no value columns.');
    expect(sinkError('CREATE TABLE o AS SELECT name, COUNT(*) AS c FROM test GROUP BY name;')).toBeUndefined();
  });
});
