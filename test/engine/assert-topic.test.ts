/** ASSERT [NOT EXISTS] TOPIC on the real engine and store. */
import { describe, expect, it } from 'vitest';
import { engineFixture, errorMessageOf } from '../helpers/engine.js';

describe('ASSERT TOPIC', () => {
  const openEngine = engineFixture();

  it('checks that a topic exists, or not, with the partitions given', async () => {
    const engine = await openEngine();
    expect(await errorMessageOf(engine, "CREATE STREAM s (a INT) WITH (kafka_topic='t1', partitions=2, value_format='JSON');")).toBe('(no error)');
    expect(await errorMessageOf(engine, 'ASSERT TOPIC t1;')).toBe('(no error)');
    expect(await errorMessageOf(engine, "ASSERT TOPIC 't1' WITH (partitions=2) TIMEOUT 3 SECONDS;")).toBe('(no error)');
    expect(await errorMessageOf(engine, 'ASSERT TOPIC t1 WITH (PARTITIONS=3);')).toBe('Mismatched configuration for topic t1: For config partitions, expected 3 got 2');
    expect(await errorMessageOf(engine, 'ASSERT TOPIC nope;')).toBe('Topic nope does not exist');
    expect(await errorMessageOf(engine, 'ASSERT NOT EXISTS TOPIC nope;')).toBe('(no error)');
    expect(await errorMessageOf(engine, 'ASSERT NOT EXISTS TOPIC t1;')).toBe('Topic t1 exists');
  });

  it('is, with ASSERT SCHEMA, the only ASSERT statement: others fail to parse after ASSERT, as in ksqlDB', async () => {
    const engine = await openEngine();
    expect(await errorMessageOf(engine, 'ASSERT VALUES foo (id INT) VALUES (123);')).toMatch(/^line 1:8: Syntax Error\nSyntax error at or near 'VALUES' at line 1:8/);
  });
});
