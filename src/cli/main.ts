/** The streamsql command: flags → embedded client → shell, or run statements and exit. */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Client, ClientEvent } from '../client/client.js';
import { EmbeddedClient } from '../client/embedded.js';
import { HttpClient } from '../client/http-client.js';
import { toJsonText } from '../client/json-text.js';
import { VERSION } from '../engine/engine.js';
import { HELP, parseCliArgs, type OutputFormat } from './args.js';
import { findSubcommand } from './subcommands.js';
import { TextOutput } from './text-output.js';

/** Period of the idle timer that keeps the process alive while a script runs. */
const KEEP_ALIVE_MS = 1 << 30;

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.STREAMSQL_DATA_DIR || join(homedir(), '.streamsql', 'data');
}

export function historyFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.STREAMSQL_HISTORY_FILE || join(homedir(), '.streamsql', 'history');
}

export async function main(argv: readonly string[]): Promise<number> {
  const sub = findSubcommand(argv);
  if (sub) return (await sub.load())(sub.rest);
  const args = parseCliArgs(argv);
  if ('error' in args) {
    process.stderr.write(`streamsql: ${args.error}\nTry 'streamsql --help'.\n`);
    return 1;
  }
  if (args.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (args.version) {
    process.stdout.write(`streamsql ${VERSION}\n`);
    return 0;
  }

  let script: string | undefined = args.execute;
  if (args.file !== undefined) {
    try {
      script = await readFile(args.file, 'utf8');
    } catch (err) {
      process.stderr.write(`streamsql: cannot read ${args.file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}\n`);
      return 1;
    }
  }

  let client: Client;
  try {
    client = args.server !== undefined ? await HttpClient.connect(args.server, args.basicAuth !== undefined ? { basicAuth: args.basicAuth } : {}) : await EmbeddedClient.open(resolve(args.dataDir ?? defaultDataDir()));
  } catch (err) {
    process.stderr.write(`streamsql: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  try {
    // -d name=value: define variables through the same DEFINE statement the user could type.
    for (const [name, value] of args.defines) {
      for await (const e of client.execute(`DEFINE ${name} = '${value.replaceAll("'", "''")}';`)) {
        if (e.type === 'error') {
          process.stderr.write(e.error.rendered + '\n');
          return 1;
        }
      }
    }
    if (script !== undefined) return await runScript(client, script, args.output);
    interactiveTerminalWins();
    const { runShell } = await import('../shell/run-shell.js');
    await runShell(client, { historyFile: historyFile() });
    return 0;
  } finally {
    await client.close();
  }
}

/** Runs statements non-interactively; Ctrl-C (SIGINT) stops the running query and the script. */
async function runScript(client: Client, script: string, output: OutputFormat): Promise<number> {
  const abort = new AbortController();
  const onSigint = (): void => {
    if (abort.signal.aborted) process.exit(130);
    abort.abort();
  };
  process.on('SIGINT', onSigint);
  // A push query waiting for appends holds no I/O handle of its own (readers are woken by the
  // store's in-process notifications), so keep the event loop alive until the script ends.
  const keepAlive = setInterval(() => undefined, KEEP_ALIVE_MS);
  const write = (s: string): void => {
    process.stdout.write(s);
  };
  const text = new TextOutput(write);
  let columns: string[] = [];
  try {
    for await (const e of client.execute(script, { signal: abort.signal })) {
      if (e.type === 'error') {
        process.stderr.write(e.error.rendered + '\n');
        return 1;
      }
      if (output === 'table') text.event(e);
      else columns = writeJson(e, columns, write);
    }
    return 0;
  } finally {
    clearInterval(keepAlive);
    process.off('SIGINT', onSigint);
  }
}

function writeJson(e: ClientEvent, columns: string[], write: (s: string) => void): string[] {
  switch (e.type) {
    case 'result':
      write(toJsonText(e.result) + '\n');
      return columns;
    case 'queryStart':
      return e.columns.map((c) => c.name);
    case 'rows':
      for (const row of e.rows) {
        const obj: Record<string, unknown> = {};
        columns.forEach((c, i) => (obj[c] = row[i]));
        write(toJsonText(obj) + '\n');
      }
      return columns;
    case 'printLine':
      write(toJsonText({ '@type': 'printRecord', line: e.line }) + '\n');
      return columns;
    case 'queryEnd':
    case 'error':
      return columns;
  }
}

/**
 * Ink draws only the last frame, at exit, when it believes it runs in CI (env CI or
 * CONTINUOUS_INTEGRATION, read once when ink is first imported). A person at a terminal inside a
 * CI job (or a test driving a real pseudo-terminal) still needs the live screen, so when both ends
 * are terminals those variables are dropped before the shell loads. Decision 0047.
 */
function interactiveTerminalWins(): void {
  if (process.stdin.isTTY !== true || process.stdout.isTTY !== true) return;
  delete process.env['CI'];
  delete process.env['CONTINUOUS_INTEGRATION'];
}
