/**
 * A server started with --auth-file refuses requests without credentials; the topic tools and the
 * CLI pass them (--user/--password, STREAMSQL_USER/STREAMSQL_PASSWORD, or user:password@ in a
 * --server URL). Real server process, real tool processes, real TCP.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { startServerProcess } from '../../server/server-process.js';
import { newDataDir, tool } from './run-tool.js';

describe('topic tools and the CLI against a server with --auth-file', { timeout: 180_000 }, () => {
  it('fail with a hint without credentials and work with them', async () => {
    const { dir, env } = newDataDir();
    const authFile = join(dir, '..', 'users');
    writeFileSync(authFile, 'ann:s3cret\n');
    const server = await startServerProcess(dir, ['--auth-file', authFile]);
    try {
      // Through the data dir the server owns.
      const refused = await tool(dir, env, ['topics', 'list']);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('requires a user and password (--user NAME --password PW');
      const created = await tool(dir, env, ['topics', 'create', 'orders', '--user', 'ann', '--password', 's3cret']);
      expect(created).toMatchObject({ code: 0, stdout: 'Created topic orders.\n' });
      const wrong = await tool(dir, env, ['topics', 'list', '--user', 'ann', '--password', 'nope']);
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toContain('refused the request');

      // Through --server, credentials from the environment, then from the URL.
      const withEnv = { ...env, STREAMSQL_USER: 'ann', STREAMSQL_PASSWORD: 's3cret' };
      const acks = await tool(undefined, withEnv, ['produce', 'orders', '--server', server.url, '--key-separator', ':', '--acks'], 'k:v\n');
      expect(acks).toMatchObject({ code: 0, stdout: '0\t0\n' });
      const inUrl = server.url.replace('://', '://ann:s3cret@');
      const consumed = await tool(undefined, env, ['consume', 'orders', '--server', inUrl, '--from-beginning', '--max', '1']);
      expect(consumed).toMatchObject({ code: 0, stdout: 'k\tv\n' });
      const both = await tool(dir, env, ['topics', 'list', '--server', server.url]);
      expect(both.code).toBe(1);
      expect(both.stderr).toContain('either --data-dir or --server');
      const halfPair = await tool(undefined, env, ['topics', 'list', '--server', server.url, '--user', 'ann']);
      expect(halfPair.code).toBe(1);
      expect(halfPair.stderr).toContain("user 'ann' needs a password");

      // The SQL CLI against the same server.
      const sql = ['--server', server.url, '-e', 'SHOW TOPICS;'];
      const cliRefused = await runCli(sql, env);
      expect(cliRefused.code).toBe(1);
      expect(cliRefused.stderr).toContain('HTTP 401: the server requires a user and password');
      const cli = await runCli([...sql, '--user', 'ann', '--password', 's3cret'], env);
      expect(cli.code).toBe(0);
      expect(cli.stdout).toContain('orders');
    } finally {
      await server.stop();
    }
  });
});
