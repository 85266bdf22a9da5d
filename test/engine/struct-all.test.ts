/** `SELECT s->*`: every field of a struct as its own column, end to end through the engine. */
import { describe, expect, it } from 'vitest';
import { parseStatements } from '../../src/sql/parse.js';
import { engineFixture, executeOk, rowsOf } from '../helpers/engine.js';

describe('struct-all select items', () => {
  const openEngine = engineFixture();

  it('parse only as a whole select item', () => {
    expect(parseStatements('SELECT k, v->a->*, v->* FROM t;').diagnostics).toEqual([]);
    expect(parseStatements('SELECT v->* AS x FROM t;').diagnostics.length).toBe(1);
    expect(parseStatements('SELECT v->* + 1 FROM t;').diagnostics.length).toBe(1);
  });

  it('expand to one column per field, named after the field, nested structs included', async () => {
    const s = (await openEngine()).createSession();
    await executeOk(
      s,
      "CREATE STREAM t (k INT KEY, v STRUCT<a INT, `b c` STRUCT<d STRING>>) WITH (kafka_topic='t', partitions=1, value_format='JSON');" +
        "INSERT INTO t (k, v) VALUES (1, STRUCT(a := 7, `b c` := STRUCT(d := 'x')));",
    );
    const events = await executeOk(s, 'SELECT k, v->*, v->`b c`->* FROM t;');
    const start = events.find((e) => e.type === 'queryStart');
    expect(start?.type === 'queryStart' && start.columns.map((c) => c.name)).toEqual(['K', 'A', 'b c', 'D']);
    expect(rowsOf(events)).toEqual([[1, 7, { D: 'x' }, 'x']]);
  });

  it('rejects a non-struct and duplicate names', async () => {
    const s = (await openEngine()).createSession();
    await executeOk(s, "CREATE STREAM t (k INT KEY, a INT, v STRUCT<a INT>) WITH (kafka_topic='t', partitions=1, value_format='JSON');");
    await expect(executeOk(s, 'SELECT a->* FROM t;')).rejects.toThrow('Expected STRUCT type for A->* but got INTEGER.');
    await expect(executeOk(s, 'SELECT a, v->* FROM t;')).rejects.toThrow('Duplicate value columns found in schema: `A`');
  });
});
