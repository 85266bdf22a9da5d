/** Joins and table functions in persistent queries, on the real engine and store. */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { tempDir } from '../helpers/cli.js';
import { executeOk, rowsOf } from '../helpers/engine.js';

const ok = executeOk;
const rows = rowsOf;

describe('joins and table functions', () => {
  let engine: Engine | undefined;
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
  });

  it('stream-table LEFT JOIN looks up the latest table row at the time of each stream row', async () => {
    engine = await Engine.open({ dataDir: join(tempDir(), 'data') });
    const s = engine.createSession();
    await ok(s, `
      CREATE STREAM orders (id INT KEY, user_id STRING, amount INT) WITH (kafka_topic='orders', partitions=1, value_format='JSON');
      CREATE TABLE users (user_id STRING PRIMARY KEY, name STRING) WITH (kafka_topic='users', partitions=1, value_format='JSON');
      INSERT INTO users (ROWTIME, user_id, name) VALUES (1, 'u1', 'Ann');
      INSERT INTO orders (ROWTIME, id, user_id, amount) VALUES (2, 10, 'u1', 5);
      INSERT INTO orders (ROWTIME, id, user_id, amount) VALUES (3, 11, 'u2', 7);
      INSERT INTO users (ROWTIME, user_id, name) VALUES (4, 'u1', 'Bob');
      INSERT INTO orders (ROWTIME, id, user_id, amount) VALUES (5, 12, 'u1', 9);
      SET 'auto.offset.reset'='earliest';
      CREATE STREAM enriched AS SELECT o.user_id, o.id, u.name, o.amount FROM orders o LEFT JOIN users u ON o.user_id = u.user_id;`);
    expect(rows(await ok(s, 'SELECT * FROM enriched EMIT CHANGES LIMIT 3;'))).toEqual([
      ['u1', 10, 'Ann', 5],
      ['u2', 11, null, 7],
      ['u1', 12, 'Bob', 9],
    ]);
  });

  it('stream-stream INNER JOIN matches rows within the window only', async () => {
    engine = await Engine.open({ dataDir: join(tempDir(), 'data') });
    const s = engine.createSession();
    await ok(s, `
      CREATE STREAM l (k STRING KEY, a INT) WITH (kafka_topic='l', partitions=1, value_format='JSON');
      CREATE STREAM r (k STRING KEY, b INT) WITH (kafka_topic='r', partitions=1, value_format='JSON');
      INSERT INTO l (ROWTIME, k, a) VALUES (0, 'x', 1);
      INSERT INTO r (ROWTIME, k, b) VALUES (5000, 'x', 2);
      INSERT INTO r (ROWTIME, k, b) VALUES (60000, 'x', 3);
      INSERT INTO l (ROWTIME, k, a) VALUES (61000, 'x', 4);
      SET 'auto.offset.reset'='earliest';
      CREATE STREAM j AS SELECT l.k, a, b FROM l JOIN r WITHIN 10 SECONDS ON l.k = r.k;`);
    expect(rows(await ok(s, 'SELECT * FROM j EMIT CHANGES LIMIT 2;'))).toEqual([
      ['x', 1, 2],
      ['x', 4, 3],
    ]);
  });

  it('EXPLODE gives one row per element; CUBE_EXPLODE every combination with NULLs', async () => {
    engine = await Engine.open({ dataDir: join(tempDir(), 'data') });
    const s = engine.createSession();
    await ok(s, `
      CREATE STREAM t (id INT KEY, xs ARRAY<INT>, ys ARRAY<STRING>) WITH (kafka_topic='t', partitions=1, value_format='JSON');
      INSERT INTO t (id, xs, ys) VALUES (1, ARRAY[1, 2, 3], ARRAY['a']);
      SET 'auto.offset.reset'='earliest';
      CREATE STREAM e AS SELECT id, EXPLODE(xs) AS x, EXPLODE(ys) AS y FROM t;
`);
    expect(rows(await ok(s, 'SELECT * FROM e EMIT CHANGES LIMIT 3;'))).toEqual([
      [1, 1, 'a'],
      [1, 2, null],
      [1, 3, null],
    ]);
    expect(rows(await ok(s, "SELECT id, CUBE_EXPLODE(ARRAY['a', 'b']) AS combo FROM t;"))).toEqual([
      [1, [null, null]],
      [1, [null, 'b']],
      [1, ['a', null]],
      [1, ['a', 'b']],
    ]);
  });
});
