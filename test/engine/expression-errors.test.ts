/** ksqlDB's messages for expression errors, as a statement reports them. */
import { describe, expect, it } from 'vitest';
import { engineFixture, executeOk } from '../helpers/engine.js';

describe('expression errors in statements', () => {
  const openEngine = engineFixture();
  const create = "CREATE STREAM t (k INT KEY, s STRING, m MAP<STRING, INT>, i INT, l BIGINT) WITH (kafka_topic='t', partitions=1, value_format='JSON');";

  it('name the projection or filter step for casts and IN lists, as ksqlDB compiles them there', async () => {
    const s = (await openEngine()).createSession();
    await executeOk(s, create);
    await expect(executeOk(s, 'CREATE STREAM o1 AS SELECT k, CAST(s AS ARRAY<INT>) FROM t;')).rejects.toThrow(
      'Invalid Select: Cast of STRING to ARRAY<INTEGER> is not supported',
    );
    await expect(executeOk(s, 'CREATE STREAM o2 AS SELECT * FROM t WHERE i IN (1, true);')).rejects.toThrow(
      'Invalid Predicate: operator does not exist: INTEGER = BOOLEAN (true)',
    );
  });

  it('resolve functions as ksqlDB does, naming them as it declares them', async () => {
    const s = (await openEngine()).createSession();
    await executeOk(s, create);
    await expect(executeOk(s, 'SELECT GREATEST(i, l) FROM t;')).rejects.toThrow(
      "Function 'greatest' cannot be resolved due to ambiguous method parameters (INTEGER, BIGINT).",
    );
    await expect(executeOk(s, 'SELECT GREATEST(*) FROM t;')).rejects.toThrow("Function 'greatest' does not accept parameters ().");
    await expect(executeOk(s, 'SELECT EXPLODE(m) FROM t;')).rejects.toThrow(
      "Function 'explode' does not accept parameters (MAP<STRING, INTEGER>).\nValid alternatives are:\nexplode(ARRAY<DECIMAL> input)\nexplode(ARRAY<T> list)",
    );
  });
});
