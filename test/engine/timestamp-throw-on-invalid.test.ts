/** ksql.timestamp.throw.on.invalid: a record whose event time cannot be read stops the query (ERROR). */
import { describe, expect, it } from 'vitest';
import { engineFixture, executeOk } from '../helpers/engine.js';
import { awaitTextRecords, utf8 } from '../helpers/topic-records.js';
import type { Engine } from '../../src/engine/engine.js';

/** Straight to the topic: INSERT VALUES itself refuses a row whose time it cannot read. */
const produce = (engine: Engine, k: string, value: object): Promise<unknown> =>
  engine.store.append('test_topic', 0, [{ key: utf8(k), value: utf8(JSON.stringify(value)), timestamp: 0 }]);

const SETUP = `
  CREATE STREAM test (k STRING KEY, id BIGINT, ts VARCHAR)
    WITH (kafka_topic='test_topic', partitions=1, value_format='JSON', timestamp='ts', timestamp_format='yyyy-MM-dd HH:mm:ss');
  SET 'auto.offset.reset'='earliest';`;

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('ksql.timestamp.throw.on.invalid', () => {
  const openEngine = engineFixture();

  it('stops the query with Kafka Streams wording when set', async () => {
    const engine = await openEngine();
    await executeOk(engine.createSession(), `${SETUP}
      SET 'ksql.timestamp.throw.on.invalid'='true';
      CREATE STREAM out AS SELECT k, id FROM test;`);
    await produce(engine, 'a', { ID: 1, TS: 'not a time' });
    await until(() => engine.queryFailures().length > 0);
    expect(engine.queryFailures()[0]!.error).toContain('Fatal user code error in TimestampExtractor callback for record test_topic-0@0');
  });

  it('skips the record (processing log) and goes on by default', async () => {
    const engine = await openEngine();
    await executeOk(engine.createSession(), `${SETUP}
      CREATE STREAM out AS SELECT k, id FROM test;`);
    await produce(engine, 'a', { ID: 1, TS: 'not a time' });
    await produce(engine, 'b', { ID: 2, TS: '2024-01-02 03:04:05' });
    const records = await awaitTextRecords(engine, 'OUT', 1);
    expect(records.map((r) => r.key)).toEqual(['b']);
    expect(engine.queryFailures()).toEqual([]);
  });
});
