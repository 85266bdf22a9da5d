/** Names generated for unaliased SELECT expressions (KSQL_COL_n) skip names the source already has. */
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
});
