import { describe, expect, it } from 'vitest';
import type { ClientEvent } from '../../src/client/client.js';
import type { KeyCommand } from '../../src/shell/keys.js';
import { initialShellState, shellReducer, type ShellAction, type ShellState } from '../../src/shell/state.js';

const run = (s: ShellState, ...actions: ShellAction[]): ShellState => actions.reduce(shellReducer, s);
const key = (command: KeyCommand): ShellAction => ({ type: 'key', command });
const type = (text: string): ShellAction => ({ type: 'type', text });
const event = (e: ClientEvent, terminalWidth = 40): ShellAction => ({ type: 'clientEvent', event: e, terminalWidth });
const kinds = (s: ShellState): string[] => s.transcript.map((i) => i.kind);

describe('shell reducer', () => {
  it('types and edits the input buffer', () => {
    const s = run(initialShellState([]), type('selct'), key('cursorLeft'), key('cursorLeft'), type('e'), key('lineEnd'), key('deleteBackward'));
    expect(s.input).toEqual({ text: 'selec', cursor: 5 });
  });

  it('Enter on an incomplete statement inserts a newline; on a complete one queues it to run', () => {
    let s = run(initialShellState([]), type('select 1'), key('submit'));
    expect(s.input.text).toBe('select 1\n');
    expect(s.effects).toEqual([]);
    s = run(s, type(';'), key('submit'));
    expect(s.input.text).toBe('');
    expect(s.effects).toEqual([{ kind: 'execute', sql: 'select 1\n;', id: 0 }]);
    expect(s.running).toEqual({ queryId: null, columns: null, widths: null, rowCount: 0, cancelling: false });
    expect(s.transcript).toEqual([{ kind: 'echo', id: 0, text: 'select 1\n;' }]);
    expect(s.history.entries).toEqual(['select 1\n;']);
    s = shellReducer(s, { type: 'effectsTaken', throughId: 0 });
    expect(s.effects).toEqual([]);
  });

  it('Ctrl-C clears the input at the prompt, and asks once to cancel a running query', () => {
    let s = run(initialShellState([]), type('abc'), key('interrupt'));
    expect(s.input.text).toBe('');
    expect(s.effects).toEqual([]);
    s = run(s, type('select 1;'), key('submit'), key('interrupt'), key('interrupt'));
    expect(s.effects.map((e) => e.kind)).toEqual(['execute', 'cancel']);
    expect(s.running?.cancelling).toBe(true);
  });

  it('Ctrl-D quits on empty input and deletes forward otherwise', () => {
    let s = run(initialShellState([]), type('ab'), key('lineStart'), key('endOfInput'));
    expect(s.input.text).toBe('b');
    expect(s.effects).toEqual([]);
    s = run(s, key('endOfInput'), key('endOfInput'));
    expect(s.effects.map((e) => e.kind)).toEqual(['quit']);
  });

  it('keeps what is typed while a statement runs and replays it when the statement ends', () => {
    let s = run(initialShellState([]), type('select 1;'), key('submit'), type('select 2;'), key('submit'), type('sel'));
    expect(s.input.text).toBe('');
    expect(s.effects.map((e) => e.kind)).toEqual(['execute']);
    s = shellReducer(s, { type: 'runFinished', terminalWidth: 40 });
    // The typed-ahead statement starts; the text after it waits in the buffer.
    expect(s.effects.map((e) => (e.kind === 'execute' ? e.sql : e.kind))).toEqual(['select 1;', 'select 2;']);
    expect(s.running).not.toBeNull();
    s = shellReducer(s, { type: 'runFinished', terminalWidth: 40 });
    expect(s.input.text).toBe('sel');
  });

  it('Ctrl-C while a statement runs forgets what was typed ahead', () => {
    let s = run(initialShellState([]), type('select 1;'), key('submit'), type('select 2;'), key('submit'), key('interrupt'));
    s = shellReducer(s, { type: 'runFinished', terminalWidth: 40 });
    expect(s.effects.map((e) => e.kind)).toEqual(['execute', 'cancel']);
    expect(s.running).toBeNull();
    expect(s.input.text).toBe('');
  });

  it('browses history with Up/Down and restores the draft', () => {
    let s = run(initialShellState(['a;', 'b;']), type('dr'), key('cursorUp'));
    expect(s.input).toEqual({ text: 'b;', cursor: 2 });
    s = run(s, key('cursorUp'), key('cursorUp'));
    expect(s.input.text).toBe('a;');
    s = run(s, key('cursorDown'));
    expect(s.input.text).toBe('b;');
    s = run(s, key('cursorDown'));
    expect(s.input.text).toBe('dr');
    expect(s.history.position).toBeNull();
  });

  it('caps history at its limit', () => {
    let s = initialShellState(['a;', 'b;', 'c;'], 3);
    s = run(s, type('d;'), key('submit'));
    expect(s.history.entries).toEqual(['b;', 'c;', 'd;']);
  });

  it('runs meta commands in place: help prints, exit quits, clear clears', () => {
    let s = run(initialShellState([]), type('help'), key('submit'));
    expect(kinds(s)).toEqual(['echo', 'text']);
    s = run(s, type('clear'), key('submit'), type('quit;'), key('submit'));
    expect(s.effects.map((e) => e.kind)).toEqual(['clearScreen', 'quit']);
    expect(s.running).toBeNull();
  });

  it('builds the row grid: header and widths frozen at the first rows', () => {
    let s = run(
      initialShellState([]),
      type('select * from s emit changes;'),
      key('submit'),
      event({ type: 'queryStart', queryId: 'q1', columns: [{ name: 'ID', type: 'INT' }, { name: 'V', type: 'STRING' }], push: true }),
    );
    expect(s.running?.queryId).toBe('q1');
    expect(kinds(s)).toEqual(['echo']);
    s = run(s, event({ type: 'rows', rows: [[1, 'a'], [2, { x: 1 }]] }));
    const header = s.transcript[1]!;
    expect(header.kind).toBe('gridHeader');
    const widths = header.kind === 'gridHeader' ? header.widths : [];
    expect(widths.reduce((a, b) => a + b, 0) + 3).toBe(40);
    expect(s.transcript[2]).toMatchObject({ kind: 'gridRows', rows: [['1', 'a'], ['2', '{"x":1}']], widths });
    s = run(s, event({ type: 'rows', rows: [[3, 'c']] }, 200));
    expect(s.transcript[3]).toMatchObject({ kind: 'gridRows', widths }); // a resize does not re-layout printed rows
    expect(s.running?.rowCount).toBe(3);
    s = run(s, event({ type: 'queryEnd', reason: 'cancelled' }), { type: 'runFinished', terminalWidth: 40 });
    expect(kinds(s)).toEqual(['echo', 'gridHeader', 'gridRows', 'gridRows', 'gridEnd', 'queryEnd']);
    expect(s.transcript[5]).toMatchObject({ reason: 'cancelled', rowCount: 3 });
    expect(s.running).toBeNull();
  });

  it('prints the header of a query that ends without rows', () => {
    const s = run(
      initialShellState([]),
      type('select * from t;'),
      key('submit'),
      event({ type: 'queryStart', queryId: 'q', columns: [{ name: 'A', type: 'INT' }], push: false }),
      event({ type: 'queryEnd', reason: 'complete' }),
    );
    expect(kinds(s)).toEqual(['echo', 'gridHeader', 'gridEnd', 'queryEnd']);
    expect(s.transcript[3]).toMatchObject({ rowCount: 0 });
  });

  it('PRINT lines count as rows and draw no grid', () => {
    const s = run(
      initialShellState([]),
      type('print t;'),
      key('submit'),
      event({ type: 'queryStart', queryId: 'p', columns: [], push: true }),
      event({ type: 'printLine', line: 'one' }),
      event({ type: 'printLine', line: 'two' }),
      event({ type: 'queryEnd', reason: 'limit' }),
    );
    expect(kinds(s)).toEqual(['echo', 'text', 'text', 'queryEnd']);
    expect(s.transcript[3]).toMatchObject({ reason: 'limit', rowCount: 2 });
  });

  it('results and errors become transcript items; a failing stream becomes an error', () => {
    const s = run(
      initialShellState([]),
      type('x;'),
      key('submit'),
      event({ type: 'error', error: { code: 'E', message: 'm', rendered: 'r' } }),
      { type: 'runFinished', terminalWidth: 80, failure: 'socket closed' },
    );
    expect(s.transcript.slice(1)).toEqual([
      { kind: 'error', id: 1, error: { code: 'E', message: 'm', rendered: 'r' } },
      { kind: 'error', id: 2, error: { code: 'CLIENT_FAILURE', message: 'socket closed', rendered: 'socket closed' } },
    ]);
  });

  it('drops printed items and moves to a new <Static> epoch', () => {
    let s = run(initialShellState([]), type('help'), key('submit'));
    s = shellReducer(s, { type: 'transcriptFlushed', count: 1 });
    expect(kinds(s)).toEqual(['text']);
    expect(s.transcriptEpoch).toBe(1);
    expect(s.nextId).toBe(2);
  });
});
