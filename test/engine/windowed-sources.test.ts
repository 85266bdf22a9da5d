/** Streams declared over a windowed table's topic (WINDOW_TYPE/WINDOW_SIZE), on the real engine. */
import { describe, expect, it } from 'vitest';
import { engineFixture, executeOk, rowsOf } from '../helpers/engine.js';

const ok = executeOk;
const rows = rowsOf;

describe('windowed sources', () => {
  const openEngine = engineFixture();

  it('keeps WINDOWSTART and WINDOWEND readable after PARTITION BY', async () => {
    const s = (await openEngine()).createSession();
    await ok(s, `
      CREATE STREAM bids (price BIGINT) WITH (kafka_topic='bids', partitions=1, value_format='JSON');
      INSERT INTO bids (ROWTIME, price) VALUES (1000, 50);
      INSERT INTO bids (ROWTIME, price) VALUES (12000, 20);
      SET 'auto.offset.reset'='earliest';
      CREATE TABLE maxes WITH (kafka_topic='maxes', value_format='JSON') AS
        SELECT 1 AS one, MAX(price) AS maxprice FROM bids WINDOW TUMBLING (SIZE 10 SECONDS) GROUP BY 1;
      CREATE STREAM maxes_raw (one INT KEY, maxprice BIGINT)
        WITH (kafka_topic='maxes', value_format='JSON', window_type='TUMBLING', window_size='10 SECONDS');`);
    expect(rows(await ok(s, 'SELECT maxprice, WINDOWSTART AS ws, WINDOWEND AS we FROM maxes_raw PARTITION BY maxprice EMIT CHANGES LIMIT 2;'))).toEqual([
      [50n, 0n, 10000n],
      [20n, 10000n, 20000n],
    ]);
  });
});
