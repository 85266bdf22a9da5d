/** Pull queries on the real engine: key lookups, scans, ksqlDB's refusals (docs/decisions/0041-pull-queries.md). */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import type { EngineEvent } from '../../src/engine/events.js';
import type { Session } from '../../src/engine/session.js';
import { tempDir } from '../helpers/cli.js';
import { executeOk, rowsOf } from '../helpers/engine.js';

/** A fresh engine on a temp data dir with `setup` run in a session. */
async function openWith(setup: string): Promise<{ engine: Engine; s: Session }> {
  const engine = await Engine.open({ dataDir: join(tempDir(), 'data') });
  const s = engine.createSession();
  await executeOk(s, setup);
  return { engine, s };
}

async function errorOf(s: Session, sql: string): Promise<string | undefined> {
  for await (const e of s.execute(sql)) if (e.type === 'error') return e.diagnostic.message;
  return undefined;
}

describe('pull queries', () => {
  let engine: Engine;
  let s: Session;
  beforeEach(async () => {
    // A source table is loaded through a stream over its topic (INSERT into a source table is refused).
    ({ engine, s } = await openWith(`
      CREATE SOURCE TABLE users (id STRING PRIMARY KEY, score INT) WITH (kafka_topic='users', partitions=2, value_format='JSON');
      CREATE STREAM users_in (id STRING KEY, score INT) WITH (kafka_topic='users', value_format='JSON');
      INSERT INTO users_in (id, score) VALUES ('a', 1);
      INSERT INTO users_in (id, score) VALUES ('b', 2);
      INSERT INTO users_in (id, score) VALUES ('c', 3);
      INSERT INTO users_in (id, score) VALUES ('b', 20);`));
  });
  afterEach(async () => {
    await engine.close();
  });

  it('looks up keys (=, IN, OR), seeing each key latest value', async () => {
    expect(rowsOf(await executeOk(s, "SELECT * FROM users WHERE id = 'b';"))).toEqual([['b', 20]]);
    expect(rowsOf(await executeOk(s, "SELECT id, score FROM users WHERE id IN ('c', 'nope', 'a');"))).toEqual([['c', 3], ['a', 1]]);
    expect(rowsOf(await executeOk(s, "SELECT id FROM users WHERE id = 'a' OR id = 'b';"))).toEqual([['a'], ['b']]);
    // A non-key predicate on top of the lookup still filters.
    expect(rowsOf(await executeOk(s, "SELECT id FROM users WHERE id = 'b' AND score < 10;"))).toEqual([]);
    // Rows inserted after the first pull query are seen by the next (the index catches up).
    await executeOk(s, "INSERT INTO users_in (id, score) VALUES ('d', 4);");
    expect(rowsOf(await executeOk(s, "SELECT score FROM users WHERE id = 'd';"))).toEqual([[4]]);
  });

  it('scans in partition order, keys in byte order, and ends without a final message', async () => {
    const events = await executeOk(s, 'SELECT id FROM users;');
    const ids = rowsOf(events).map((r) => r[0]);
    expect([...ids].sort()).toEqual(['a', 'b', 'c']);
    expect(events.find((e): e is EngineEvent & { type: 'queryStart' } => e.type === 'queryStart')?.tablePull).toBe(true);
    expect(rowsOf(await executeOk(s, 'SELECT id FROM users LIMIT 2;'))).toEqual(ids.slice(0, 2).map((id) => [id]));
  });

  it('serves key ranges by seeking, with the whole WHERE still applied', async () => {
    const ids = async (where: string): Promise<unknown[]> => rowsOf(await executeOk(s, `SELECT id FROM users WHERE ${where};`)).map((r) => r[0]).sort();
    expect(await ids("id > 'a' AND id <= 'c'")).toEqual(['b', 'c']);
    expect(await ids("'b' <= id")).toEqual(['b', 'c']);
    expect(await ids("id BETWEEN 'a' AND 'b' AND score > 5")).toEqual(['b']);
    expect(await ids("id > 'c' AND id < 'a'")).toEqual([]);
    // A bound past U+D800 is not sought to (UTF-8 byte order and SQL string order differ there).
    expect(await ids("id < '\u{1F600}' AND id > 'a'")).toEqual(['b', 'c']);
    expect(await ids('id > CAST(NULL AS STRING)')).toEqual([]);
  });

  it('refuses what needs a table scan when table scans are disabled', async () => {
    await executeOk(s, "SET 'ksql.query.pull.table.scan.enabled'='false';");
    expect(await errorOf(s, 'SELECT * FROM users WHERE score = 2;')).toBe('WHERE clause missing key column for disjunct: (SCORE = 2)');
    expect(await errorOf(s, "SELECT * FROM users WHERE id <> 'a';")).toBe("Bound on key columns '[`ID` STRING KEY]' must currently be '='. ");
    expect(await errorOf(s, "SELECT * FROM users WHERE id = 'a' AND id IN ('a');")).toContain('cannot be combined with other comparisons');
    expect(await errorOf(s, 'SELECT * FROM users WHERE id = CAST(score AS STRING);')).toBe('A comparison must be between a key column and a resolvable expression.');
    expect(await errorOf(s, "SELECT * FROM users WHERE id <= 'b' OR id >= 'c';")).toContain('Query requires table scan to be enabled');
    // A key lookup and a single-key STRING range are still served.
    expect(rowsOf(await executeOk(s, "SELECT score FROM users WHERE id = 'c';"))).toEqual([[3]]);
    expect(rowsOf(await executeOk(s, "SELECT id FROM users WHERE id >= 'b';")).map((r) => r[0]).sort()).toEqual(['b', 'c']);
  });

  it("refuses ksqlDB's unsupported pull query shapes", async () => {
    expect(await errorOf(s, 'SELECT id, ROWOFFSET FROM users;')).toBe("Pull queries don't support the following columns in SELECT clauses: `ROWOFFSET`");
    expect(await errorOf(s, 'SELECT * FROM users WHERE ROWPARTITION = 1;')).toBe("Pull queries don't support the following columns in WHERE clauses: `ROWPARTITION`");
    expect(await errorOf(s, 'SELECT id, COUNT(*) FROM users GROUP BY id;')).toMatch(/^Pull queries don't support GROUP BY clauses\. /);
    expect(await errorOf(s, "SELECT * FROM users WHERE id IN (NULL);")).toBe('Primary key columns can not be NULL: (ID = null)');
    expect(await errorOf(s, 'SELECT * FROM users LIMIT -1;')).toMatch(/^Pull queries don't support negative integers in the LIMIT clause\. /);
    expect(await errorOf(s, 'SELECT * FROM users_in LIMIT 2.5;')).toBe('Failed to prepare statement: Value must be integer for command: LIMIT');
    expect(await errorOf(s, 'SELECT * FROM users_in EMIT CHANGES LIMIT -1;')).toBe('LIMIT must be a non-negative integer, got -1');
    await executeOk(s, "SET 'ksql.query.pull.limit.clause.enabled'='false';");
    expect(await errorOf(s, 'SELECT * FROM users LIMIT 1;')).toMatch(/^LIMIT clause in pull queries is currently disabled/);
  });

  it('answers only materialized tables; persistent queries refuse LIMIT', async () => {
    await executeOk(s, "CREATE TABLE plain (id STRING PRIMARY KEY, v INT) WITH (kafka_topic='plain', partitions=1, value_format='JSON');");
    expect(await errorOf(s, 'SELECT * FROM plain;')).toMatch(/^The `PLAIN` table isn't queryable\./);
    expect(await errorOf(s, 'CREATE STREAM copy AS SELECT * FROM users_in LIMIT 1;')).toBe("CREATE STREAM AS SELECT statements don't support LIMIT clause.");
    await executeOk(s, "SET 'auto.offset.reset'='earliest'; CREATE TABLE derived AS SELECT * FROM plain;");
    expect(await errorOf(s, 'SELECT * FROM derived;')).toBeUndefined();
  });
});

describe('pull query WHERE details', () => {
  let engine: Engine;
  let s: Session;
  beforeEach(async () => {
    ({ engine, s } = await openWith(`
      SET 'auto.offset.reset'='earliest';
      CREATE STREAM clicks (id INT KEY, v INT) WITH (kafka_topic='clicks', partitions=1, value_format='JSON');
      INSERT INTO clicks (ROWTIME, id, v) VALUES (1582501512456, 10, 1);
      INSERT INTO clicks (ROWTIME, id, v) VALUES (1582501552456, 10, 1);
      INSERT INTO clicks (ROWTIME, id, v) VALUES (1582501512456, 11, 1);
      CREATE TABLE per_second AS SELECT id, COUNT(*) AS n FROM clicks WINDOW TUMBLING (SIZE 1 SECOND) GROUP BY id;`));
    // Let the persistent query catch up.
    for (let i = 0; i < 100 && rowsOf(await executeOk(s, 'SELECT * FROM per_second;')).length < 3; i++) await new Promise((r) => setTimeout(r, 20));
  });
  afterEach(async () => {
    await engine.close();
  });

  it('compares window bounds with datetime text as with epoch ms', async () => {
    const rows = rowsOf(await executeOk(s, "SELECT id, WINDOWSTART FROM per_second WHERE id = 10 AND WINDOWSTART >= '2020-02-23T23:45:12' AND WINDOWEND < '2020-02-23T22:45:14-0100';"));
    expect(rows).toEqual([[10, 1582501512000n]]);
  });

  it("words a WHERE type error as ksqlDB's pull queries do", async () => {
    expect(await errorOf(s, "SELECT * FROM per_second WHERE id = '10';")).toBe("Error in WHERE expression: Cannot compare ID (INTEGER) to '10' (STRING) with EQUAL.\nStatement: (ID = '10')");
    // BETWEEN is checked as two comparisons, the low bound first.
    expect(await errorOf(s, "SELECT * FROM per_second WHERE n BETWEEN 'a' AND 2;")).toBe("Invalid expression: Cannot compare N (BIGINT) to 'a' (STRING) with GREATER_THAN_OR_EQUAL.");
    expect(await errorOf(s, "SELECT * FROM per_second WHERE n BETWEEN 1 AND 'b';")).toBe("Invalid expression: Cannot compare N (BIGINT) to 'b' (STRING) with LESS_THAN_OR_EQUAL.");
    // LIKE: on a column, only a STRING one; with table scans disabled, only `column LIKE 'pattern'`.
    expect(await errorOf(s, "SELECT * FROM per_second WHERE id LIKE '1%';")).toBe('The column type for Like condition must be VARCHAR. The column type is INTEGER');
    await executeOk(s, "SET 'ksql.query.pull.table.scan.enabled'='false';");
    expect(await errorOf(s, "SELECT * FROM per_second WHERE id = 10 AND 'a' LIKE 'a';")).toBe('Like condition must be between strings');
  });

  it('intersects several conditions on the key (table scans allowed)', async () => {
    expect(rowsOf(await executeOk(s, 'SELECT id, n FROM per_second WHERE (id = 10 OR id = 11) AND id IN (11, 12);'))).toEqual([[11, 1n]]);
  });
});
