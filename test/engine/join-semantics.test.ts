/**
 * ksqlDB's join semantics on the real engine and store: column naming, the result key of RIGHT and
 * FULL OUTER joins, foreign-key table-table joins, GRACE PERIOD on stream-stream joins, and the
 * join validation errors.
 */
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src/engine/events.js';
import type { Session } from '../../src/engine/session.js';
import { engineFixture, executeOk as ok, rowsOf as rows } from '../helpers/engine.js';

const columnsOf = (events: readonly EngineEvent[]): string[] =>
  events.flatMap((e) => (e.type === 'queryStart' ? e.columns.map((c) => `${c.name}${c.key ? ' KEY' : ''}`) : []));

async function failure(s: Session, sql: string): Promise<string> {
  try {
    await ok(s, sql);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected the statement to fail');
}

const STREAMS = `
  CREATE STREAM l (id INT KEY, a INT) WITH (kafka_topic='l', partitions=1, value_format='JSON');
  CREATE STREAM r (id INT KEY, b INT) WITH (kafka_topic='r', partitions=1, value_format='JSON');
  SET 'auto.offset.reset'='earliest';`;

describe('join semantics', () => {
  const open = engineFixture();

  it('names s.col after the column unless another source has a column of that name', async () => {
    const s = (await open()).createSession();
    await ok(s, `${STREAMS}
      INSERT INTO l (ROWTIME, id, a) VALUES (0, 1, 10);
      INSERT INTO r (ROWTIME, id, b) VALUES (1, 1, 20);`);
    const events = await ok(s, 'SELECT l.id, l.a, r.b, r.id FROM l JOIN r WITHIN 1 MINUTE ON l.id = r.id EMIT CHANGES LIMIT 1;');
    expect(columnsOf(events)).toEqual(['L_ID', 'A', 'B', 'R_ID']);
    expect(rows(events)).toEqual([[1, 10, 20, 1]]);
  });

  it('keys a RIGHT join row that has no left side by the right key', async () => {
    const s = (await open()).createSession();
    await ok(s, `${STREAMS}
      INSERT INTO r (ROWTIME, id, b) VALUES (0, 7, 70);
      CREATE STREAM o AS SELECT l.id, a, b FROM l RIGHT JOIN r WITHIN 1 MINUTE ON l.id = r.id;`);
    expect(rows(await ok(s, 'SELECT * FROM o EMIT CHANGES LIMIT 1;'))).toEqual([[7, null, 70]]);
  });

  it('keys a FULL OUTER join by a synthetic ROWKEY, the first non-null join key', async () => {
    const s = (await open()).createSession();
    await ok(s, `${STREAMS}
      INSERT INTO l (ROWTIME, id, a) VALUES (0, 1, 10);
      INSERT INTO r (ROWTIME, id, b) VALUES (1, 2, 20);
      CREATE STREAM o AS SELECT ROWKEY AS k, l.id, r.id, a, b FROM l FULL OUTER JOIN r WITHIN 1 SECOND ON l.id = r.id;`);
    expect(rows(await ok(s, 'SELECT * FROM o EMIT CHANGES LIMIT 2;'))).toEqual([
      [1, 1, null, 10, null],
      [2, null, 2, null, 20],
    ]);
    expect(await failure(s, 'CREATE STREAM bad AS SELECT a, b FROM l FULL OUTER JOIN r WITHIN 1 SECOND ON l.id = r.id;')).toContain(
      'ROWKEY was added as a synthetic key column because the join criteria did not match any source column.',
    );
  });

  it('joins a table on a foreign key to another table and re-emits on changes of either side', async () => {
    const s = (await open()).createSession();
    await ok(s, `
      CREATE TABLE orders (id INT PRIMARY KEY, cust INT, amount INT) WITH (kafka_topic='orders', partitions=1, value_format='JSON');
      CREATE TABLE custs (cid INT PRIMARY KEY, name STRING) WITH (kafka_topic='custs', partitions=1, value_format='JSON');
      SET 'auto.offset.reset'='earliest';
      INSERT INTO custs (ROWTIME, cid, name) VALUES (0, 100, 'Ann');
      INSERT INTO orders (ROWTIME, id, cust, amount) VALUES (1, 1, 100, 5);
      INSERT INTO orders (ROWTIME, id, cust, amount) VALUES (2, 2, 100, 6);
      INSERT INTO orders (ROWTIME, id, cust, amount) VALUES (3, 3, 200, 7);
      CREATE TABLE o AS SELECT id, name, amount FROM orders LEFT JOIN custs ON cust = cid;`);
    expect(rows(await ok(s, 'SELECT * FROM o EMIT CHANGES LIMIT 3;'))).toEqual([
      [1, 'Ann', 5],
      [2, 'Ann', 6],
      [3, null, 7],
    ]);
    await ok(s, "INSERT INTO custs (ROWTIME, cid, name) VALUES (4, 100, 'Bob');");
    expect(rows(await ok(s, 'SELECT * FROM o EMIT CHANGES LIMIT 5;')).slice(3)).toEqual([
      [1, 'Bob', 5],
      [2, 'Bob', 6],
    ]);
    expect(await failure(s, 'CREATE TABLE bad AS SELECT name, amount FROM orders JOIN custs ON cust = cid;')).toContain(
      'Primary key column missing in projection. For foreign-key table-table joins, the projection must include all primary key columns from the left input table (`ORDERS`). Missing column: `ID`.',
    );
  });

  it('with GRACE PERIOD, pads an unmatched LEFT row only once its window has closed', async () => {
    const s = (await open()).createSession();
    await ok(s, `${STREAMS}
      INSERT INTO l (ROWTIME, id, a) VALUES (0, 1, 10);
      INSERT INTO l (ROWTIME, id, a) VALUES (1000, 2, 20);
      INSERT INTO r (ROWTIME, id, b) VALUES (5000, 2, 21);
      INSERT INTO l (ROWTIME, id, a) VALUES (100000, 3, 30);
      CREATE STREAM o AS SELECT l.id, a, b FROM l LEFT JOIN r WITHIN 10 SECONDS GRACE PERIOD 10 SECONDS ON l.id = r.id;`);
    // Row 1 waits until stream time passes 0 + 10 s + 10 s; row 2 matched, so it is never padded;
    // row 3's window is still open.
    expect(rows(await ok(s, 'SELECT * FROM o EMIT CHANGES LIMIT 2;'))).toEqual([
      [2, 20, 21],
      [1, 10, null],
    ]);
  });

  it('reports ksqlDB errors for invalid join conditions', async () => {
    const s = (await open()).createSession();
    await ok(s, `${STREAMS}
      CREATE TABLE t1 (id1 INT PRIMARY KEY, f1 INT) WITH (kafka_topic='t1', partitions=1, value_format='JSON');
      CREATE TABLE t2 (id2 INT PRIMARY KEY, f2 INT) WITH (kafka_topic='t2', partitions=1, value_format='JSON');`);
    expect(await failure(s, 'CREATE TABLE x AS SELECT * FROM t1 JOIN t2 ON id1 = f2;')).toBe(
      'Invalid join condition: table-table joins require to join on the primary key of the right input table. Got T1.ID1 = T2.F2.',
    );
    expect(await failure(s, 'CREATE STREAM x AS SELECT * FROM l JOIN r ON l.id = 0;')).toBe(
      "Invalid comparison expression '0' in join '(L.ID = 0)'. Each side of the join comparision must contain references from exactly one source.",
    );
    expect(await failure(s, 'CREATE STREAM x AS SELECT * FROM l JOIN r WITHIN 1 SECOND ON l.nope = r.id;')).toBe("JOIN ON column 'L.NOPE' cannot be resolved.");
    expect(await failure(s, 'CREATE STREAM x AS SELECT l.id AS k1, l.id, a FROM l JOIN r WITHIN 1 SECOND ON l.id = r.id;')).toBe(
      'The projection contains a key column (`L_ID`) more than once, aliased as: K1 and L_ID.',
    );
    expect(await failure(s, 'CREATE TABLE x AS SELECT * FROM t1 JOIN l ON id1 = l.id;')).toBe(
      'Invalid join order: table-stream joins are not supported; only stream-table joins. Got T1 [INNER] JOIN L.',
    );
  });
});
