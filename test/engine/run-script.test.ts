/**
 * RUN SCRIPT is a command of a local client (the CLI, the shell): a session opened for one runs
 * the file; the engine's own sessions (the server's, the conformance runner's) refuse it as
 * ksqlDB's parser does, whose statements have no RUN.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmbeddedClient } from '../../src/client/embedded.js';
import { tempDir } from '../helpers/cli.js';
import { engineFixture, errorMessageOf, executeOk } from '../helpers/engine.js';

describe('RUN SCRIPT', () => {
  const openEngine = engineFixture();

  it('is an unknown statement for a session without local scripts', async () => {
    const engine = await openEngine();
    const message = await errorMessageOf(engine, "RUN SCRIPT '/nonexistent.sql';");
    expect(message).toMatch(/^line 1:1: Syntax Error\nUnknown statement 'RUN'\nDid you mean '[A-Z]+'\?\nStatement: RUN SCRIPT '\/nonexistent.sql';$/);
  });

  it('runs the file in a session with local scripts', async () => {
    const engine = await openEngine();
    const file = join(tempDir(), 'script.sql');
    writeFileSync(file, "CREATE STREAM s (a INT) WITH (kafka_topic='s', partitions=1, value_format='JSON');\n");
    await executeOk(engine.createSession({ localScripts: true }), `RUN SCRIPT '${file}';`);
    expect(engine.catalog.getSource('S')).toBeDefined();
  });

  it('runs the file through the embedded client (the CLI and shell)', async () => {
    const dir = tempDir();
    const file = join(dir, 'script.sql');
    writeFileSync(file, "CREATE STREAM t (a INT) WITH (kafka_topic='t', partitions=1, value_format='JSON');\nSHOW STREAMS;\n");
    const client = await EmbeddedClient.open(join(dir, 'data'));
    try {
      const events = [];
      for await (const e of client.execute(`RUN SCRIPT '${file}';`)) events.push(e);
      expect(events.filter((e) => e.type === 'error')).toEqual([]);
      expect(JSON.stringify(events)).toContain('"T"');
    } finally {
      await client.close();
    }
  });
});
