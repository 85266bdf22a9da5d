/** HEADERS and HEADER('k') columns on the real engine: read from record headers, kept on output. */
import { describe, expect, it } from 'vitest';
import { engineFixture, errorMessageOf as errorOf, executeOk } from '../helpers/engine.js';
import { awaitRecords } from '../helpers/topic-records.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const text = (b: Uint8Array | null): string | null => (b === null ? null : new TextDecoder().decode(b));


describe('header columns', () => {
  const openEngine = engineFixture();

  it('reads every header, or the last one with a key, and writes the headers on', async () => {
    const engine = await openEngine();
    await executeOk(engine.createSession(), `
      CREATE STREAM src (k STRING KEY, h ARRAY<STRUCT<key STRING, value BYTES>> HEADERS, v BIGINT, h1 BYTES HEADER('abc'))
        WITH (kafka_topic='src', partitions=1, value_format='JSON');
      SET 'auto.offset.reset'='earliest';
      CREATE STREAM out AS SELECT k, v, h, TO_BYTES('x', 'utf8') = h1 AS x, h1 FROM src;`);
    const headers = [['abc', utf8('a')], ['abc', utf8('x')], ['def', null]] as const;
    await engine.store.append('src', 0, [{ key: utf8('k1'), value: utf8('{"V":1}'), timestamp: 0, headers }]);
    const [r] = await awaitRecords(engine, 'OUT', 1);
    expect(text(r!.value)).toBe('{"V":1,"H":[{"KEY":"abc","VALUE":"YQ=="},{"KEY":"abc","VALUE":"eA=="},{"KEY":"def","VALUE":null}],"X":true,"H1":"eA=="}');
    expect(r!.headers.map(([k, v]) => [k, text(v)])).toEqual([['abc', 'a'], ['abc', 'x'], ['def', null]]);
  });

  it('refuses wrong types and inserts into header columns', async () => {
    const engine = await openEngine();
    expect(await errorOf(engine, "CREATE STREAM s (k STRING KEY, h BYTES HEADERS) WITH (kafka_topic='s', value_format='JSON');")).toBe(
      'Invalid type for HEADERS column: expected ARRAY<STRUCT<`KEY` STRING, `VALUE` BYTES>>, got BYTES',
    );
    expect(await errorOf(engine, "CREATE STREAM s (k STRING KEY, h INT HEADER('a')) WITH (kafka_topic='s', value_format='JSON');")).toBe(
      "Invalid type for HEADER('key') column: expected BYTES, got INTEGER",
    );
    await executeOk(engine.createSession(), `
      CREATE STREAM s (k STRING KEY, h1 BYTES HEADER('a'), v BIGINT) WITH (kafka_topic='s', partitions=1, value_format='JSON');
      CREATE STREAM p (k STRING KEY, h1 BYTES, v BIGINT) WITH (kafka_topic='p', partitions=1, value_format='JSON');
      INSERT INTO s (k, v) VALUES ('a', 1);`);
    expect(await errorOf(engine, "INSERT INTO s VALUES ('a', null, 1);")).toBe('Cannot insert into HEADER columns: H1');
    expect(await errorOf(engine, 'INSERT INTO s SELECT * FROM p;')).toBe('Cannot insert into S because it has header columns');
    const [r] = await awaitRecords(engine, 's', 1);
    expect(text(r!.value)).toBe('{"V":1}');
  });

  it('keeps the headers of the record behind each GROUP BY update and each join result', async () => {
    const engine = await openEngine();
    await executeOk(engine.createSession(), `
      CREATE STREAM l (a INT KEY, b INT, c BYTES HEADER('abc')) WITH (kafka_topic='l', partitions=1, value_format='JSON');
      CREATE STREAM r (a INT KEY, b INT) WITH (kafka_topic='r', partitions=1, value_format='JSON');
      SET 'auto.offset.reset'='earliest';
      CREATE TABLE counts AS SELECT c AS h, COUNT(*) AS n FROM l GROUP BY c;
      CREATE STREAM joined AS SELECT l.a, l.b AS lb, r.b AS rb FROM l JOIN r WITHIN 10 SECONDS ON l.a = r.a;`);
    const key = new Uint8Array(4);
    await engine.store.append('l', 0, [
      { key, value: utf8('{"B":1}'), timestamp: 10, headers: [['abc', utf8('x')]] },
      { key, value: utf8('{"B":2}'), timestamp: 11, headers: [['abc', utf8('y')]] },
    ]);
    await engine.store.append('r', 0, [{ key, value: utf8('{"B":3}'), timestamp: 12, headers: [['def', utf8('z')]] }]);
    const counts = await awaitRecords(engine, 'COUNTS', 2);
    expect(counts.map((x) => x.headers.map(([k, v]) => [k, text(v)]))).toEqual([[['abc', 'x']], [['abc', 'y']]]);
    // Both left rows are joined when the right row arrives: the results carry its headers.
    const joined = await awaitRecords(engine, 'JOINED', 2);
    expect(joined.map((x) => x.headers.map(([k, v]) => [k, text(v)]))).toEqual([[['def', 'z']], [['def', 'z']]]);
  });
});

