/** TRANSFORM, FILTER and REDUCE with lambdas, end to end through the engine. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { parseStatements } from '../../src/sql/parse.js';
import { tempDir } from '../helpers/cli.js';

/** The rows a script yields on a fresh engine; throws its first error. */
async function rowsOfScript(sql: string): Promise<unknown[][]> {
  const engine = await Engine.open({ dataDir: join(tempDir(), 'data') });
  try {
    const rows: unknown[][] = [];
    for await (const e of engine.createSession().execute(sql)) {
      if (e.type === 'error') throw new Error(e.diagnostic.message);
      if (e.type === 'rows') rows.push(...e.rows);
    }
    return rows;
  } finally {
    await engine.close();
  }
}

describe('lambdas', () => {
  it('parse as trailing arguments and are rejected elsewhere', () => {
    expect(parseStatements('SELECT TRANSFORM(xs, (x) => x + 1), FILTER(m, (k, v) => v > 0) FROM t;').diagnostics).toEqual([]);
    expect(parseStatements('SELECT x => 1 FROM t;').diagnostics.length).toBe(1);
  });

  it('evaluate over arrays and maps, nested, with NULL collections', async () => {
    const rows = await rowsOfScript(`
        CREATE STREAM t (id INT KEY, xs ARRAY<INT>, m MAP<STRING, INT>) WITH (kafka_topic='t', partitions=1, value_format='JSON');
        INSERT INTO t (id, xs, m) VALUES (1, ARRAY[1, 2, 3], MAP('a' := 1, 'b' := 2));
        INSERT INTO t (id) VALUES (2);
        SELECT id, TRANSFORM(xs, x => x * 10), FILTER(xs, x => x > 1), REDUCE(xs, 0, (s, x) => s + x),
               TRANSFORM(m, (k, v) => UCASE(k), (k, v) => v + 1), REDUCE(m, 0, (s, k, v) => s + v),
               TRANSFORM(xs, x => REDUCE(xs, x, (s, y) => s + y))
        FROM t;`);
    expect(rows).toEqual([
      [1, [10, 20, 30], [2, 3], 6, new Map([['A', 2], ['B', 3]]), 3, [7, 8, 9]],
      [2, null, null, 0, null, 0, null],
    ]);
  });

  it('fail the whole function on arithmetic over NULL in a lambda (ksqlDB unboxes), and fold maps in HashMap order', async () => {
    const rows = await rowsOfScript(`
        CREATE STREAM t (id INT KEY, xs ARRAY<INT>, m MAP<STRING, DOUBLE>) WITH (kafka_topic='t', partitions=1, value_format='JSON');
        INSERT INTO t (id, xs, m) VALUES (1, ARRAY[5, NULL], MAP('yes, thanks' := 3.5, 'nope' := 7.3, 'sure, yeah' := 2.1));
        SELECT id, TRANSFORM(xs, x => x + 5), TRANSFORM(xs, x => ABS(x)), FILTER(xs, x => x > 1), xs[2] + 1,
               REDUCE(m, CAST(3.2 AS DOUBLE), (s, k, v) => CASE WHEN INSTR(k, 'ye') > 0 THEN CEIL(v * s) ELSE FLOOR(s * v) END)
        FROM t;`);
    // A function with NULL is fine, a comparison with NULL is false; outside lambdas NULL propagates.
    // REDUCE sees 'yes, thanks', 'sure, yeah', 'nope' (a Java HashMap's buckets), not the written order.
    expect(rows).toEqual([[1, null, [5, null], [5], null, 189]]);
  });
});
