/** GROUP BY analysis: the errors ksqlDB gives, in the order it checks them. */
import { describe, expect, it } from 'vitest';
import { INTEGER, STRING } from '../../src/types/sql-type.js';
import { analysisError, catalogOf, runAggregate, source } from '../exec/operators/aggregate-harness.js';

const catalog = catalogOf(
  source('TEST', 'STREAM', [{ name: 'ID', type: INTEGER }], [
    { name: 'D1', type: STRING },
    { name: 'D2', type: STRING },
    { name: 'F1', type: INTEGER },
  ]),
);
const error = (sql: string): string | undefined => analysisError(sql, catalog);

describe('GROUP BY analysis', () => {
  it('lists every SELECT item that is neither grouped nor aggregated', () => {
    expect(error('SELECT d1, d2, COUNT(*) FROM test GROUP BY f1 EMIT CHANGES;')).toMatch(/^Non-aggregate SELECT expression\(s\) not part of GROUP BY: D1, D2\n/);
    expect(error('SELECT f1 * SUM(f1) FROM test GROUP BY d1 EMIT CHANGES;')).toMatch(/GROUP BY: \(F1 \* SUM\(F1\)\)/);
    expect(error('SELECT *, COUNT(*) FROM test GROUP BY id, d1 EMIT CHANGES;')).toMatch(/GROUP BY: D2, F1\n/);
    expect(error('SELECT *, COUNT(*) FROM test GROUP BY id, d1, d2, f1 EMIT CHANGES;')).toBeUndefined();
  });

  it('without GROUP BY: non-aggregate columns first, else the aggregate is named', () => {
    expect(error('SELECT d1, COUNT(*) FROM test EMIT CHANGES;')).toMatch(/^Non-aggregate SELECT expression\(s\) not part of GROUP BY: D1/);
    expect(analysisError('SELECT COUNT(*) FROM test EMIT CHANGES;', catalog, 'TABLE')).toBe(
      'CREATE TABLE AS SELECT statement does not support aggregate function [COUNT(ROWTIME)] without a GROUP BY clause.',
    );
  });

  it('reports missing aggregates and unknown functions before other rules', () => {
    expect(error('SELECT SUBSTRING(d1, 1, 2) FROM test GROUP BY d2 EMIT CHANGES;')).toBe('GROUP BY requires aggregate functions in either the SELECT or HAVING clause.');
    expect(error('SELECT d1, NO_SUCH_FN(id) FROM test GROUP BY d1 EMIT CHANGES;')).toBe("Can't find any functions with the name 'NO_SUCH_FN'");
    expect(error('SELECT SUM(COUNT()) FROM test GROUP BY d1 EMIT CHANGES;')).toBe('Aggregate functions can not be nested: SUM(COUNT())');
    expect(error('SELECT COUNT(*) FROM test GROUP BY d1, test.d1 EMIT CHANGES;')).toBe('Duplicate GROUP BY expression: TEST.D1');
  });

  it('window bounds are readable in the SELECT of a windowed aggregation only', () => {
    const w = 'FROM test WINDOW TUMBLING (SIZE 1 SECOND)';
    expect(error(`SELECT id, COUNT(*), WINDOWSTART AS ws, WINDOWEND / 2 AS we ${w} GROUP BY id EMIT CHANGES;`)).toBeUndefined();
    const bounds = /^Window bounds column WINDOW(START|END) can only be used in the SELECT clause of windowed aggregations/;
    expect(error(`SELECT id, MIN(WINDOWSTART) ${w} GROUP BY id EMIT CHANGES;`)).toMatch(bounds);
    expect(error(`SELECT id, COUNT(*) ${w} GROUP BY id, WINDOWSTART / 1000 EMIT CHANGES;`)).toMatch(bounds);
    expect(error(`SELECT id, COUNT(*) ${w} GROUP BY id HAVING WINDOWEND > 5 EMIT CHANGES;`)).toMatch(bounds);
  });

  it('a transient query aggregates without GROUP BY into one group', () => {
    const run = runAggregate('SELECT SUM(f1) AS s, COUNT(*) AS n FROM test EMIT CHANGES;', catalog);
    expect(run.push(1, [1, 'a', 'b', 2])).toEqual([[2, 1n]]);
    expect(run.push(2, [2, 'c', 'd', 3])).toEqual([[5, 2n]]);
    expect(error('SELECT d1, COUNT(*) FROM test EMIT CHANGES;')).toMatch(/^Non-aggregate SELECT expression\(s\) not part of GROUP BY: D1/);
    expect(error('SELECT EXPLODE(ARRAY[1]), COUNT(*) FROM test GROUP BY d1 EMIT CHANGES;')).toBe('Table functions cannot be used with aggregations.');
  });

  it('constant parameters of an aggregate must be literals', () => {
    expect(error('SELECT id, EARLIEST_BY_OFFSET(f1, f1) FROM test GROUP BY id EMIT CHANGES;')).toBe(
      "Parameter 2 passed to function EARLIEST_BY_OFFSET must be a literal constant, but was expression: 'F1'",
    );
    expect(error('SELECT id, EARLIEST_BY_OFFSET(f1, 2, true) FROM test GROUP BY id EMIT CHANGES;')).toBeUndefined();
  });

  it('a windowed aggregation over a join cannot read its window bounds, as in ksqlDB', () => {
    const joined = catalogOf(
      source('A', 'STREAM', [], [{ name: 'ID', type: STRING }, { name: 'COL1', type: STRING }]),
      source('B', 'TABLE', [{ name: 'ID', type: STRING }], [{ name: 'COL1', type: STRING }]),
    );
    const q = (items: string): string => `SELECT A.ID, COUNT(*)${items} FROM A JOIN B ON A.ID = B.ID WINDOW TUMBLING (SIZE 10 MILLISECONDS) GROUP BY A.ID EMIT CHANGES;`;
    expect(analysisError(q(', WINDOWSTART AS ws'), joined)).toBe("SELECT column 'WINDOWSTART' cannot be resolved.");
    expect(analysisError(q(''), joined)).toBeUndefined();
  });

  it('EMIT FINAL needs a window', () => {
    expect(error('SELECT id, COUNT(*) FROM test GROUP BY id EMIT FINAL;')).toBe('EMIT FINAL is only supported for windowed aggregations.');
  });

  it('GROUP BY ROWTIME keeps the group column apart from the row time', () => {
    expect(error('SELECT ROWTIME AS rt, COUNT(*) FROM test GROUP BY ROWTIME EMIT CHANGES;')).toBeUndefined();
  });
});
