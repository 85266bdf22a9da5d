/** The internal topics a join query declares, under ksqlDB's names (plan/internal-topics.ts). */
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import { engineFixture, executeOk } from '../helpers/engine.js';

const internal = (engine: Engine, app: string): string[] =>
  engine.store
    .listTopics()
    .map((t) => t.name)
    .filter((n) => n.startsWith(`${app}-`))
    .map((n) => n.slice(app.length + 1))
    .sort();

describe('join internal topics', () => {
  const openEngine = engineFixture();

  it('a stream re-keyed for a stream-stream join gets a repartition topic; the window stores are numbered', async () => {
    const engine = await openEngine();
    await executeOk(engine.createSession(), `
      CREATE STREAM s1 (id INT, foo INT) WITH (kafka_topic='s1', partitions=2, key_format='NONE', value_format='JSON');
      CREATE STREAM s2 (id INT KEY, val STRING) WITH (kafka_topic='s2', partitions=2, value_format='JSON');
      CREATE STREAM o AS SELECT s1.id, s2.val FROM s1 LEFT JOIN s2 WITHIN 10 SECONDS ON s1.id = s2.id;`);
    expect(internal(engine, '_confluent-ksql-default_query_CSAS_O_0')).toEqual([
      'Join-left-repartition',
      'KSTREAM-JOINTHIS-0000000012-store-changelog',
      'KSTREAM-OUTEROTHER-0000000013-store-changelog',
    ]);
    expect(engine.store.describeTopic('_confluent-ksql-default_query_CSAS_O_0-Join-left-repartition')?.config.partitions).toBe(2);
  });

  it('streams keyed by the join expression in one key format need no repartition', async () => {
    const engine = await openEngine();
    await executeOk(engine.createSession(), `
      SET 'ksql.service.id'='svc_';
      CREATE STREAM s1 (id INT KEY, foo INT) WITH (kafka_topic='s1', partitions=1, value_format='JSON');
      CREATE STREAM s2 (id INT KEY, val STRING) WITH (kafka_topic='s2', partitions=1, value_format='JSON');
      CREATE STREAM o AS SELECT ROWKEY, s2.val FROM s1 FULL OUTER JOIN s2 WITHIN 10 SECONDS ON s1.id = s2.id;`);
    expect(internal(engine, '_confluent-ksql-svc_query_CSAS_O_0')).toEqual([
      'KSTREAM-OUTEROTHER-0000000009-store-changelog',
      'KSTREAM-OUTERTHIS-0000000008-store-changelog',
    ]);
  });

  it('a table whose key format differs from the stream it joins is re-keyed and materialized anew', async () => {
    const engine = await openEngine();
    await executeOk(engine.createSession(), `
      CREATE TABLE t (id INT PRIMARY KEY, val STRING) WITH (kafka_topic='t', partitions=1, key_format='KAFKA', value_format='JSON');
      CREATE STREAM s (id INT KEY, foo INT) WITH (kafka_topic='s', partitions=1, key_format='DELIMITED', value_format='JSON');
      CREATE STREAM o AS SELECT s.id, val FROM s JOIN t ON s.id = t.id;
      CREATE STREAM o2 AS SELECT s.foo, val FROM s JOIN t ON s.foo = t.id;`);
    expect(internal(engine, '_confluent-ksql-default_query_CSAS_O_0')).toEqual([
      'RightSourceKeyed-Materialize-changelog',
      'RightSourceKeyed-SelectKey-repartition',
    ]);
    // Re-keyed by a value column, the stream takes the table's key format: the table stays as it is.
    expect(internal(engine, '_confluent-ksql-default_query_CSAS_O2_1')).toEqual(['Join-repartition', 'KafkaTopic_Right-Reduce-changelog']);
  });
});
