/** PARTITION BY on the real engine: key columns of the result, null values, errors. */
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import { engineFixture, errorMessageOf as errorOf, executeOk } from '../helpers/engine.js';
import { awaitTextRecords } from '../helpers/topic-records.js';

const bytes = (s: string | null): Uint8Array | null => (s === null ? null : new TextEncoder().encode(s));

async function produce(engine: Engine, topic: string, records: { key: string | null; value: string | null; timestamp?: number }[]): Promise<void> {
  await engine.store.append(topic, 0, records.map((r) => ({ key: bytes(r.key), value: bytes(r.value), timestamp: r.timestamp ?? 0 })));
}


const INPUT = "CREATE STREAM input (id INT KEY, name STRING, age INT) WITH (kafka_topic='input', partitions=1, format='JSON');";

describe('PARTITION BY', () => {
  const openEngine = engineFixture();

  it('keys the result by a projected expression, named by its alias; the old key becomes a value', async () => {
    const engine = await openEngine();
    await executeOk(engine.createSession(), `${INPUT}
      SET 'auto.offset.reset'='earliest';
      CREATE STREAM output AS SELECT UCASE(name) AS new_key, name, id FROM input PARTITION BY UCASE(name);`);
    await produce(engine, 'input', [{ key: '10', value: '{"NAME":"bob","AGE":22}' }]);
    expect(await awaitTextRecords(engine, 'OUTPUT', 1)).toEqual([{ key: '"BOB"', value: '{"NAME":"bob","ID":10}', timestamp: 0 }]);
    const describe = await executeOk(engine.createSession(), 'DESCRIBE output;');
    expect(JSON.stringify(describe)).toContain('NEW_KEY');
  });

  it('writes several key columns as a record even when all are NULL, and only key-derived keys for null values', async () => {
    const engine = await openEngine();
    await executeOk(engine.createSession(), `${INPUT}
      SET 'auto.offset.reset'='earliest';
      CREATE STREAM output AS SELECT ABS(age), 1, id + 2 AS k3, name FROM input PARTITION BY ABS(age), 1, id + 2;`);
    await produce(engine, 'input', [
      { key: null, value: '{"NAME":"bob"}' },
      // A record without a value: keys computed from the old key only; the value stays null.
      { key: '30', value: null },
    ]);
    expect(await awaitTextRecords(engine, 'OUTPUT', 2)).toEqual([
      { key: '{"KSQL_COL_0":null,"KSQL_COL_1":1,"K3":null}', value: '{"NAME":"bob"}', timestamp: 0 },
      { key: '{"KSQL_COL_0":null,"KSQL_COL_1":1,"K3":32}', value: null, timestamp: 0 },
    ]);
  });

  it('partitions by a pseudo column, which names the key column', async () => {
    const engine = await openEngine();
    await executeOk(engine.createSession(), `${INPUT}
      SET 'auto.offset.reset'='earliest';
      CREATE STREAM output AS SELECT * FROM input PARTITION BY ROWTIME;`);
    await produce(engine, 'input', [{ key: '1', value: '{"NAME":"a","AGE":3}', timestamp: 10 }]);
    expect(await awaitTextRecords(engine, 'OUTPUT', 1)).toEqual([{ key: '10', value: '{"NAME":"a","AGE":3,"ID":1}', timestamp: 10 }]);
  });

  it('PARTITION BY NULL gives a keyless stream (key format NONE); a KEY_FORMAT for it is refused', async () => {
    const engine = await openEngine();
    await executeOk(engine.createSession(), `${INPUT} CREATE STREAM output AS SELECT * FROM input PARTITION BY NULL;`);
    expect(engine.catalog.getSource('OUTPUT')?.keyFormat).toBe('NONE');
    expect(await errorOf(engine, "CREATE STREAM o2 WITH (key_format='JSON') AS SELECT * FROM input PARTITION BY NULL;")).toBe(
      'Key format specified for stream without key columns.',
    );
  });

  it('refuses empty, NULL-mixed, table and repeated-key partitionings with ksqlDB messages', async () => {
    const engine = await openEngine();
    await executeOk(engine.createSession(), `${INPUT} CREATE TABLE t (id INT PRIMARY KEY, v INT) WITH (kafka_topic='t', partitions=1, format='JSON');`);
    expect(await errorOf(engine, 'CREATE STREAM o AS SELECT * FROM input PARTITION BY ();')).toBe('PARTITION BY requires at least one expression');
    expect(await errorOf(engine, 'CREATE STREAM o AS SELECT * FROM input PARTITION BY NULL, id;')).toBe('Cannot PARTITION BY multiple columns including NULL');
    expect(await errorOf(engine, 'CREATE TABLE o AS SELECT * FROM t PARTITION BY v;')).toMatch(/^PARTITION BY is not supported on a TABLE source/);
    expect(await errorOf(engine, 'CREATE STREAM o AS SELECT name, name AS name2, id FROM input PARTITION BY name;')).toBe(
      'The projection contains a key column (`NAME`) more than once, aliased as: NAME and NAME2.',
    );
    expect(await errorOf(engine, 'CREATE STREAM o AS SELECT * FROM input PARTITION BY nope;')).toBe(
      "PARTITION BY column 'NOPE' cannot be resolved. 'NOPE' must be a column in the source schema since PARTITION BY is applied on the input.",
    );
    expect(await errorOf(engine, "CREATE STREAM o WITH (key_format='KAFKA') AS SELECT * FROM input PARTITION BY id, age;")).toBe(
      "Key format does not support schema.\nformat: KAFKA\nschema: Persistence{columns=[`ID` INTEGER KEY, `AGE` INTEGER KEY], features=[]}\nreason: The 'KAFKA' format only supports a single field. Got: [`ID` INTEGER KEY, `AGE` INTEGER KEY]" +
        "\nStatement: CREATE STREAM O WITH (KEY_FORMAT='KAFKA') AS SELECT\n  *\nFROM INPUT INPUT\nPARTITION BY INPUT.ID, INPUT.AGE\nEMIT CHANGES",
    );
  });
});
