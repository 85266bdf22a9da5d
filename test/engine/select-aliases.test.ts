/** Names a SELECT may not give its columns: ksqlDB's system columns. */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { tempDir } from '../helpers/cli.js';
import { executeOk } from '../helpers/engine.js';

describe('SELECT aliases', () => {
  let engine: Engine | undefined;
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
  });

  it('rejects a system column name as an alias, and a system column selected under its own name', async () => {
    engine = await Engine.open({ dataDir: join(tempDir(), 'data') });
    const s = engine.createSession();
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
