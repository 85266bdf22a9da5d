/** Child processes of the bench: pinned to one core, their last stdout line parsed as JSON. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ChildResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `command args`, under `taskset -c core` when a core is given. */
export function runPinned(core: number | undefined, command: string, args: readonly string[], cwd: string): Promise<ChildResult> {
  const [cmd, argv] = core === undefined ? [command, args] : ['taskset', ['-c', String(core), command, ...args]];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The last line of stdout that parses as a JSON object, or undefined. */
export function lastJsonLine(stdout: string): Record<string, unknown> | undefined {
  const lines = stdout.trim().split('\n').reverse();
  for (const line of lines) {
    if (!line.startsWith('{')) continue;
    try {
      return JSON.parse(line) as Record<string, unknown>;
    } catch {
      continue;
    }
  }
  return undefined;
}

/** The tail of a failed child's stderr, for the report. */
export function stderrTail(r: ChildResult, lines = 5): string {
  return r.stderr.trim().split('\n').slice(-lines).join(' | ');
}

/**
 * The node flags bin/streamsql's shebang gives every streamsql command (`#!/usr/bin/env -S node
 * FLAGS`, docs/decisions/0065): the bench runs the engine with process.execPath, which skips the
 * shebang, so it passes them itself to measure the engine as users run it.
 */
export function binNodeFlags(repo: string): string[] {
  const first = readFileSync(join(repo, 'bin', 'streamsql'), 'utf8').split('\n', 1)[0] ?? '';
  const m = /^#!\/usr\/bin\/env -S node(.*)$/.exec(first);
  return m ? m[1]!.split(' ').filter(Boolean) : [];
}
