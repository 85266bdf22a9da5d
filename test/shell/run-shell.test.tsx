import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runShell } from '../../src/shell/run-shell.js';
import { asStreams, FakeStdin, FakeStdout } from './fake-streams.js';
import { KEY, plain, press, tick, waitFor } from './ink-helpers.js';
import { ScriptedClient } from './scripted-client.js';

const historyPath = (): string => join(mkdtempSync(join(tmpdir(), 'run-shell-')), 'history');

async function startShell(historyFile: string) {
  const client = new ScriptedClient(() => [
    { type: 'result', result: { '@type': 'currentStatus', statementText: '', commandId: 'c', commandStatus: { status: 'SUCCESS', message: 'done' }, warnings: [] } },
  ]);
  const stdin = new FakeStdin();
  const stdout = new FakeStdout();
  let finished = false;
  const done = runShell(client, { historyFile, ...asStreams(stdin, stdout), patchConsole: false }).then(() => {
    finished = true;
  });
  await tick(30);
  return { client, stdin, stdout, done, isFinished: () => finished };
}

describe('runShell', () => {
  it('resolves when the user types exit, having saved the history', async () => {
    const file = historyPath();
    const shell = await startShell(file);
    await press(shell.stdin, 'select 1;', KEY.enter);
    await waitFor(() => plain(shell.stdout.output).includes('done'), () => plain(shell.stdout.output));
    expect(shell.isFinished()).toBe(false);
    await press(shell.stdin, 'exit', KEY.enter);
    await shell.done;
    expect(shell.client.executed).toEqual(['select 1;']);
    expect(readFileSync(file, 'utf8')).toBe('select 1;\nexit\n');
  });

  it('resolves on Ctrl-D at an empty prompt, but not while there is input', async () => {
    const shell = await startShell(historyPath());
    await press(shell.stdin, 'x', KEY.ctrlD); // deletes nothing (cursor at end), does not quit
    await tick(30);
    expect(shell.isFinished()).toBe(false);
    await press(shell.stdin, KEY.backspace, KEY.ctrlD);
    await shell.done;
    expect(shell.isFinished()).toBe(true);
  });

  it('loads the history file, so Up recalls an earlier session', async () => {
    const file = historyPath();
    writeFileSync(file, 'show streams;\nselect 1,\\n2;\n');
    const shell = await startShell(file);
    await press(shell.stdin, KEY.up, KEY.up, KEY.up, KEY.enter);
    await waitFor(() => shell.client.executed.length === 1, () => plain(shell.stdout.output));
    expect(shell.client.executed).toEqual(['show streams;']);
    await press(shell.stdin, 'quit', KEY.enter);
    await shell.done;
  });
});
