/**
 * The record cache of table queries (decision 0063): with cache.max.bytes.buffering above 0 (the
 * default) a table's sink gets the last change of each key per processing step; with 0, every
 * change. Streams are never merged.
 */
import { describe, expect, it } from 'vitest';
import { engineFixture, executeOk } from '../helpers/engine.js';
import { awaitTextRecords } from '../helpers/topic-records.js';

const SETUP = `
  CREATE STREAM clicks (user_id STRING KEY, ms INT) WITH (kafka_topic='clicks', partitions=1, value_format='JSON');
  SET 'auto.offset.reset'='earliest';
  INSERT INTO clicks (user_id, ms) VALUES ('a', 1);
  INSERT INTO clicks (user_id, ms) VALUES ('b', 2);
  INSERT INTO clicks (user_id, ms) VALUES ('a', 3);
  INSERT INTO clicks (user_id, ms) VALUES ('b', 4);
  INSERT INTO clicks (user_id, ms) VALUES ('a', 5);`;

describe('table sinks and the record cache', () => {
  const openEngine = engineFixture();

  it('writes the last change per key of a step by default, every change after a later step', async () => {
    const engine = await openEngine();
    await executeOk(engine.createSession(), `${SETUP}
      CREATE TABLE per_user AS SELECT user_id, COUNT(*) AS n, SUM(ms) AS total FROM clicks GROUP BY user_id;
      CREATE STREAM copy AS SELECT * FROM clicks;`);
    expect(await awaitTextRecords(engine, 'PER_USER', 2)).toEqual([
      { key: 'b', value: '{"N":2,"TOTAL":6}', timestamp: expect.any(Number) },
      { key: 'a', value: '{"N":3,"TOTAL":9}', timestamp: expect.any(Number) },
    ]);
    await executeOk(engine.createSession(), "INSERT INTO clicks (user_id, ms) VALUES ('a', 7);");
    const after = await awaitTextRecords(engine, 'PER_USER', 3);
    expect(after.map((r) => r.value)).toEqual(['{"N":2,"TOTAL":6}', '{"N":3,"TOTAL":9}', '{"N":4,"TOTAL":16}']);
    expect((await awaitTextRecords(engine, 'COPY', 6)).length).toBe(6);
    // Recorded with the query, so a restart merges the same way.
    const table = engine.catalog.listQueries().find((q) => /CREATE TABLE per_user/i.test(q.statementText));
    expect(table?.config?.coalesceTableChanges).toBe(true);
  });

  it('merges the changes of a windowed table per key and window per key and window, keeping each window', async () => {
    const engine = await openEngine();
    await executeOk(engine.createSession(), `
      CREATE STREAM c (user_id STRING KEY, ms INT) WITH (kafka_topic='c', partitions=1, value_format='JSON');
      SET 'auto.offset.reset'='earliest';
      INSERT INTO c (ROWTIME, user_id, ms) VALUES (1000, 'a', 1);
      INSERT INTO c (ROWTIME, user_id, ms) VALUES (61000, 'a', 2);
      INSERT INTO c (ROWTIME, user_id, ms) VALUES (2000, 'a', 3);
      INSERT INTO c (ROWTIME, user_id, ms) VALUES (62000, 'a', 4);
      CREATE TABLE per_minute AS SELECT user_id, SUM(ms) AS total FROM c WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY user_id;`);
    const records = await awaitTextRecords(engine, 'PER_MINUTE', 2);
    expect(records.map((r) => r.value)).toEqual(['{"TOTAL":4}', '{"TOTAL":6}']);
  });

  it('writes every change with cache.max.bytes.buffering = 0, recorded with the query', async () => {
    const engine = await openEngine();
    await executeOk(engine.createSession(), `${SETUP}
      SET 'ksql.streams.cache.max.bytes.buffering'='0';
      CREATE TABLE per_user AS SELECT user_id, COUNT(*) AS n FROM clicks GROUP BY user_id;`);
    const records = await awaitTextRecords(engine, 'PER_USER', 5);
    expect(records.map((r) => `${r.key}:${r.value}`)).toEqual(['a:{"N":1}', 'b:{"N":1}', 'a:{"N":2}', 'b:{"N":2}', 'a:{"N":3}']);
    const table = engine.catalog.listQueries().find((q) => /CREATE TABLE per_user/i.test(q.statementText));
    expect(table?.config?.coalesceTableChanges).toBeUndefined();
  });

  it('rejects a cache size that is not a number', async () => {
    const engine = await openEngine();
    const session = engine.createSession();
    const events = [];
    for await (const e of session.execute("SET 'cache.max.bytes.buffering'='lots';")) events.push(e);
    expect(JSON.stringify(events)).toContain('Invalid value lots for configuration cache.max.bytes.buffering');
  });
});
