/**
 * End to end with bin/streamsql: a record that does not deserialize lands in KSQL_PROCESSING_LOG
 * (ksqlDB's schema) while the persistent query reading it goes on; the log answers push and pull
 * queries.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, childEnv, runCli, tempDir } from '../helpers/cli.js';

const jsonLines = (stdout: string): Record<string, unknown>[] =>
  stdout
    .split('\n')
    .filter((l) => l.startsWith('{') && !l.startsWith('{"@type"'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('the processing log', () => {
  it('receives a bad record of a persistent query, which goes on', async () => {
    const home = tempDir();
    const env = childEnv(home);
    const dataDir = join(home, 'data');
    const create = await runCli(['--data-dir', dataDir, '-e', "CREATE STREAM clicks (id STRING KEY, ms INT) WITH (kafka_topic='clicks', value_format='JSON');"], env);
    expect(create.code).toBe(0);
    const produce = spawnSync(BIN, ['produce', 'clicks', '--data-dir', dataDir], { env, input: '{"MS":1}\nnot json\n{"MS":2}\n', encoding: 'utf8' });
    expect(produce.status).toBe(0);

    const script = [
      "SET 'auto.offset.reset'='earliest';",
      'CREATE STREAM fast AS SELECT id, ms FROM clicks;',
      // Both good records come through: the bad one between them did not stop the query.
      'SELECT ms FROM fast EMIT CHANGES LIMIT 2;',
      'SELECT LOGGER, LEVEL, MESSAGE->TYPE AS T, MESSAGE->DESERIALIZATIONERROR->ERRORMESSAGE AS MSG,',
      '  MESSAGE->DESERIALIZATIONERROR->RECORDB64 AS B64, MESSAGE->DESERIALIZATIONERROR->`topic` AS SRC',
      '  FROM KSQL_PROCESSING_LOG EMIT CHANGES LIMIT 1;',
      // A pull scan of the log stream.
      'SELECT MESSAGE->TYPE AS T FROM KSQL_PROCESSING_LOG;',
    ].join('\n');
    const run = await runCli(['--data-dir', dataDir, '--output', 'json', '-e', script], env);
    expect(run.stderr).toBe('');
    const [first, second, entry, scanned, ...rest] = jsonLines(run.stdout);
    expect([first, second]).toEqual([{ MS: 1 }, { MS: 2 }]);
    expect(entry).toMatchObject({ LOGGER: 'processing.CSAS_FAST_0', LEVEL: 'ERROR', T: 0, SRC: 'clicks' });
    expect(Buffer.from(String(entry!.B64), 'base64').toString()).toBe('not json');
    expect(String(entry!.MSG)).toMatch(/deserialize.*\(topic clicks, partition 0, offset 1\)/);
    expect(scanned).toEqual({ T: 0 });
    expect(rest).toEqual([]);
  });

  it('is listed by SHOW STREAMS as ksqlDB lists it', async () => {
    const home = tempDir();
    const run = await runCli(['--data-dir', join(home, 'data'), '--output', 'json', '-e', 'SHOW STREAMS;'], childEnv(home));
    expect(run.stdout).toContain('"name":"KSQL_PROCESSING_LOG"');
  });
});
