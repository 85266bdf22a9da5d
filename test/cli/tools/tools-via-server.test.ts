/**
 * While `streamsql serve` owns a data dir, the topic tools go through it (real server process,
 * real tool processes, real TCP): the same commands print the same output, records produced by
 * a tool are visible to the server's engine at once, and once the server stops the tools open
 * the data dir themselves again.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../../helpers/cli.js';
import { spawn } from 'node:child_process';
import { newDataDir, tool } from './run-tool.js';

function startServer(dir: string, env: NodeJS.ProcessEnv): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(BIN, ['serve', '--port', '0', '--data-dir', dir], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out} ${err}`)), 30_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (\S+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        url: m[1]!,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${out} ${err}`)));
  });
}

describe('topic tools while a server owns the data dir', { timeout: 180_000 }, () => {
  it('work through the server, then directly once it stops', async () => {
    const { dir, env } = newDataDir();
    const server = await startServer(dir, env);
    try {
      expect(existsSync(join(dir, 'streamsql.server'))).toBe(true);
      expect(await tool(dir, env, ['topics', 'create', 'orders', '--partitions', '2', '--config', 'compression.type=gzip'])).toMatchObject({
        code: 0,
        stdout: 'Created topic orders.\n',
      });
      expect((await tool(dir, env, ['topics', 'list'])).stdout).toContain('orders\n');
      const acks = await tool(dir, env, ['produce', 'orders', '--key-separator', ':', '--acks', '--partition', '1'], 'a:1\nb:2\nc:3\n');
      expect(acks).toMatchObject({ code: 0, stdout: '1\t0\n1\t1\n1\t2\n' });
      const described = (await tool(dir, env, ['topics', 'describe', 'orders'])).stdout;
      expect(described).toContain('compression.type=gzip');
      expect(described).toMatch(/Partition: 1\tStartOffset: 0\tEndOffset: 3\tBytes: \d+/);
      expect((await tool(dir, env, ['consume', 'orders', '--from-beginning', '--group', 'g', '--max', '2', '--format', '%k=%v'])).stdout).toBe('a=1\nb=2\n');
      expect((await tool(dir, env, ['groups', 'list'])).stdout).toBe('g\n');
      expect((await tool(dir, env, ['groups', 'describe', 'g'])).stdout.split('\n')[2]!.split(/\s+/)).toEqual(['g', 'orders', '1', '2', '3', '1', '-']);
      // The server's engine sees the records the tool produced (same store, no restart).
      const res = await fetch(`${server.url}/ksql`, {
        method: 'POST',
        headers: { 'content-type': 'application/vnd.ksql.v1+json' },
        body: JSON.stringify({ ksql: 'SHOW TOPICS;' }),
      });
      expect(await res.text()).toContain('orders');
      // Errors keep their codes and messages through the server.
      const missing = await tool(dir, env, ['consume', 'nope']);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain("Topic 'nope' does not exist");
      const bad = await tool(dir, env, ['topics', 'create', 'orders']);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain("Topic 'orders' already exists");
    } finally {
      await server.stop();
    }
    expect(existsSync(join(dir, 'streamsql.server'))).toBe(false);
    expect((await tool(dir, env, ['consume', 'orders', '--group', 'g', '--format', '%v'])).stdout).toBe('3\n');
  });
});
