/** ksql.output.topic.name.prefix: the default topic of a CREATE ... AS SELECT sink, across a restart. */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { tempDir } from '../helpers/cli.js';
import { executeOk } from '../helpers/engine.js';
import { awaitTextRecords } from '../helpers/topic-records.js';

describe('ksql.output.topic.name.prefix', () => {
  let engine: Engine | undefined;
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
  });

  it('prefixes a default sink topic name, not a KAFKA_TOPIC, and the sink keeps its topic after a restart', async () => {
    const dataDir = join(tempDir(), 'data');
    engine = await Engine.open({ dataDir });
    await executeOk(engine.createSession(), `
      CREATE STREAM s (k STRING KEY, v INT) WITH (kafka_topic='s', partitions=1, format='JSON');
      SET 'auto.offset.reset'='earliest';
      SET 'ksql.output.topic.name.prefix'='p-';
      CREATE STREAM o AS SELECT * FROM s;
      CREATE STREAM named WITH (kafka_topic='given') AS SELECT * FROM s;
      INSERT INTO s (k, v) VALUES ('a', 1);`);
    expect(engine.catalog.getSource('O')?.topic).toBe('p-O');
    expect(engine.catalog.getSource('NAMED')?.topic).toBe('given');
    expect((await awaitTextRecords(engine, 'p-O', 1))[0]!.value).toBe('{"V":1}');
    await engine.close();
    // Replayed without the session setting: the query still writes to the topic it was created with.
    engine = await Engine.open({ dataDir });
    await executeOk(engine.createSession(), "INSERT INTO s (k, v) VALUES ('b', 2);");
    expect((await awaitTextRecords(engine, 'p-O', 2))[1]!.value).toBe('{"V":2}');
    expect(engine.store.describeTopic('O')).toBeUndefined();
  });
});
