/** ASSERT [NOT EXISTS] SCHEMA on the real engine: there is no schema registry, so no schema exists. */
import { describe, expect, it } from 'vitest';
import { engineFixture, errorMessageOf } from '../helpers/engine.js';

describe('ASSERT SCHEMA', () => {
  const openEngine = engineFixture();

  it('fails for any subject or id, and NOT EXISTS succeeds', async () => {
    const engine = await openEngine();
    expect(await errorMessageOf(engine, "ASSERT SCHEMA SUBJECT 'clicks-value';")).toBe('Schema with subject name clicks-value does not exist');
    expect(await errorMessageOf(engine, 'ASSERT SCHEMA ID 7 TIMEOUT 1 SECONDS;')).toBe('Schema with id 7 does not exist');
    expect(await errorMessageOf(engine, 'ASSERT SCHEMA SUBJECT s ID 7;')).toBe('Schema with subject name s id 7 does not exist');
    expect(await errorMessageOf(engine, 'ASSERT NOT EXISTS SCHEMA SUBJECT s ID 7;')).toBe('(no error)');
  });

  it('needs a subject or an integer id, as ksqlDB', async () => {
    const engine = await openEngine();
    expect(await errorMessageOf(engine, 'ASSERT SCHEMA;')).toBe('ASSERT SCHEMA statements must include a subject name or an id');
    expect(await errorMessageOf(engine, "ASSERT SCHEMA ID 'x';")).toBe('ID must be an integer');
    expect(await errorMessageOf(engine, 'ASSERT SCHEMA ID 2147483648;')).toBe('ID must be an integer');
  });

  it('leaves SCHEMA, SUBJECT and ID usable as column names', async () => {
    const engine = await openEngine();
    const create = "CREATE STREAM s (id INT KEY, schema STRING, subject STRING) WITH (kafka_topic='s', partitions=1, value_format='JSON');";
    expect(await errorMessageOf(engine, create)).toBe('(no error)');
    expect(await errorMessageOf(engine, 'SELECT id, schema, subject FROM s;')).toBe('(no error)');
  });
});
