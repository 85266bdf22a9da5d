/** Streams declared over a windowed table's topic (WINDOW_TYPE/WINDOW_SIZE), on the real engine. */
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import type { Session } from '../../src/engine/session.js';
import { engineFixture, errorMessageOf, executeOk, rowsOf } from '../helpers/engine.js';
import { awaitRecords } from '../helpers/topic-records.js';

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

  it('parses WINDOW_SIZE in any case and names a bad unit as ksqlDB does', async () => {
    const engine = await openEngine();
    const create = (size: string): string =>
      `CREATE STREAM w (k INT KEY, v INT) WITH (kafka_topic='w', partitions=1, value_format='JSON', window_type='Hopping', window_size='${size}');`;
    expect(await errorMessageOf(engine, create('30 bobs'))).toBe("Configuration WINDOW_SIZE is invalid: Invalid duration: '30 bobs'. Unknown time unit: 'BOBS'");
    expect(await errorMessageOf(engine, create('30'))).toBe("Configuration WINDOW_SIZE is invalid: Invalid duration: '30'. Expected 2 tokens, got: 1");
    expect(await errorMessageOf(engine, create('30 seconds'))).toBe('(no error)');
    expect(engine.catalog.getSource('W')?.windowSizeMs).toBe(30_000);
  });

  it('a stream selected from a windowed stream keeps the window in its key, not its value', async () => {
    const engine = await openEngine();
    const s = engine.createSession();
    await ok(s, `
      CREATE STREAM w (k INT KEY, v INT) WITH (kafka_topic='w', partitions=1, value_format='JSON', window_type='TUMBLING', window_size='10 seconds');
      SET 'auto.offset.reset'='earliest';
      CREATE STREAM copy AS SELECT * FROM w;`);
    const copy = engine.catalog.getSource('COPY');
    expect([copy?.windowType, copy?.windowSizeMs]).toEqual(['TUMBLING', 10_000]);
    expect(copy?.valueColumns.map((c) => c.name)).toEqual(['V']);
    // A transient SELECT * still shows the bounds.
    const star = await ok(s, 'SELECT * FROM w EMIT CHANGES LIMIT 0;');
    const start = star.find((e) => e.type === 'queryStart');
    expect(start && start.type === 'queryStart' ? start.columns.map((c) => c.name) : []).toEqual(['K', 'WINDOWSTART', 'WINDOWEND', 'V']);
  });

  it('refuses persistent queries over a windowed table', async () => {
    const engine = await openEngine();
    await ok(engine.createSession(), "CREATE TABLE t (k STRING PRIMARY KEY, x INT) WITH (kafka_topic='t', partitions=1, value_format='JSON', window_type='Session');");
    expect(await errorMessageOf(engine, 'CREATE TABLE out AS SELECT * FROM t;')).toBe('KSQL does not support persistent queries on windowed tables.');
  });

  it('a WHERE cannot read the bounds of the windowed aggregation it feeds', async () => {
    const engine = await openEngine();
    await ok(engine.createSession(), "CREATE STREAM s (k INT KEY, x INT) WITH (kafka_topic='s', partitions=1, value_format='JSON');");
    expect(await errorMessageOf(engine, 'CREATE TABLE out AS SELECT k, COUNT(1) AS c FROM s WINDOW TUMBLING (SIZE 1 SECOND) WHERE MIN(windowEnd) < 5 GROUP BY k;')).toBe(
      'Error in WHERE expression: Unknown column WINDOWEND.',
    );
  });
});

describe('persistent queries over windowed sources', () => {
  const openEngine = engineFixture();

  /** A tumbling-windowed table `maxes` (one INT key) and a stream `maxes_raw` over its topic. */
  async function windowedStream(): Promise<{ engine: Engine; s: Session }> {
    const engine = await openEngine();
    const s = engine.createSession();
    await ok(s, `
      CREATE STREAM bids (price BIGINT) WITH (kafka_topic='bids', partitions=1, value_format='JSON');
      INSERT INTO bids (ROWTIME, price) VALUES (1000, 50);
      INSERT INTO bids (ROWTIME, price) VALUES (12000, 20);
      SET 'auto.offset.reset'='earliest';
      CREATE TABLE maxes WITH (kafka_topic='maxes', partitions=1, value_format='JSON') AS
        SELECT 1 AS one, MAX(price) AS maxprice FROM bids WINDOW TUMBLING (SIZE 10 SECONDS) GROUP BY 1;
      CREATE STREAM maxes_raw (one INT KEY, maxprice BIGINT)
        WITH (kafka_topic='maxes', value_format='JSON', window_type='TUMBLING', window_size='10 SECONDS');`);
    return { engine, s };
  }

  it('writes a windowed sink: SELECT * keeps the window in the key, not in the value', async () => {
    const { engine, s } = await windowedStream();
    await ok(s, `CREATE STREAM copied WITH (kafka_topic='copied', partitions=1) AS SELECT * FROM maxes_raw;`);
    const records = await awaitRecords(engine, 'copied', 2);
    expect(records.map((r) => new TextDecoder().decode(r.value!))).toEqual(['{"MAXPRICE":50}', '{"MAXPRICE":20}']);
    // KAFKA INT key (4 bytes) + the window start (8 bytes, big-endian).
    const starts = records.map((r) => new DataView(r.key!.buffer, r.key!.byteOffset, r.key!.byteLength).getBigInt64(4));
    expect(starts).toEqual([0n, 10000n]);
    expect(engine.catalog.getSource('COPIED')?.windowType).toBe('TUMBLING');
  });

  it('keeps aliased window bounds as value columns', async () => {
    const { engine, s } = await windowedStream();
    await ok(s, `CREATE STREAM bounds WITH (kafka_topic='bounds', partitions=1) AS SELECT one, WINDOWSTART AS ws, WINDOWEND AS we FROM maxes_raw;`);
    const records = await awaitRecords(engine, 'bounds', 2);
    expect(records.map((r) => new TextDecoder().decode(r.value!))).toEqual(['{"WS":0,"WE":10000}', '{"WS":10000,"WE":20000}']);
  });

  it('rejects unaliased window bounds and pseudo columns in a sink', async () => {
    const engine = await openEngine();
    await ok(engine.createSession(), `CREATE STREAM w (k STRING KEY, f INT) WITH (kafka_topic='w', partitions=1, value_format='JSON', window_type='SESSION');
      CREATE STREAM plain (k STRING KEY, f INT) WITH (kafka_topic='plain', partitions=1, value_format='JSON');`);
    expect(await errorMessageOf(engine, 'CREATE STREAM o AS SELECT k, WINDOWEND FROM w;')).toBe('Reserved column name in select: `WINDOWEND`. Please remove or alias the column.');
    // Before GROUP BY's rule that window bounds need a windowed aggregation.
    expect(await errorMessageOf(engine, 'CREATE TABLE o AS SELECT k, WINDOWSTART, COUNT(*) AS c FROM plain GROUP BY WINDOWSTART;')).toBe(
      'Reserved column name in select: `WINDOWSTART`. Please remove or alias the column.',
    );
  });

  it('refuses a windowed source without key columns', async () => {
    const engine = await openEngine();
    expect(await errorMessageOf(engine, `CREATE STREAM w (f INT) WITH (kafka_topic='w', partitions=1, value_format='JSON', window_type='SESSION');`)).toBe(
      'Windowed sources require a key column.',
    );
  });
});
