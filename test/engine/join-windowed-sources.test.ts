/** Joins of windowed sources: keys match only within the same window; the result is windowed. */
import { describe, expect, it } from 'vitest';
import { engineFixture, errorMessageOf, executeOk } from '../helpers/engine.js';
import { awaitRecords } from '../helpers/topic-records.js';

/** A KAFKA INT key followed by a session window (end, then start), as Kafka Streams writes it. */
function sessionKey(id: number, start: number, end: number): Uint8Array {
  const b = new Uint8Array(4 + 16);
  const v = new DataView(b.buffer);
  v.setInt32(0, id);
  v.setBigInt64(4, BigInt(end));
  v.setBigInt64(12, BigInt(start));
  return b;
}

const json = (o: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(o));

describe('joins of windowed sources', () => {
  const openEngine = engineFixture();

  it('joins session-windowed keys only when the sessions are the same, into a session-windowed sink', async () => {
    const engine = await openEngine();
    await executeOk(engine.createSession(), `
      CREATE STREAM s1 (id INT KEY, v BIGINT) WITH (kafka_topic='s1', partitions=1, value_format='JSON', window_type='SESSION');
      CREATE STREAM s2 (id INT KEY, v BIGINT) WITH (kafka_topic='s2', partitions=1, value_format='JSON', window_type='SESSION');
      SET 'auto.offset.reset'='earliest';
      CREATE STREAM o AS SELECT s1.id, s1.v, s2.v FROM s1 JOIN s2 WITHIN 1 MINUTE ON s1.id = s2.id;`);
    expect(engine.catalog.getSource('O')?.windowType).toBe('SESSION');
    await engine.store.append('s1', 0, [{ key: sessionKey(1, 234, 765), value: json({ V: 1 }), timestamp: 765 }]);
    await engine.store.append('s2', 0, [
      // The same key in an overlapping but different session: no match.
      { key: sessionKey(1, 234, 567), value: json({ V: 2 }), timestamp: 567 },
      { key: sessionKey(1, 234, 765), value: json({ V: 3 }), timestamp: 765 },
    ]);
    const [out, ...more] = await awaitRecords(engine, 'O', 1);
    expect(more).toEqual([]);
    expect(new TextDecoder().decode(out!.value!)).toBe('{"S1_V":1,"S2_V":3}');
    expect([...out!.key!]).toEqual([...sessionKey(1, 234, 765)]);
  });

  it('SELECT * puts each windowed source\'s window bounds after its key columns', async () => {
    const engine = await openEngine();
    await executeOk(engine.createSession(), `
      CREATE STREAM s1 (k INT KEY, id BIGINT) WITH (kafka_topic='s1', partitions=1, value_format='JSON', window_type='TUMBLING', window_size='2 SECONDS');
      CREATE STREAM s2 (k INT KEY, id BIGINT) WITH (kafka_topic='s2', partitions=1, value_format='JSON', window_type='TUMBLING', window_size='2 SECONDS');
      CREATE STREAM o AS SELECT * FROM s1 JOIN s2 WITHIN 1 MINUTE ON s1.k = s2.k;`);
    const o = engine.catalog.getSource('O')!;
    expect([...o.keyColumns, ...o.valueColumns].map((c) => c.name)).toEqual(['S1_K', 'S1_WINDOWSTART', 'S1_WINDOWEND', 'S1_ID', 'S2_K', 'S2_WINDOWSTART', 'S2_WINDOWEND', 'S2_ID']);
    expect(o.windowType).toBe('TUMBLING');
  });

  it('refuses a foreign-key join of windowed tables', async () => {
    const engine = await openEngine();
    await executeOk(engine.createSession(), `
      CREATE TABLE l (k STRING PRIMARY KEY, f1 STRING) WITH (kafka_topic='l', partitions=1, value_format='JSON', window_type='TUMBLING', window_size='1 SECOND');
      CREATE TABLE r (k STRING PRIMARY KEY, id INT) WITH (kafka_topic='r', partitions=1, value_format='JSON', window_type='TUMBLING', window_size='1 SECOND');`);
    expect(await errorMessageOf(engine, 'SELECT * FROM l JOIN r ON l.f1 = r.k EMIT CHANGES;')).toBe('Foreign-key table-table joins are not supported on windowed tables.');
  });
});
