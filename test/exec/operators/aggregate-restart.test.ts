/**
 * Table aggregations and EMIT FINAL as persistent queries on the real engine and LMDB store,
 * across a restart: what a key contributed and which windows are open come back from the changelog.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { tempDir } from '../../helpers/cli.js';
import { executeOk, rowsOf } from '../../helpers/engine.js';

describe('aggregate state across a restart', () => {
  let engine: Engine | undefined;
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
  });

  const reopen = async (dataDir: string): Promise<ReturnType<Engine['createSession']>> => {
    await engine?.close();
    engine = await Engine.open({ dataDir });
    return engine.createSession();
  };

  it('a table aggregation still retracts rows it saw before the restart', async () => {
    const dataDir = join(tempDir(), 'data');
    let s = await reopen(dataDir);
    await executeOk(s, `
      CREATE TABLE users (id STRING PRIMARY KEY, region STRING) WITH (kafka_topic='users', partitions=1, value_format='JSON');
      SET 'auto.offset.reset'='earliest';
      CREATE TABLE per_region AS SELECT region, COUNT(*) AS n FROM users GROUP BY region;
      INSERT INTO users (id, region) VALUES ('u1', 'east');
      INSERT INTO users (id, region) VALUES ('u2', 'east');`);
    expect(rowsOf(await executeOk(s, "SET 'auto.offset.reset'='earliest'; SELECT * FROM per_region EMIT CHANGES LIMIT 2;"))).toEqual([
      ['east', 1n],
      ['east', 2n],
    ]);
    s = await reopen(dataDir);
    await executeOk(s, "INSERT INTO users (id, region) VALUES ('u1', 'west');");
    expect(rowsOf(await executeOk(s, "SET 'auto.offset.reset'='earliest'; SELECT * FROM per_region EMIT CHANGES LIMIT 4;")).slice(2)).toEqual([
      ['east', 1n],
      ['west', 1n],
    ]);
  });

  it('EMIT FINAL closes a window opened before the restart', async () => {
    const dataDir = join(tempDir(), 'data');
    let s = await reopen(dataDir);
    await executeOk(s, `
      CREATE STREAM clicks (user_id STRING KEY, ms INT) WITH (kafka_topic='clicks', partitions=1, value_format='JSON');
      SET 'auto.offset.reset'='earliest';
      CREATE TABLE finals AS SELECT user_id, COUNT(*) AS n FROM clicks
        WINDOW TUMBLING (SIZE 2 SECONDS, GRACE PERIOD 1 SECOND) GROUP BY user_id EMIT FINAL;
      INSERT INTO clicks (ROWTIME, user_id, ms) VALUES (0, 'u1', 1);
      INSERT INTO clicks (ROWTIME, user_id, ms) VALUES (1500, 'u1', 2);`);
    s = await reopen(dataDir);
    // Stream time 3000: close time 2000 = the end of [0, 2000).
    await executeOk(s, "INSERT INTO clicks (ROWTIME, user_id, ms) VALUES (3000, 'u1', 3);");
    expect(rowsOf(await executeOk(s, "SET 'auto.offset.reset'='earliest'; SELECT user_id, n, WINDOWSTART AS ws FROM finals EMIT CHANGES LIMIT 1;"))).toEqual([
      ['u1', 2n, 0n],
    ]);
  });
  it('EMIT FINAL hopping windows (kept as panes) close with records from before and after the restart', async () => {
    const dataDir = join(tempDir(), 'data');
    let s = await reopen(dataDir);
    await executeOk(s, `
      CREATE STREAM bids (auction INT KEY, price INT) WITH (kafka_topic='bids', partitions=1, value_format='JSON');
      SET 'auto.offset.reset'='earliest';
      CREATE TABLE hot AS SELECT auction, COUNT(*) AS n, MAX(price) AS top FROM bids
        WINDOW HOPPING (SIZE 10 SECONDS, ADVANCE BY 2 SECONDS) GROUP BY auction EMIT FINAL;
      INSERT INTO bids (ROWTIME, auction, price) VALUES (1000, 1, 5);
      INSERT INTO bids (ROWTIME, auction, price) VALUES (3000, 2, 7);
      INSERT INTO bids (ROWTIME, auction, price) VALUES (5000, 1, 9);`);
    s = await reopen(dataDir);
    await executeOk(s, `
      INSERT INTO bids (ROWTIME, auction, price) VALUES (9000, 1, 2);
      INSERT INTO bids (ROWTIME, auction, price) VALUES (10000, 3, 1);
      INSERT INTO bids (ROWTIME, auction, price) VALUES (12000, 3, 1);`);
    // Stream time 10000 closes [0, 10000), 12000 closes [2000, 12000). Within a window, groups
    // come in the order of their first record in it.
    expect(rowsOf(await executeOk(s, "SET 'auto.offset.reset'='earliest'; SELECT auction, n, top, WINDOWSTART AS ws FROM hot EMIT CHANGES LIMIT 5;"))).toEqual([
      [1, 3n, 9, 0n],
      [2, 1n, 7, 0n],
      [2, 1n, 7, 2000n],
      [1, 2n, 9, 2000n],
      [3, 1n, 1, 2000n],
    ]);
  });
});
