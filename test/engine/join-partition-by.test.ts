/** PARTITION BY over a join's result on the real engine: key naming, SELECT *, errors. */
import { describe, expect, it } from 'vitest';
import { engineFixture, errorMessageOf as errorOf, executeOk } from '../helpers/engine.js';
import { awaitTextRecords } from '../helpers/topic-records.js';

const STREAMS = `
  CREATE STREAM l (a INT KEY, b INT, c INT) WITH (kafka_topic='l', partitions=1, format='JSON');
  CREATE STREAM r (x INT KEY, y INT) WITH (kafka_topic='r', partitions=1, format='JSON');
  SET 'auto.offset.reset'='earliest';
  INSERT INTO l (ROWTIME, a, b, c) VALUES (5, 1, 20, 30);
  INSERT INTO r (ROWTIME, x, y) VALUES (6, 1, 40);`;

describe('PARTITION BY on a join', () => {
  const openEngine = engineFixture();

  it('re-keys the join result; a projected partitioning expression is the key column', async () => {
    const engine = await openEngine();
    await executeOk(engine.createSession(), `${STREAMS}
      CREATE STREAM o AS SELECT l.b AS k, l.a, y FROM l JOIN r WITHIN 10 SECONDS ON l.a = r.x PARTITION BY l.b;`);
    expect(await awaitTextRecords(engine, 'O', 1)).toEqual([{ key: '20', value: '{"A":1,"Y":40}', timestamp: 6 }]);
    expect(engine.catalog.getSource('O')?.keyColumns.map((c) => c.name)).toEqual(['K']);
  });

  it('SELECT * gives the new key, then every source column (pseudo columns too) as <source>_<column>', async () => {
    const engine = await openEngine();
    await executeOk(engine.createSession(), `${STREAMS}
      CREATE STREAM o AS SELECT * FROM l JOIN r WITHIN 10 SECONDS ON l.a = r.x PARTITION BY c;`);
    const o = engine.catalog.getSource('O')!;
    expect(o.keyColumns.map((k) => k.name)).toEqual(['L_C']);
    expect(o.valueColumns.map((v) => v.name)).toEqual(['L_B', 'L_ROWTIME', 'L_ROWPARTITION', 'L_ROWOFFSET', 'L_A', 'R_Y', 'R_ROWTIME', 'R_ROWPARTITION', 'R_ROWOFFSET', 'R_X']);
    const [rec] = await awaitTextRecords(engine, 'O', 1);
    expect(rec!.key).toBe('30');
    expect(JSON.parse(rec!.value!)).toEqual({ L_B: 20, L_ROWTIME: 5, L_ROWPARTITION: 0, L_ROWOFFSET: 0, L_A: 1, R_Y: 40, R_ROWTIME: 6, R_ROWPARTITION: 0, R_ROWOFFSET: 0, R_X: 1 });
  });

  it('over windowed sources: window bounds are value columns and the result is not windowed', async () => {
    const engine = await openEngine();
    await executeOk(engine.createSession(), `
      CREATE STREAM w1 (k INT KEY, v INT) WITH (kafka_topic='w1', partitions=1, value_format='JSON', window_type='TUMBLING', window_size='2 SECONDS');
      CREATE STREAM w2 (k INT KEY, u INT) WITH (kafka_topic='w2', partitions=1, value_format='JSON', window_type='TUMBLING', window_size='2 SECONDS');
      CREATE STREAM o AS SELECT * FROM w1 JOIN w2 WITHIN 1 MINUTE ON w1.k = w2.k PARTITION BY v;`);
    const o = engine.catalog.getSource('O')!;
    expect(o.windowType).toBeUndefined();
    expect([...o.keyColumns, ...o.valueColumns].map((c) => c.name)).toEqual([
      'W1_V',
      'W1_ROWTIME', 'W1_ROWPARTITION', 'W1_ROWOFFSET', 'W1_WINDOWSTART', 'W1_WINDOWEND', 'W1_K',
      'W2_U', 'W2_ROWTIME', 'W2_ROWPARTITION', 'W2_ROWOFFSET', 'W2_WINDOWSTART', 'W2_WINDOWEND', 'W2_K',
    ]);
  });

  it('is refused on a table-table join (a table is re-keyed by GROUP BY)', async () => {
    const engine = await openEngine();
    await executeOk(engine.createSession(), `
      CREATE TABLE t1 (id INT PRIMARY KEY, v INT) WITH (kafka_topic='t1', partitions=1, format='JSON');
      CREATE TABLE t2 (id INT PRIMARY KEY, w INT) WITH (kafka_topic='t2', partitions=1, format='JSON');`);
    expect(await errorOf(engine, 'CREATE TABLE o AS SELECT t1.id, v, w FROM t1 JOIN t2 ON t1.id = t2.id PARTITION BY v;')).toContain(
      'PARTITION BY is not supported on a TABLE source',
    );
  });
});
