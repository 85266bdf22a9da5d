/** Read-only (SOURCE) streams and tables, DROP of a missing source, reserved names in a sink's SELECT. */
import { describe, expect, it } from 'vitest';
import { engineFixture, errorMessageOf as errorOf, executeOk, rowsOf } from '../helpers/engine.js';


describe('source rules', () => {
  const openEngine = engineFixture();

  it('keeps SOURCE streams read-only: no INSERT ... SELECT, DELETE TOPIC or CREATE OR REPLACE', async () => {
    const engine = await openEngine();
    await executeOk(engine.createSession(), `
      CREATE SOURCE STREAM src (k STRING KEY, t STRING) WITH (kafka_topic='t1', partitions=1, value_format='DELIMITED');
      CREATE STREAM plain (k STRING KEY, t STRING) WITH (kafka_topic='t2', partitions=1, value_format='DELIMITED');`);
    expect(await errorOf(engine, 'INSERT INTO src SELECT * FROM plain;')).toBe('Cannot insert into read-only stream: SRC');
    expect(await errorOf(engine, 'DROP STREAM src DELETE TOPIC;')).toBe('Cannot delete topic for read-only source: SRC');
    const replace = "(k STRING KEY, t STRING) WITH (kafka_topic='t1', value_format='DELIMITED');";
    expect(await errorOf(engine, `CREATE OR REPLACE STREAM src ${replace}`)).toBe("Cannot add stream 'SRC': CREATE OR REPLACE is not supported on source streams.");
    expect(await errorOf(engine, `CREATE OR REPLACE SOURCE STREAM plain ${replace}`)).toBe(
      "Cannot add stream 'PLAIN': CREATE OR REPLACE is not supported on source streams.",
    );
    // A plain stream can still be replaced.
    await executeOk(engine.createSession(), `CREATE OR REPLACE STREAM plain (k STRING KEY, t STRING) WITH (kafka_topic='t2', value_format='DELIMITED');`);
  });

  it('names the kind of a missing source on DROP, and refuses unaliased pseudo columns in a sink', async () => {
    const engine = await openEngine();
    expect(await errorOf(engine, 'DROP STREAM nope;')).toBe('Stream NOPE does not exist.');
    expect(await errorOf(engine, 'DROP TABLE nope;')).toBe('Table NOPE does not exist.');
    await executeOk(engine.createSession(), "CREATE STREAM s (id INT KEY, v STRING) WITH (kafka_topic='s', partitions=1, value_format='JSON');");
    expect(await errorOf(engine, 'CREATE STREAM o AS SELECT id, ROWOFFSET FROM s;')).toBe('Reserved column name in select: `ROWOFFSET`. Please remove or alias the column.');
    await executeOk(engine.createSession(), 'CREATE STREAM o AS SELECT id, ROWOFFSET AS ro FROM s;');
  });

  it('ALTER ... ADD COLUMN adds value columns that old records read as NULL, except on SOURCE streams and query sinks', async () => {
    const engine = await openEngine();
    const session = engine.createSession();
    await executeOk(session, `
      CREATE STREAM s (k STRING KEY, a INT) WITH (kafka_topic='s', partitions=1, value_format='JSON');
      CREATE SOURCE STREAM ro (k STRING KEY, a INT) WITH (kafka_topic='s', value_format='JSON');
      CREATE STREAM copy AS SELECT * FROM s;
      INSERT INTO s (k, a) VALUES ('x', 1);
      ALTER STREAM s ADD COLUMN b STRING, ADD c BIGINT;
      INSERT INTO s (k, a, b, c) VALUES ('y', 2, 'two', 3);
      SET 'auto.offset.reset'='earliest';`);
    expect(rowsOf(await executeOk(session, 'SELECT * FROM s EMIT CHANGES LIMIT 2;'))).toEqual([
      ['x', 1, null, null],
      ['y', 2, 'two', 3n],
    ]);
    expect(await errorOf(engine, 'ALTER STREAM ro ADD COLUMN b INT;')).toBe("Cannot alter stream 'RO': ALTER operations are not supported on source streams.");
    expect(await errorOf(engine, 'ALTER STREAM copy ADD COLUMN b INT;')).toBe('ALTER command is not supported for CREATE ... AS statements.');
    expect(await errorOf(engine, 'ALTER STREAM s ADD COLUMN a INT;')).toBe('Cannot add column `A` to schema. A column with the same name already exists.');
    expect(await errorOf(engine, 'ALTER TABLE s ADD COLUMN z INT;')).toBe('Incompatible data source type is STREAM, but statement was ALTER TABLE');
  });
});
