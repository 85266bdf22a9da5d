/** ksqlDB's co-partitioning check of joins, on the real engine and store. */
import { describe, expect, it } from 'vitest';
import { engineFixture, errorMessageOf } from '../helpers/engine.js';

describe('join partition counts', () => {
  const openEngine = engineFixture();
  const setup = `
    CREATE STREAM s1 (id INT KEY, v BIGINT) WITH (kafka_topic='left', value_format='JSON', partitions=1);
    CREATE TABLE t2 (id INT PRIMARY KEY, v BIGINT, fk INT) WITH (kafka_topic='right', value_format='JSON', partitions=1);
    CREATE TABLE t3 (id INT PRIMARY KEY, v BIGINT) WITH (kafka_topic='right2', value_format='JSON', partitions=2);`;

  it('must match on both sides of each join; a chain of joins counts as its last right side', async () => {
    const engine = await openEngine();
    expect(await errorMessageOf(engine, setup)).toBe('(no error)');
    const mismatch =
      "Can't join `S1` with `T3` since the number of partitions don't match. `S1` partitions = 1; `T3` partitions = 2. " +
      'Please repartition either one so that the number of partitions match.';
    expect(await errorMessageOf(engine, 'CREATE STREAM o AS SELECT * FROM s1 JOIN t2 ON s1.id = t2.id JOIN t3 ON s1.id = t3.id;')).toBe(mismatch);
    expect(await errorMessageOf(engine, 'SELECT * FROM s1 JOIN t3 ON s1.id = t3.id EMIT CHANGES;')).toBe(mismatch);
    expect(await errorMessageOf(engine, 'CREATE STREAM o2 AS SELECT * FROM s1 JOIN t2 ON s1.id = t2.id;')).toBe('(no error)');
  });

  it('do not matter for a foreign-key join', async () => {
    const engine = await openEngine();
    expect(await errorMessageOf(engine, setup)).toBe('(no error)');
    expect(await errorMessageOf(engine, 'CREATE TABLE fk AS SELECT t2.id, t3.id AS r FROM t2 JOIN t3 ON t2.fk = t3.id;')).toBe('(no error)');
  });
});
