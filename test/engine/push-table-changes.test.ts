/** A push query over a table streams its changes: deletes as tombstone rows, no null-key rows. */
import { describe, expect, it } from 'vitest';
import { engineFixture, executeOk, rowsOf } from '../helpers/engine.js';

describe('push queries over tables', () => {
  const openEngine = engineFixture();

  it('streams deleted keys as tombstone rows and skips null keys; headers mark no keys', async () => {
    const engine = await openEngine();
    const s = engine.createSession();
    await executeOk(s, "CREATE TABLE t (k INT PRIMARY KEY, v INT) WITH (kafka_topic='t', partitions=1, value_format='JSON');");
    await engine.store.append('t', 0, [
      { key: Buffer.from([0, 0, 0, 10]), value: Buffer.from('{"V":1}') },
      { key: Buffer.from([0, 0, 0, 10]), value: null },
      { key: null, value: Buffer.from('{"V":2}') },
      { key: Buffer.from([0, 0, 0, 11]), value: Buffer.from('{"V":3}') },
    ]);
    const events = await executeOk(s, "SET 'auto.offset.reset'='earliest'; SELECT * FROM t EMIT CHANGES LIMIT 3;");
    expect(rowsOf(events).map((r) => [...r])).toEqual([[10, 1], [10, null], [11, 3]]);
    const flags = events.flatMap((e) => (e.type === 'rows' ? e.rows.map((_, i) => e.tombstones?.[i] === true) : []));
    expect(flags).toEqual([false, true, false]);
    const start = events.find((e) => e.type === 'queryStart');
    expect(start?.type === 'queryStart' && start.columns.some((c) => c.key)).toBe(false);
  });

  it('a WHERE over a table deletes only keys it let through (no change from nothing to nothing)', async () => {
    const engine = await openEngine();
    const s = engine.createSession();
    await executeOk(s, "CREATE TABLE t (k INT PRIMARY KEY, v INT) WITH (kafka_topic='t', partitions=1, value_format='JSON');");
    const key = (k: number): Buffer => Buffer.from([0, 0, 0, k]);
    await engine.store.append('t', 0, [
      { key: key(1), value: Buffer.from('{"V":0}') }, // never passes: no row, no tombstone
      { key: key(2), value: null }, // deletes a key the filtered table never had
      { key: key(3), value: Buffer.from('{"V":5}') },
      { key: key(3), value: Buffer.from('{"V":0}') }, // leaves the filtered table: a tombstone
      { key: key(3), value: Buffer.from('{"V":1}') }, // a failing row again: nothing
      { key: key(4), value: Buffer.from('{"V":6}') },
    ]);
    const events = await executeOk(s, "SET 'auto.offset.reset'='earliest'; SELECT k, v FROM t WHERE v > 1 EMIT CHANGES LIMIT 3;");
    expect(rowsOf(events).map((r) => [...r])).toEqual([[3, 5], [3, 0], [4, 6]]);
    const flags = events.flatMap((e) => (e.type === 'rows' ? e.rows.map((_, i) => e.tombstones?.[i] === true) : []));
    expect(flags).toEqual([false, true, false]);
  });
});
