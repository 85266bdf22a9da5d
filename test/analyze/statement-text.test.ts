/** The sanitized statement text ksqlDB shows after "Statement:" in planning errors. */
import { describe, expect, it } from 'vitest';
import { analyzeCreateAsSelect } from '../../src/analyze/create-as-select.js';
import { sanitizedStatementText } from '../../src/analyze/statement-text.js';
import { parseStatements } from '../../src/sql/parse.js';
import { array, INTEGER } from '../../src/types/sql-type.js';
import { catalogOf, source } from '../exec/operators/aggregate-harness.js';

const catalog = catalogOf(
  source('TEST', 'STREAM', [{ name: 'F1', type: INTEGER }], [
    { name: 'F2', type: INTEGER },
    { name: 'XS', type: array(INTEGER) },
  ]),
);

function text(sql: string): string {
  const st = parseStatements(sql).statements[0]!.statement;
  if (st.kind !== 'CreateAsSelect') throw new Error(`not a CREATE ... AS SELECT: ${st.kind}`);
  return sanitizedStatementText(st, analyzeCreateAsSelect(st, catalog, sql).query);
}

describe('sanitized statement text', () => {
  it('qualifies columns, names every item and adds EMIT CHANGES, in SqlFormatter layout', () => {
    expect(text('CREATE TABLE OUTPUT AS SELECT f2, f1, f2+f1, COUNT(*) FROM TEST GROUP BY f1, f2;')).toBe(
      'CREATE TABLE OUTPUT AS SELECT\n  TEST.F2 F2,\n  TEST.F1 F1,\n  (TEST.F2 + TEST.F1) KSQL_COL_0,\n  COUNT(*) KSQL_COL_1\nFROM TEST TEST\nGROUP BY TEST.F1, TEST.F2\nEMIT CHANGES',
    );
    expect(text("CREATE TABLE OUTPUT WITH (KEY_FORMAT='KAFKA') AS SELECT f1 AS k1, COUNT(*) AS total FROM TEST t GROUP BY f1;")).toBe(
      "CREATE TABLE OUTPUT WITH (KEY_FORMAT='KAFKA') AS SELECT\n  T.F1 K1,\n  COUNT(*) TOTAL\nFROM TEST T\nGROUP BY T.F1\nEMIT CHANGES",
    );
  });

  it('leaves lambda parameters unqualified and prints windows, filters and HAVING', () => {
    expect(
      text('CREATE TABLE o AS SELECT f1, COUNT(*) AS n FROM test WINDOW TUMBLING (SIZE 2 MINUTES) WHERE f2 > 0 GROUP BY f1 HAVING COUNT(*) > 1;'),
    ).toBe('CREATE TABLE O AS SELECT\n  TEST.F1 F1,\n  COUNT(*) N\nFROM TEST TEST\nWINDOW TUMBLING ( SIZE 2 MINUTES )\nWHERE (TEST.F2 > 0)\nGROUP BY TEST.F1\nHAVING (COUNT(*) > 1)\nEMIT CHANGES');
    expect(text('CREATE STREAM o AS SELECT f1, TRANSFORM(xs, x => x + f2) AS ys FROM test;')).toContain('TRANSFORM(TEST.XS, (X) => (X + TEST.F2)) YS');
  });
});
