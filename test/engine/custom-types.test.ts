/** CREATE TYPE / DROP TYPE / SHOW TYPES on the real engine, and custom types across a restart. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import type { StatementResult } from '../../src/engine/results.js';
import { typeToString } from '../../src/types/sql-type.js';
import { tempDir } from '../helpers/cli.js';
import { engineFixture, errorMessageOf, executeOk, rowsOf } from '../helpers/engine.js';

const results = (events: Awaited<ReturnType<typeof executeOk>>): StatementResult[] => events.flatMap((e) => (e.type === 'result' ? [e.result] : []));

describe('custom types', () => {
  const openEngine = engineFixture();

  it('are usable in columns, nested in STRUCT/ARRAY/MAP, and in CAST', async () => {
    const engine = await openEngine();
    const s = engine.createSession();
    const created = results(await executeOk(s, 'CREATE TYPE address AS STRUCT<number INTEGER, street VARCHAR>;'));
    expect(created[0]).toMatchObject({ '@type': 'currentStatus', commandStatus: { message: "Registered custom type with name 'ADDRESS' and SQL type STRUCT<`NUMBER` INTEGER, `STREET` STRING>" } });
    await executeOk(s, `
      CREATE TYPE person AS STRUCT<name VARCHAR, home ADDRESS, others ARRAY<address>>;
      CREATE TYPE money AS DECIMAL(6, 2);
      CREATE STREAM people (k STRING KEY, p PERSON, by_city MAP<STRING, Address>, amount money)
        WITH (kafka_topic='people', partitions=1, value_format='JSON');`);
    const cols = engine.catalog.getSource('PEOPLE')!.valueColumns.map((c) => `${c.name} ${typeToString(c.type)}`);
    expect(cols).toEqual([
      'P STRUCT<`NAME` STRING, `HOME` STRUCT<`NUMBER` INTEGER, `STREET` STRING>, `OTHERS` ARRAY<STRUCT<`NUMBER` INTEGER, `STREET` STRING>>>',
      'BY_CITY MAP<STRING, STRUCT<`NUMBER` INTEGER, `STREET` STRING>>',
      'AMOUNT DECIMAL(6, 2)',
    ]);
    await executeOk(s, "SET 'auto.offset.reset'='earliest'; INSERT INTO people (k, amount) VALUES ('a', 1.5);");
    expect(rowsOf(await executeOk(s, 'SELECT CAST(amount AS money) AS m, CAST(1 AS money) + 0 AS one FROM people EMIT CHANGES LIMIT 1;')).map((r) => r.map(String))).toEqual([['1.50', '1.00']]);
  });

  it('rejects a second definition, unknown and built-in names; IF [NOT] EXISTS say so instead', async () => {
    const engine = await openEngine();
    const s = engine.createSession();
    await executeOk(s, 'CREATE TYPE t AS INT;');
    expect(await errorMessageOf(engine, 'CREATE TYPE t AS STRING;')).toBe("Cannot register custom type 'T' since it is already registered with type: INTEGER");
    expect(results(await executeOk(s, 'CREATE TYPE IF NOT EXISTS t AS STRING;'))).toHaveLength(1);
    expect(engine.catalog.getType('T')).toEqual({ kind: 'INTEGER' });
    expect(await errorMessageOf(engine, 'CREATE TYPE varchar AS INT;')).toBe("Cannot register custom type 'VARCHAR': it is the name of a built-in type.");
    expect(await errorMessageOf(engine, "CREATE STREAM x (a NOPE) WITH (kafka_topic='x', partitions=1, value_format='JSON');")).toBe("Unknown type 'NOPE'");
    expect(await errorMessageOf(engine, 'DROP TYPE nope;')).toBe('Type NOPE does not exist.');
    expect(results(await executeOk(s, 'DROP TYPE IF EXISTS nope;'))[0]).toMatchObject({ commandStatus: { message: 'Type NOPE does not exist.' } });
  });

  it('dropping a type leaves the sources that used it intact', async () => {
    const engine = await openEngine();
    const s = engine.createSession();
    await executeOk(s, "CREATE TYPE t AS ARRAY<INT>; CREATE STREAM x (a t) WITH (kafka_topic='x', partitions=1, value_format='JSON'); DROP TYPE t;");
    expect(typeToString(engine.catalog.getSource('X')!.valueColumns[0]!.type)).toBe('ARRAY<INTEGER>');
    expect(await errorMessageOf(engine, 'SELECT CAST(a AS t) FROM x EMIT CHANGES;')).toBe("Unknown type 'T'");
  });

  it('SHOW TYPES lists them, and they survive a restart', async () => {
    const dataDir = join(tempDir(), 'data');
    let engine = await Engine.open({ dataDir });
    await executeOk(engine.createSession(), 'CREATE TYPE b AS MAP<STRING, ARRAY<BIGINT>>; CREATE TYPE a AS STRUCT<x DECIMAL(4, 1)>; CREATE TYPE gone AS INT; DROP TYPE gone;');
    await engine.close();
    engine = await Engine.open({ dataDir });
    try {
      const [list] = results(await executeOk(engine.createSession(), 'SHOW TYPES;'));
      expect(list).toEqual({
        '@type': 'type_list',
        statementText: 'SHOW TYPES;',
        types: {
          A: { type: 'STRUCT', fields: [{ name: 'X', schema: { type: 'DECIMAL', fields: null, memberSchema: null, parameters: { precision: 4, scale: 1 } } }], memberSchema: null },
          B: { type: 'MAP', fields: null, memberSchema: { type: 'ARRAY', fields: null, memberSchema: { type: 'BIGINT', fields: null, memberSchema: null } } },
        },
        warnings: [],
      });
    } finally {
      await engine.close();
    }
  });
});
