/**
 * `streamsql serve` runs the server in a child node process started with SERVE_V8_FLAGS
 * (docs/decisions/0061-serve-young-generation.md): V8 sizes its young generation when the process
 * starts (`v8.setFlagsFromString` later changes nothing), and a server that allocates per request
 * wants a larger one than node's default. bin/streamsql calls this before it loads the CLI, so the
 * launcher stays a small process that only forwards signals and passes on the exit code.
 *
 * No relaunch when the flag is given already (node's own options or NODE_OPTIONS: the user's
 * value wins) or for --help. Imports node: modules only (it runs before the CLI is loaded).
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/** A semi-space of up to 64 MB (node 20's default is 16): about 4x fewer scavenges under the load bench. */
export const SERVE_V8_FLAGS: readonly string[] = ['--max-semi-space-size=64'];

/** Set in the child's environment: this process is the server, not the launcher. */
export const SERVE_CHILD_ENV = 'STREAMSQL_SERVE_CHILD';

/** Signals the launcher passes on. The child has its own process group, so a terminal's Ctrl-C reaches it once, from here. */
const FORWARDED_SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT', 'SIGHUP'];

export function wantsRelaunch(argv: readonly string[], execArgv: readonly string[] = process.execArgv, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env[SERVE_CHILD_ENV] === '1' || argv.includes('--help') || argv.includes('-h')) return false;
  const given = [...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/)].map(flagName);
  return !SERVE_V8_FLAGS.some((f) => given.includes(flagName(f)));
}

/** Runs `node SERVE_V8_FLAGS <node options> script serve ...argv` and resolves with its exit code. */
export function relaunchServe(script: string, argv: readonly string[]): Promise<number> {
  const child = spawn(process.execPath, [...SERVE_V8_FLAGS, ...process.execArgv, script, 'serve', ...argv], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, [SERVE_CHILD_ENV]: '1' },
    detached: true,
  });
  const forward = (signal: NodeJS.Signals): void => {
    child.kill(signal);
  };
  for (const s of FORWARDED_SIGNALS) process.on(s, forward);
  return new Promise((resolve) => {
    const done = (code: number): void => {
      for (const s of FORWARDED_SIGNALS) process.off(s, forward);
      resolve(code);
    };
    child.once('error', (err) => {
      process.stderr.write(`streamsql serve: cannot start the server process: ${err.message}\n`);
      done(1);
    });
    child.once('exit', (code, signal) => done(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0)));
  });
}

/**
 * In the server child: stop as on SIGTERM when the launcher goes away (even killed by SIGKILL,
 * which it cannot pass on), so that no server outlives it holding the data dir.
 */
export function stopWithLauncher(): void {
  if (process.env[SERVE_CHILD_ENV] !== '1' || !process.channel) return;
  process.channel.unref(); // the channel alone must not keep the server's process alive
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}

function flagName(flag: string): string {
  return flag.split('=')[0]!.replaceAll('_', '-');
}
