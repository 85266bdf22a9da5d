import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClientEvent } from '../../src/client/client.js';
import { App } from '../../src/shell/app.js';
import { KEY, plain, press, tick, waitFor } from './ink-helpers.js';
import { gate, ScriptedClient, type ScriptStep } from './scripted-client.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

function start(respond: (sql: string) => readonly ScriptStep[], initialHistory: readonly string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'shell-app-'));
  const historyFile = join(dir, 'history');
  const client = new ScriptedClient(respond);
  const ui = render(<App client={client} historyFile={historyFile} initialHistory={initialHistory} />);
  cleanups.push(() => ui.unmount());
  const frame = (): string => plain(ui.lastFrame());
  const until = (text: string): Promise<void> => waitFor(() => frame().includes(text), frame);
  const type = (...chunks: string[]): Promise<void> => press(ui.stdin, ...chunks);
  return { ui, client, frame, until, type, historyFile };
}

const status = (message: string): ClientEvent => ({
  type: 'result',
  result: { '@type': 'currentStatus', statementText: '', commandId: 'c1', commandStatus: { status: 'SUCCESS', message }, warnings: [] },
});

describe('App', () => {
  it('shows the prompt and a status line with target and version', async () => {
    const { frame } = start(() => []);
    await tick(20);
    expect(frame()).toMatch(/^streamsql>/);
    expect(frame()).toContain('/data/streamsql │ v9.9.9 │ idle');
  });

  it('inserts a newline on Enter until the statement ends with ;, then runs it', async () => {
    const { client, frame, until, type } = start(() => [status('Stream created')]);
    await tick(20);
    await type('create stream s', KEY.enter);
    expect(client.executed).toEqual([]);
    expect(frame()).toContain('streamsql> create stream s\n         >');
    await type("(v varchar) with (kafka_topic='a;b')", KEY.enter);
    expect(client.executed).toEqual([]); // the ; inside quotes does not end it
    await type(';', KEY.enter);
    await until('Stream created');
    expect(client.executed).toEqual(["create stream s\n(v varchar) with (kafka_topic='a;b')\n;"]);
    // Ink drops trailing spaces from each line.
    expect(frame()).toContain(' Message\n----------------\n Stream created\n----------------');
    expect(frame()).toMatch(/streamsql>\s*\n.*idle/);
  });

  it('streams query rows into a table and ends with ksqlDB wording and a row count', async () => {
    const more = gate();
    const { frame, until, type } = start(() => [
      { type: 'queryStart', queryId: 'transient_1', columns: [{ name: 'ID', type: 'INTEGER' }, { name: 'NAME', type: 'STRING' }], push: true },
      { type: 'rows', rows: [[1, 'alice']] },
      { wait: more.promise },
      { type: 'rows', rows: [[2, { a: [1, 2] }], [3, null]] },
      { type: 'queryEnd', reason: 'limit' },
    ]);
    await tick(20);
    await type('select * from s emit changes limit 3;', KEY.enter);
    await until('|1 ');
    expect(frame()).toContain('query transient_1 │ 1 row');
    more.open();
    await until('Limit Reached');
    const lines = frame().split('\n');
    const top = lines.findIndex((l) => l.startsWith('+'));
    // 100 columns (ink-testing-library) less 3 borders, split evenly: the widths are fixed at
    // the first rows, so the even split leaves room for the longer values that came later.
    const rule = '+' + '-'.repeat(49) + '+' + '-'.repeat(48) + '+';
    const row = (a: string, b: string): string => `|${a.padEnd(49)}|${b.padEnd(48)}|`;
    expect(lines.slice(top, top + 8)).toEqual([rule, row('ID', 'NAME'), rule, row('1', 'alice'), row('2', '{"a":[1,2]}'), row('3', 'null'), rule, 'Limit Reached']);
    expect(rule).toHaveLength(100);
    expect(frame()).toContain('Limit Reached\nQuery terminated\n3 rows');
    expect(frame()).toContain('idle');
  });

  it('shows the header of a query before its first rows arrive', async () => {
    const { frame, until, type } = start(() => [
      { type: 'queryStart', queryId: 'q9', columns: [{ name: 'COUNT', type: 'BIGINT' }], push: true },
      { wait: 'abort' },
    ]);
    await tick(20);
    await type('select count(*) from s emit changes;', KEY.enter);
    await until('|COUNT ');
    expect(frame()).toContain('query q9 │ 0 rows');
    expect(frame()).not.toContain('streamsql> \n');
  });

  it('Ctrl-C aborts the running query through its AbortSignal and the shell stays', async () => {
    const { client, frame, until, type } = start((sql) =>
      sql.startsWith('select')
        ? [
            { type: 'queryStart', queryId: 'transient_7', columns: [{ name: 'X', type: 'INTEGER' }], push: true },
            { type: 'rows', rows: [[1], [2]] },
            { wait: 'abort' },
          ]
        : [status('ok after cancel')],
    );
    await tick(20);
    await type('select x from s emit changes;', KEY.enter);
    await until('2 rows');
    expect(client.signals[0]!.aborted).toBe(false);
    await type(KEY.ctrlC);
    await until('Query terminated');
    expect(client.signals[0]!.aborted).toBe(true);
    expect(frame()).not.toContain('Limit Reached');
    expect(frame()).toMatch(/\|2 +\|\n\+-+\+\nQuery terminated\n2 rows/);
    await type('show x;', KEY.enter);
    await until('ok after cancel');
    expect(client.executed).toHaveLength(2);
  });

  it('Ctrl-C at the prompt clears the input', async () => {
    const { client, frame, type } = start(() => []);
    await tick(20);
    await type('select 1');
    expect(frame()).toContain('streamsql> select 1');
    await type(KEY.ctrlC);
    expect(frame()).not.toContain('select 1');
    await type('x;', KEY.enter);
    await tick(20);
    expect(client.executed).toEqual(['x;']);
  });

  it('renders errors with their caret text, and printLine output as is', async () => {
    const { frame, until, type } = start((sql) =>
      sql.startsWith('print')
        ? [{ type: 'queryStart', queryId: 'print_1', columns: [], push: true }, { type: 'printLine', line: 'rowtime: 1, key: k, value: {"a":1}' }, { type: 'queryEnd', reason: 'limit' }]
        : [{ type: 'error', error: { code: 'PARSE', message: 'bad', rendered: "1:8: mismatched input 'frm'\nselect frm;\n       ^" } }],
    );
    await tick(20);
    await type('select frm;', KEY.enter);
    await until('^');
    expect(frame()).toContain("1:8: mismatched input 'frm'\nselect frm;\n       ^");
    await type('print t limit 1;', KEY.enter);
    await until('Limit Reached');
    expect(frame()).toContain('rowtime: 1, key: k, value: {"a":1}\nLimit Reached\nQuery terminated\n1 row');
  });

  it('a pasted chunk presses Enter at each line break', async () => {
    const { client, until, type } = start(() => [status('pasted ok')]);
    await tick(20);
    await type('select a,\r  b from s;\rsel');
    await until('pasted ok');
    expect(client.executed).toEqual(['select a,\n  b from s;']);
  });

  it('edits with left, backspace, home and end', async () => {
    const { client, type } = start(() => []);
    await tick(20);
    await type('selct 1', KEY.home, KEY.right, KEY.right, KEY.right, 'e', KEY.end, KEY.backspace, '2;', KEY.left, KEY.left, '0', KEY.enter);
    await tick(20);
    expect(client.executed).toEqual(['select 02;']);
  });

  it('recalls history with Up and Down, and writes it to the history file', async () => {
    const { client, frame, type, until, historyFile } = start(() => [status('done')], ['old one;']);
    await tick(20);
    await type('select 1,', KEY.enter, '2;', KEY.enter);
    await until('done');
    expect(readFileSync(historyFile, 'utf8')).toBe('old one;\nselect 1,\\n2;\n');
    await type('draft', KEY.up);
    expect(frame()).toContain('streamsql> select 1,\n         > 2;');
    await type(KEY.up, KEY.up); // first Up moves to the first line, the second to older history
    expect(frame()).toContain('streamsql> old one;');
    await type(KEY.down, KEY.down);
    expect(frame()).toContain('streamsql> draft');
    await type(KEY.ctrlU, KEY.up, KEY.enter);
    await tick(20);
    expect(client.executed).toEqual(['select 1,\n2;', 'select 1,\n2;']);
  });

  it('runs meta commands without a semicolon: help and history', async () => {
    const { client, frame, until, type } = start(() => [], ['a;', 'b;']);
    await tick(20);
    await type('help', KEY.enter);
    await until('Keys:');
    expect(frame()).toContain('Ctrl-C');
    expect(frame()).toContain('stop the running query, or clear the input');
    await type('HISTORY;', KEY.enter);
    await until('1  a;');
    expect(frame()).toContain('1  a;\n2  b;\n3  help');
    expect(client.executed).toEqual([]);
  });

  it('clear writes the clear-screen sequence', async () => {
    const { ui, type } = start(() => []);
    await tick(20);
    await type('clear', KEY.enter);
    await tick(20);
    expect(ui.stdout.frames.some((f) => f.includes('\x1b[2J'))).toBe(true);
  });

  it('ignores typing while a query runs', async () => {
    const { client, frame, until, type } = start(() => [{ type: 'queryStart', queryId: 'q', columns: [{ name: 'A', type: 'INT' }], push: true }, { wait: 'abort' }]);
    await tick(20);
    await type('select a from s emit changes;', KEY.enter);
    await until('|A ');
    await type('zzz', KEY.enter);
    expect(frame()).not.toContain('zzz');
    await type(KEY.ctrlC);
    await until('Query terminated');
    expect(client.executed).toHaveLength(1);
  });

  it('reports a client that throws as an error and returns to the prompt', async () => {
    const client = new ScriptedClient(() => []);
    client.execute = async function* () {
      yield { type: 'queryStart', queryId: 'q', columns: [{ name: 'A', type: 'INT' }], push: false } as ClientEvent;
      throw new Error('connection reset');
    };
    const ui = render(<App client={client} historyFile={join(mkdtempSync(join(tmpdir(), 'shell-app-')), 'h')} initialHistory={[]} />);
    cleanups.push(() => ui.unmount());
    await tick(20);
    await press(ui.stdin, 'select a from t;', KEY.enter);
    const frame = (): string => plain(ui.lastFrame());
    await waitFor(() => frame().includes('connection reset'), frame);
    expect(frame()).toMatch(/\|A +\|\n\+-+\+\n\+-+\+\nconnection reset/);
    expect(frame()).toContain('idle');
  });
});
