/** Runs bin/streamsql topic tools as child processes, with stdin input when given. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { BIN, childEnv, tempDir, type CliResult } from '../../helpers/cli.js';

export function newDataDir(): { dir: string; env: NodeJS.ProcessEnv } {
  const home = tempDir('streamsql-tools-');
  return { dir: join(home, 'data'), env: childEnv(home) };
}

export function spawnTool(args: readonly string[], env: NodeJS.ProcessEnv): ChildProcessWithoutNullStreams {
  return spawn(BIN, [...args], { env, stdio: 'pipe' });
}

/** Runs a tool to completion, feeding `input` on stdin (then closing it); `dir` undefined: no --data-dir. */
export function tool(dir: string | undefined, env: NodeJS.ProcessEnv, args: readonly string[], input = '', timeoutMs = 20_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawnTool(dir === undefined ? args : [...args, '--data-dir', dir], env);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`streamsql ${args.join(' ')} timed out; stdout=${stdout} stderr=${stderr}`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}
