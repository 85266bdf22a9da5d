/** Format configs from WITH (schema name, delimiter, schema id) against the formats they go to. */
import { describe, expect, it } from 'vitest';
import { engineFixture, errorMessageOf } from '../helpers/engine.js';

describe('format configs in WITH', () => {
  const openEngine = engineFixture();
  const create = (withs: string) => `CREATE STREAM s (k STRING KEY, v STRING) WITH (kafka_topic='s', partitions=1, ${withs});`;

  it("fail on a format that does not support them, in ksqlDB's words", async () => {
    const engine = await openEngine();
    expect(await errorMessageOf(engine, create("value_format='JSON', VALUE_AVRO_SCHEMA_FULL_NAME='com.x.V'"))).toBe(
      'JSON does not support the following configs: [fullSchemaName]',
    );
    expect(await errorMessageOf(engine, create("key_format='KAFKA', value_format='JSON', KEY_SCHEMA_ID=3"))).toBe(
      'KAFKA does not support the following configs: [schemaId]',
    );
    expect(await errorMessageOf(engine, create("value_format='JSON', VALUE_SCHEMA_FULL_NAME='n', VALUE_SCHEMA_ID=1, VALUE_DELIMITER='|'"))).toBe(
      'JSON does not support the following configs: [fullSchemaName, delimiter, schemaId]',
    );
    expect(await errorMessageOf(engine, create("value_format='DELIMITED', VALUE_SCHEMA_FULL_NAME='n'"))).toBe(
      'DELIMITED does not support the following configs: [fullSchemaName]',
    );
  });

  it('pass where the format supports them, and on CREATE ... AS SELECT too', async () => {
    const engine = await openEngine();
    expect(await errorMessageOf(engine, create("value_format='DELIMITED', VALUE_DELIMITER='|'"))).toBe('(no error)');
    expect(await errorMessageOf(engine, "CREATE STREAM o WITH (value_format='JSON', VALUE_AVRO_SCHEMA_FULL_NAME='n') AS SELECT * FROM s;")).toBe(
      'JSON does not support the following configs: [fullSchemaName]',
    );
  });
});
