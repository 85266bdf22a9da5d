/** The session property ksql.persistence.wrap.single.values, on the real engine and store. */
import { describe, expect, it } from 'vitest';
import { engineFixture, executeOk, rowsOf } from '../helpers/engine.js';
import { awaitTextRecords } from '../helpers/topic-records.js';

describe('ksql.persistence.wrap.single.values', () => {
  const openEngine = engineFixture();

  it('set to false, reads and writes a single JSON value column bare', async () => {
    const engine = await openEngine();
    const s = engine.createSession();
    await executeOk(s, `
      SET 'ksql.persistence.wrap.single.values'='false';
      SET 'auto.offset.reset'='earliest';
      CREATE STREAM one (k STRING KEY, foo STRING) WITH (kafka_topic='one', partitions=1, value_format='JSON');
      INSERT INTO one (k, foo) VALUES ('a', 'bar');
      CREATE STREAM two (k STRING KEY, foo STRING, foo2 STRING) WITH (kafka_topic='two', partitions=1, value_format='JSON');
      INSERT INTO two (k, foo, foo2) VALUES ('a', 'x', 'y');
      CREATE STREAM narrowed WITH (kafka_topic='narrowed', partitions=1) AS SELECT k, foo FROM two;`);
    expect((await awaitTextRecords(engine, 'one', 1))[0]!.value).toBe('"bar"');
    // Several value columns are a record whatever the setting.
    expect((await awaitTextRecords(engine, 'two', 1))[0]!.value).toBe('{"FOO":"x","FOO2":"y"}');
    expect((await awaitTextRecords(engine, 'narrowed', 1))[0]!.value).toBe('"x"');
    expect(rowsOf(await executeOk(s, 'SELECT foo FROM one EMIT CHANGES LIMIT 1;'))).toEqual([['bar']]);
    expect(engine.catalog.getSource('NARROWED')?.wrapSingleValue).toBe(false);
    expect(engine.catalog.getSource('TWO')?.wrapSingleValue).toBeUndefined();
  });

  it('left unset, wraps single JSON values and records no wrapping', async () => {
    const engine = await openEngine();
    await executeOk(engine.createSession(), `
      CREATE STREAM one (k STRING KEY, foo STRING) WITH (kafka_topic='one', partitions=1, value_format='JSON');
      INSERT INTO one (k, foo) VALUES ('a', 'bar');`);
    expect((await awaitTextRecords(engine, 'one', 1))[0]!.value).toBe('{"FOO":"bar"}');
    expect(engine.catalog.getSource('ONE')?.wrapSingleValue).toBeUndefined();
  });
});
