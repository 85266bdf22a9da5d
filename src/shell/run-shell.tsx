/** Entry point of the interactive shell: loads history, renders the app, resolves on quit. */
import { render } from 'ink';
import type { Client } from '../client/client.js';
import { App } from './app.js';
import { loadHistory } from './history-file.js';

export interface ShellOptions {
  readonly historyFile: string;
  readonly stdin?: NodeJS.ReadStream;
  readonly stdout?: NodeJS.WriteStream;
  /** Route stray console output above the app (Ink's default); tests under vitest turn it off. */
  readonly patchConsole?: boolean;
}

export async function runShell(client: Client, options: ShellOptions): Promise<void> {
  const instance = render(<App client={client} historyFile={options.historyFile} initialHistory={loadHistory(options.historyFile)} />, {
    stdin: options.stdin ?? process.stdin,
    stdout: options.stdout ?? process.stdout,
    // Ctrl-C belongs to the shell: it stops a query or clears the input, never kills the process.
    exitOnCtrlC: false,
    patchConsole: options.patchConsole ?? true,
  });
  await instance.waitUntilExit();
}
