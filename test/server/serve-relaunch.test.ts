/**
 * `streamsql serve` runs its server in a child node process with the server's V8 flags; the
 * launcher passes signals on, and the server stops when the launcher dies.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVE_CHILD_ENV, SERVE_V8_FLAGS, wantsRelaunch } from '../../src/server/serve-relaunch.js';
import { startServerProcess } from './server-process.js';

/** Pids whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) out.push(Number(entry));
    } catch {
      // the process ended while we read
    }
  }
  return out;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(check: () => boolean, ms = 15_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

describe('serve relaunch', () => {
  it('relaunches unless the flag is given already, for --help, or in the server child', () => {
    expect(wantsRelaunch(['--port', '0'], [], {})).toBe(true);
    expect(wantsRelaunch([], ['--max-semi-space-size=32'], {})).toBe(false);
    expect(wantsRelaunch([], [], { NODE_OPTIONS: '--max_semi_space_size=8 --trace-gc' })).toBe(false);
    expect(wantsRelaunch(['--help'], [], {})).toBe(false);
    expect(wantsRelaunch([], [], { [SERVE_CHILD_ENV]: '1' })).toBe(false);
  });

  it('serves from a child with the flags, passes SIGTERM on and exits with its code', async () => {
    const server = await startServerProcess();
    const [child] = childrenOf(server.child.pid!);
    expect(child).toBeDefined();
    const cmdline = readFileSync(`/proc/${child}/cmdline`, 'utf8').split('\0');
    for (const f of SERVE_V8_FLAGS) expect(cmdline).toContain(f);
    expect((await fetch(`${server.url}/info`)).status).toBe(200);
    const { code, stdout } = await server.stop('SIGTERM');
    expect(code).toBe(0);
    expect(stdout).toContain('SIGTERM: shutting down');
    expect(stdout).toContain('stopped');
    expect(alive(child!)).toBe(false);
  });

  it('stops the server when the launcher is killed, freeing the data dir', async () => {
    const server = await startServerProcess();
    const [child] = childrenOf(server.child.pid!);
    expect(child).toBeDefined();
    server.child.kill('SIGKILL');
    expect(await until(() => !alive(child!))).toBe(true);
    const again = await startServerProcess(server.dataDir);
    expect((await fetch(`${again.url}/info`)).status).toBe(200);
    expect((await again.stop()).code).toBe(0);
  });
});
