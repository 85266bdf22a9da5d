/**
 * Foreign-key join state across a restart: the index from foreign key to left rows lives in
 * memory and is rebuilt from the restored left rows, so a right change after the restart still
 * re-emits every left row that refers to it.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { tempDir } from '../../helpers/cli.js';
import { executeOk } from '../../helpers/engine.js';
import { awaitTextRecords } from '../../helpers/topic-records.js';

describe('foreign-key join state', () => {
  let engine: Engine | undefined;
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
  });

  it('re-emits the left rows of a foreign key changed after a restart', async () => {
    const dataDir = join(tempDir(), 'data');
    engine = await Engine.open({ dataDir });
    await executeOk(engine.createSession(), `
      CREATE TABLE orders (id STRING PRIMARY KEY, cust STRING, n INT) WITH (kafka_topic='orders', partitions=1, value_format='JSON');
      CREATE TABLE customers (cid STRING PRIMARY KEY, name STRING) WITH (kafka_topic='customers', partitions=1, value_format='JSON');
      SET 'auto.offset.reset'='earliest';
      CREATE TABLE j AS SELECT o.id AS id, n, name FROM orders o JOIN customers c ON o.cust = c.cid;
      INSERT INTO customers (cid, name) VALUES ('c1', 'ann');
      INSERT INTO orders (id, cust, n) VALUES ('o1', 'c1', 1);
      INSERT INTO orders (id, cust, n) VALUES ('o2', 'c1', 2);
      INSERT INTO orders (id, cust, n) VALUES ('o3', 'c2', 3);`);
    expect((await awaitTextRecords(engine, 'J', 2)).map((r) => `${r.key} ${r.value}`)).toEqual([
      'o1 {"N":1,"NAME":"ann"}',
      'o2 {"N":2,"NAME":"ann"}',
    ]);
    await engine.close();
    engine = await Engine.open({ dataDir });
    await executeOk(engine.createSession(), `
      INSERT INTO orders (id, cust, n) VALUES ('o2', 'c2', 22);
      INSERT INTO customers (cid, name) VALUES ('c1', 'bob');
      INSERT INTO customers (cid, name) VALUES ('c2', 'cy');`);
    const all = (await awaitTextRecords(engine, 'J', 6)).map((r) => `${r.key} ${r.value}`);
    expect(all.slice(2)).toEqual([
      // o2 moved to c2, which had no row yet: its earlier result is withdrawn.
      'o2 null',
      'o1 {"N":1,"NAME":"bob"}',
      'o3 {"N":3,"NAME":"cy"}',
      'o2 {"N":22,"NAME":"cy"}',
    ]);
  });
});
