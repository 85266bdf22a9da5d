/** Names a SELECT may not give its columns: ksqlDB's system columns. */
import { describe, expect, it } from 'vitest';
import { engineFixture, executeOk } from '../helpers/engine.js';

describe('SELECT aliases', () => {
  const openEngine = engineFixture();

  it('rejects a system column name as an alias, and a system column selected under its own name', async () => {
    const s = (await openEngine()).createSession();
    await executeOk(s, "CREATE STREAM input (k STRING KEY, x INT) WITH (kafka_topic='in', partitions=1, value_format='JSON');");
    for (const name of ['ROWTIME', 'ROWPARTITION', 'ROWOFFSET', 'WINDOWSTART', 'WINDOWEND']) {
      await expect(executeOk(s, `CREATE STREAM o_${name} AS SELECT k, x AS ${name} FROM input;`)).rejects.toThrow(
        `\`${name}\` is a reserved column name. You cannot use it as an alias for a column.`,
      );
    }
    await expect(executeOk(s, 'CREATE STREAM o AS SELECT k, ROWTIME AS ROWTIME FROM input;')).rejects.toThrow(
      'Reserved column name in select: `ROWTIME`. Please remove or alias the column.',
    );
    await executeOk(s, 'CREATE STREAM fine AS SELECT k, ROWTIME AS ts FROM input;');
  });
});
