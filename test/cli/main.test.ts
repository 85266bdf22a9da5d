/** End-to-end: the real bin/streamsql in child processes, on real LMDB data dirs. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childEnv, runCli, startCli, tempDir, waitForOutput } from '../helpers/cli.js';

const CREATE = "CREATE STREAM clicks (user_id STRING KEY, page STRING, ms INT) WITH (kafka_topic='clicks', partitions=3, value_format='JSON');";
const INSERT = "INSERT INTO clicks (user_id, page, ms) VALUES ('u1', '/home', 120);";
const QUERY = "SET 'auto.offset.reset'='earliest'; SELECT user_id, UCASE(page) AS p FROM clicks WHERE ms > 100 EMIT CHANGES LIMIT 1;";

describe('bin/streamsql', () => {
  const home = tempDir();
  const env = childEnv(home);

  it('prints help and version', async () => {
    const help = await runCli(['--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--data-dir DIR');
    expect(help.stdout).toContain('--output table|json');
    const version = await runCli(['--version'], env);
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^streamsql \d+\.\d+\.\d+\n$/);
  });

  it('rejects unknown flags with exit 1', async () => {
    const r = await runCli(['--bogus'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bogus');
  });

  it('runs the done-check script across a restart, in json', async () => {
    const dir = join(tempDir(), 'data');
    const first = await runCli(['--data-dir', dir, '--output', 'json', '-e', `${CREATE} ${INSERT}`], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const results = first.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(results.map((r) => r['@type'])).toEqual(['currentStatus', 'currentStatus']);
    expect(results[0].commandStatus.message).toBe('Stream created');

    // A new process: the stream and its record survive the restart.
    const second = await runCli(['--data-dir', dir, '--output', 'json', '-e', QUERY], env);
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    const lines = second.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]['@type']).toBe('property_changed');
    expect(lines[1]).toEqual({ USER_ID: 'u1', P: '/HOME' });
    expect(lines).toHaveLength(2);
  });

  it('prints a streamed table by default', async () => {
    const dir = join(tempDir(), 'data');
    const r = await runCli(['--data-dir', dir, '-e', `${CREATE} ${INSERT} ${QUERY}`], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\| USER_ID\s+\| P\s+\|/);
    expect(r.stdout).toMatch(/\| u1\s+\| \/HOME\s+\|/);
    expect(r.stdout).toContain('Limit Reached');
  });

  it('uses STREAMSQL_DATA_DIR when --data-dir is absent', async () => {
    const dir = join(tempDir(), 'data');
    const withEnv = childEnv(home, { STREAMSQL_DATA_DIR: dir });
    expect((await runCli(['-e', CREATE], withEnv)).code).toBe(0);
    const r = await runCli(['--data-dir', dir, '--output', 'json', '-e', 'SHOW STREAMS;'], env);
    expect(JSON.parse(r.stdout).streams.map((s: { name: string }) => s.name)).toEqual(['CLICKS', 'KSQL_PROCESSING_LOG']);
  });

  it('stops at the first error with line:column and a caret on stderr', async () => {
    const dir = join(tempDir(), 'data');
    const r = await runCli(['--data-dir', dir, '-e', `${CREATE}\nSELECT * FORM clicks;\nSHOW STREAMS;`], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^2:10: /);
    expect(r.stderr).toContain('SELECT * FORM clicks;\n         ^^^^');
    expect(r.stdout).toContain('Stream created');
    expect(r.stdout).not.toContain('Stream Name'); // SHOW STREAMS did not run
  });

  it('rejects an INSERT of a wrong type and stores nothing', async () => {
    const dir = join(tempDir(), 'data');
    const bad = await runCli(['--data-dir', dir, '-e', `${CREATE}\nINSERT INTO clicks (user_id, page, ms) VALUES ('u1', '/home', 'fast');`], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^2:\d+: .*INTEGER/);
    expect(bad.stderr).toContain('^');
    const r = await runCli(['--data-dir', dir, '--output', 'json', '-e', 'SELECT * FROM clicks;'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
  });

  it('runs a file with -f and substitutes -d variables', async () => {
    const dir = join(tempDir(), 'data');
    const file = join(tempDir(), 'script.sql');
    writeFileSync(file, `-- a script\n${CREATE}\nINSERT INTO clicks (user_id, page, ms) VALUES ('\${user}', '/x', \${ms});\nSELECT * FROM clicks;\n`);
    const r = await runCli(['--data-dir', dir, '--output', 'json', '-f', file, '-d', 'user=u7', '-d', 'ms=5'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l)).filter((o) => !('@type' in o));
    expect(rows).toEqual([{ USER_ID: 'u7', PAGE: '/x', MS: 5 }]);
  });

  it('a second process on the same data dir gets a clear error naming the holder', async () => {
    const dir = join(tempDir(), 'data');
    expect((await runCli(['--data-dir', dir, '-e', CREATE], env)).code).toBe(0);
    const holder = startCli(['--data-dir', dir, '--output', 'json', '-e', 'SELECT * FROM clicks EMIT CHANGES;'], env);
    try {
      // A push query prints nothing until rows arrive; give the holder time to open the data dir.
      await new Promise((r) => setTimeout(r, 2000));
      const second = await runCli(['--data-dir', dir, '-e', 'SHOW STREAMS;'], env);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(`pid ${holder.pid}`);
    } finally {
      holder.kill('SIGINT');
    }
    const code = await new Promise<number | null>((r) => holder.on('close', r));
    expect(code).toBe(0);
  });

  it('PRINT shows raw records with rowtime, partition, offset, key and value', async () => {
    const dir = join(tempDir(), 'data');
    const printer = startCli(['--data-dir', dir, '-e', `${CREATE} ${INSERT} PRINT 'clicks' FROM BEGINNING LIMIT 1;`], env);
    const out = await waitForOutput(printer, /rowtime: .*key: u1, value: \{"PAGE":"\/home","MS":120\}/);
    expect(out).toMatch(/partition: \d, offset: 0/);
    await new Promise((r) => printer.on('close', r));
  });
});
