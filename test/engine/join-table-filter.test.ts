/** WHERE over a table-table join's result: tombstones only for keys whose last result passed. */
import { describe, expect, it } from 'vitest';
import { engineFixture, executeOk } from '../helpers/engine.js';
import { awaitTextRecords } from '../helpers/topic-records.js';

describe('WHERE on a table-table join', () => {
  const openEngine = engineFixture();

  it('sends no tombstone for a failing row of a key that never passed, and one when a passing key fails', async () => {
    const engine = await openEngine();
    await executeOk(engine.createSession(), `
      CREATE TABLE a (id INT PRIMARY KEY, v INT) WITH (kafka_topic='a', partitions=1, format='JSON');
      CREATE TABLE b (id INT PRIMARY KEY, w INT) WITH (kafka_topic='b', partitions=1, format='JSON');
      SET 'auto.offset.reset'='earliest';
      SET 'cache.max.bytes.buffering'='0';
      INSERT INTO a (ROWTIME, id, v) VALUES (1, 1, 0);
      INSERT INTO b (ROWTIME, id, w) VALUES (2, 1, 0);
      INSERT INTO a (ROWTIME, id, v) VALUES (3, 1, 5);
      INSERT INTO a (ROWTIME, id, v) VALUES (4, 1, 0);
      INSERT INTO b (ROWTIME, id, w) VALUES (5, 1, 1);
      CREATE TABLE o AS SELECT a.id, v, w FROM a JOIN b ON a.id = b.id WHERE v > 0;`);
    // (0, 0) fails with nothing before: no record; (5, 0) passes; (0, 0) fails: tombstone;
    // (0, 1) fails again: nothing. A later passing row shows the query has read everything.
    await executeOk(engine.createSession(), 'INSERT INTO a (ROWTIME, id, v) VALUES (6, 1, 7);');
    expect(await awaitTextRecords(engine, 'O', 3)).toEqual([
      { key: '1', value: '{"V":5,"W":0}', timestamp: 3 },
      { key: '1', value: null, timestamp: 4 },
      { key: '1', value: '{"V":7,"W":1}', timestamp: 6 },
    ]);
  });
});
