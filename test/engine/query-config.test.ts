/**
 * Session properties that change a query's analysis: COLLECT_LIST's limit and ksqlDB's new
 * planner. A persistent query keeps the settings it was created with, across a restart.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { tempDir } from '../helpers/cli.js';
import { errorMessageOf, executeOk } from '../helpers/engine.js';
import { awaitTextRecords } from '../helpers/topic-records.js';

describe('query settings from session properties', () => {
  let engine: Engine | undefined;
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
  });

  it('ksql.functions.collect_list.limit caps COLLECT_LIST, also after a restart', async () => {
    const dataDir = join(tempDir(), 'data');
    engine = await Engine.open({ dataDir });
    await executeOk(
      engine.createSession(),
      `CREATE STREAM s (id INT KEY, v INT) WITH (kafka_topic='s', partitions=1, value_format='JSON');
       SET 'auto.offset.reset'='earliest';
       SET 'ksql.functions.collect_list.limit'='2';
       CREATE TABLE t AS SELECT id, COLLECT_LIST(v) AS vs FROM s GROUP BY id;
       INSERT INTO s VALUES (1, 10); INSERT INTO s VALUES (1, 20); INSERT INTO s VALUES (1, 30);`,
    );
    expect((await awaitTextRecords(engine, 'T', 3)).map((r) => r.value)).toEqual(['{"VS":[10]}', '{"VS":[10,20]}', '{"VS":[10,20]}']);
    await engine.close();

    // A new session without the SET: the restarted query still uses the recorded limit.
    engine = await Engine.open({ dataDir });
    await executeOk(engine.createSession(), 'INSERT INTO s VALUES (1, 40);');
    expect((await awaitTextRecords(engine, 'T', 4)).at(-1)?.value).toBe('{"VS":[10,20]}');
  });

  it('rejects a limit that is not an INT', async () => {
    engine = await Engine.open({ dataDir: join(tempDir(), 'data') });
    expect(await errorMessageOf(engine, "SET 'ksql.functions.collect_list.limit'='ten';")).toContain('Not a number of type INT');
  });

  it('the new planner keys a stream projection by the key columns it selects, in its order', async () => {
    engine = await Engine.open({ dataDir: join(tempDir(), 'data') });
    const s = engine.createSession();
    await executeOk(
      s,
      `CREATE STREAM input (id INT KEY, age INT KEY, name STRING) WITH (kafka_topic='input', partitions=1, format='JSON');
       SET 'ksql.new.query.planner.enabled'='true';
       CREATE STREAM reordered AS SELECT age, id, name FROM input;
       CREATE STREAM keyless AS SELECT name FROM input;`,
    );
    expect(engine.catalog.getSource('REORDERED')!.keyColumns.map((c) => c.name)).toEqual(['AGE', 'ID']);
    expect(engine.catalog.getSource('KEYLESS')!.keyColumns).toEqual([]);
    // Without it, every key column must be projected.
    expect(await errorMessageOf(engine, 'CREATE STREAM keyless2 AS SELECT name FROM input;')).toContain('must include the key columns ID and AGE');
  });
});
