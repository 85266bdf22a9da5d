/** Names generated for unaliased SELECT expressions (KSQL_COL_n, struct fields) skip names the source already has. */
import { describe, expect, it } from 'vitest';
import { engineFixture, executeOk } from '../helpers/engine.js';

describe('generated column names', () => {
  const openEngine = engineFixture();

  it('skip source columns named like generated ones, key columns included', async () => {
    const s = (await openEngine()).createSession();
    await executeOk(s, "CREATE STREAM input (KSQL_COL_3 INT KEY, KSQL_COL_2 INT, KSQL_COL_4 INT) WITH (kafka_topic='in', partitions=1, value_format='JSON');");
    const events = await executeOk(s, 'SELECT ABS(KSQL_COL_2), ABS(KSQL_COL_2), ABS(KSQL_COL_2), * FROM input;');
    const start = events.find((e) => e.type === 'queryStart');
    expect(start?.type === 'queryStart' && start.columns.map((c) => c.name)).toEqual([
      'KSQL_COL_0',
      'KSQL_COL_1',
      'KSQL_COL_5',
      'KSQL_COL_3',
      'KSQL_COL_2',
      'KSQL_COL_4',
    ]);
  });

  it('name an unaliased struct field after the field, numbered when a source column or earlier field has the name', async () => {
    const s = (await openEngine()).createSession();
    await executeOk(s, "CREATE STREAM input (k STRING KEY, b INT, a STRUCT<b INT, c INT>, c STRUCT<b INT>) WITH (kafka_topic='in', partitions=1, value_format='JSON');");
    const events = await executeOk(s, 'SELECT k, b, a->b, c->b, a->c FROM input;');
    const start = events.find((e) => e.type === 'queryStart');
    // A->C is C_1: the source has a column C.
    expect(start?.type === 'queryStart' && start.columns.map((c) => c.name)).toEqual(['K', 'B', 'B_1', 'B_2', 'C_1']);
  });
});
