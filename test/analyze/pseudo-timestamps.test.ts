/** ksqlDB's datetime text compared with ROWTIME / WINDOWSTART / WINDOWEND in WHERE. */
import { describe, expect, it } from 'vitest';
import { partialDatetimeMs, pseudoTimestampLiterals } from '../../src/analyze/pseudo-timestamps.js';
import { parseStatements } from '../../src/sql/parse.js';
import { engineFixture, executeOk, rowsOf } from '../helpers/engine.js';

describe('partialDatetimeMs', () => {
  it('fills the missing parts of a partial datetime with their start, in UTC', () => {
    expect(partialDatetimeMs('2018')).toBe(Date.UTC(2018, 0, 1));
    expect(partialDatetimeMs('2018-01-01T00:00:00.001')).toBe(1514764800001);
    expect(partialDatetimeMs('2020-02-23T23:45')).toBe(Date.UTC(2020, 1, 23, 23, 45));
    expect(partialDatetimeMs('2020-02-23T24')).toBe(Date.UTC(2020, 1, 24));
  });

  it('applies a numeric zone', () => {
    expect(partialDatetimeMs('2019-01-01T00:00:00+0445')).toBe(Date.UTC(2019, 0, 1) - (4 * 60 + 45) * 60_000);
    expect(partialDatetimeMs('2019-01-01T00:00:00-01:00')).toBe(Date.UTC(2019, 0, 1, 1));
    expect(partialDatetimeMs('2019-01-01T00:00:00Z')).toBe(Date.UTC(2019, 0, 1));
  });

  it('is undefined for text that is no datetime', () => {
    expect(partialDatetimeMs('yesterday')).toBeUndefined();
    expect(partialDatetimeMs('18-01-01')).toBeUndefined();
  });
});

function whereOf(sql: string): unknown {
  const { statements } = parseStatements(sql);
  const stmt = statements[0]!.statement;
  if (stmt.kind !== 'Query' || !stmt.where) throw new Error('not a query with WHERE');
  return pseudoTimestampLiterals(stmt.where);
}

describe('pseudoTimestampLiterals', () => {
  it('turns datetime text compared with a time pseudo column into epoch ms', () => {
    expect(whereOf("SELECT * FROM s WHERE ROWTIME >= '2018' EMIT CHANGES;")).toMatchObject({ right: { kind: 'IntegerLiteral', text: '1514764800000' } });
    expect(whereOf("SELECT * FROM s WHERE '2018' < s.WINDOWEND EMIT CHANGES;")).toMatchObject({ left: { kind: 'IntegerLiteral', text: '1514764800000' } });
    expect(whereOf("SELECT * FROM s WHERE WINDOWSTART BETWEEN '2018' AND '2019' EMIT CHANGES;")).toMatchObject({
      low: { kind: 'IntegerLiteral', text: '1514764800000' },
      high: { kind: 'IntegerLiteral', text: '1546300800000' },
    });
  });

  it('leaves other comparisons and non-datetime text alone', () => {
    expect(whereOf("SELECT * FROM s WHERE name > '2018' EMIT CHANGES;")).toMatchObject({ right: { kind: 'StringLiteral', value: '2018' } });
    expect(whereOf("SELECT * FROM s WHERE ROWTIME > 'soon' EMIT CHANGES;")).toMatchObject({ right: { kind: 'StringLiteral', value: 'soon' } });
  });
});

describe('WHERE ROWTIME against datetime text', () => {
  const openEngine = engineFixture();

  it('filters a push query by record time', async () => {
    const s = (await openEngine()).createSession();
    await executeOk(s, `
      CREATE STREAM t (k STRING KEY, v INT) WITH (kafka_topic='t', partitions=1, value_format='JSON');
      INSERT INTO t (ROWTIME, k, v) VALUES (1514764800000, 'a', 1);
      INSERT INTO t (ROWTIME, k, v) VALUES (1514764800002, 'b', 2);
      SET 'auto.offset.reset'='earliest';`);
    const events = await executeOk(s, "SELECT v FROM t WHERE ROWTIME > '2018-01-01T00:00:00.001' EMIT CHANGES LIMIT 1;");
    expect(rowsOf(events)).toEqual([[2]]);
  });
});
