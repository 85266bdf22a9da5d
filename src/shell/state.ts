/**
 * All shell state in one reducer: the input buffer, history browsing, the transcript waiting to
 * be printed, and the query that is running. Pure: terminal width arrives in the actions that
 * need it, and side effects are requested as values (`effects`) that hooks perform. Keys are
 * interpreted here rather than in the input handler, so a burst of keys never sees stale state.
 */
import type { ClientEvent } from '../client/client.js';
import { META_COMMANDS } from './commands/index.js';
import { addHistoryEntry, HISTORY_LIMIT } from './history-file.js';
import { KEY_BINDINGS, type KeyCommand } from './keys.js';
import * as edit from './line-editor.js';
import type { NewOutputItem, OutputItem } from './output-item.js';
import { applyClientEvent, closeGrid, NOT_STARTED, type RunningStatement } from './query-output.js';
import { classifySubmission } from './submission.js';

export type { NewOutputItem, OutputItem } from './output-item.js';
export type { RunningStatement } from './query-output.js';

export interface HistoryState {
  readonly entries: readonly string[];
  /** Index of the entry shown while browsing with Up/Down; null when editing fresh input. */
  readonly position: number | null;
  /** The fresh input set aside while browsing, restored by Down past the newest entry. */
  readonly draft: string;
}

export interface ShellState {
  readonly input: edit.EditBuffer;
  readonly history: HistoryState;
  /** Items not yet printed; App drops them once <Static> has written them (bounded memory). */
  readonly transcript: readonly OutputItem[];
  /** Changes whenever printed items are dropped, to remount <Static> with a fresh index. */
  readonly transcriptEpoch: number;
  readonly nextId: number;
  readonly running: RunningStatement | null;
  /** Requested side effects not yet acknowledged, numbered so that none is performed twice. */
  readonly effects: readonly QueuedEffect[];
  readonly nextEffectId: number;
  readonly historyLimit: number;
  /** Keys and text typed while a statement runs, replayed once it ends (bounded). */
  readonly typeAhead: readonly TypeAheadAction[];
}

/** Most keys and pastes kept while a statement runs; beyond it typing is dropped. */
export const TYPE_AHEAD_LIMIT = 4096;

/** Side effects the reducer asks for; the app performs them in order and acknowledges them. */
export type ShellEffect =
  | { readonly kind: 'execute'; readonly sql: string }
  | { readonly kind: 'cancel' }
  | { readonly kind: 'clearScreen' }
  | { readonly kind: 'quit' };

export type QueuedEffect = ShellEffect & { readonly id: number };

type TypeAheadAction = Extract<ShellAction, { type: 'key' } | { type: 'type' }>;

export type ShellAction =
  /** A key from the binding table; the reducer decides what it means now (typing vs running). */
  | { readonly type: 'key'; readonly command: KeyCommand }
  | { readonly type: 'type'; readonly text: string }
  | { readonly type: 'notice'; readonly text: string }
  | { readonly type: 'clientEvent'; readonly event: ClientEvent; readonly terminalWidth: number }
  /** The statement's event stream ended; `failure` when it threw instead. */
  | { readonly type: 'runFinished'; readonly terminalWidth: number; readonly failure?: string }
  | { readonly type: 'transcriptFlushed'; readonly count: number }
  /** Effects up to and including `throughId` were performed. */
  | { readonly type: 'effectsTaken'; readonly throughId: number };

export function initialShellState(history: readonly string[], historyLimit = HISTORY_LIMIT): ShellState {
  return {
    input: edit.EMPTY_BUFFER,
    history: { entries: history.slice(Math.max(0, history.length - historyLimit)), position: null, draft: '' },
    transcript: [],
    transcriptEpoch: 0,
    nextId: 0,
    running: null,
    effects: [],
    nextEffectId: 0,
    historyLimit,
    typeAhead: [],
  };
}

function append(s: ShellState, ...items: NewOutputItem[]): ShellState {
  if (items.length === 0) return s;
  const withIds = items.map((item, i) => ({ ...item, id: s.nextId + i }) as OutputItem);
  return { ...s, transcript: [...s.transcript, ...withIds], nextId: s.nextId + items.length };
}

function request(s: ShellState, effect: ShellEffect): ShellState {
  return { ...s, effects: [...s.effects, { ...effect, id: s.nextEffectId }], nextEffectId: s.nextEffectId + 1 };
}

function withInput(s: ShellState, input: edit.EditBuffer): ShellState {
  return input === s.input ? s : { ...s, input };
}

export function shellReducer(s: ShellState, a: ShellAction): ShellState {
  switch (a.type) {
    case 'key':
      return s.running ? onKeyWhileRunning(s, s.running, a) : onKey(s, a.command);
    case 'type':
      // Typing ahead while a statement runs is kept and replayed when it ends, as a terminal does.
      return s.running ? queueTypeAhead(s, a) : withInput(s, edit.insertText(s.input, a.text));
    case 'notice':
      return append(s, { kind: 'notice', text: a.text });
    case 'clientEvent':
      if (!s.running) return s;
      const { running, items } = applyClientEvent(s.running, a.event, a.terminalWidth);
      return append({ ...s, running }, ...items);
    case 'runFinished': {
      let next: ShellState = { ...s, running: null, typeAhead: [] };
      // A stream that ended mid-query (it threw, or never sent queryEnd) still closes its table.
      if (s.running?.columns && s.running.columns.length > 0) next = append(next, ...closeGrid(s.running, a.terminalWidth));
      if (a.failure !== undefined) next = append(next, { kind: 'error', error: { code: 'CLIENT_FAILURE', message: a.failure, rendered: a.failure } });
      return replayTypeAhead(next, s.typeAhead);
    }
    case 'transcriptFlushed':
      return { ...s, transcript: s.transcript.slice(a.count), transcriptEpoch: s.transcriptEpoch + 1 };
    case 'effectsTaken':
      return { ...s, effects: s.effects.filter((e) => e.id > a.throughId) };
  }
}

function onKeyWhileRunning(s: ShellState, r: RunningStatement, a: TypeAheadAction & { type: 'key' }): ShellState {
  if (a.command !== 'interrupt') return queueTypeAhead(s, a);
  // Ctrl-C stops the statement and forgets what was typed ahead of it.
  if (r.cancelling) return s;
  return request({ ...s, running: { ...r, cancelling: true }, typeAhead: [] }, { kind: 'cancel' });
}

function queueTypeAhead(s: ShellState, a: TypeAheadAction): ShellState {
  return s.typeAhead.length >= TYPE_AHEAD_LIMIT ? s : { ...s, typeAhead: [...s.typeAhead, a] };
}

/** Applies keys typed ahead; once one of them starts a statement, the rest wait for that one. */
function replayTypeAhead(s: ShellState, actions: readonly TypeAheadAction[]): ShellState {
  let next = s;
  for (const a of actions) next = shellReducer(next, a);
  return next;
}

function onKey(s: ShellState, command: KeyCommand): ShellState {
  switch (command) {
    case 'submit':
      return submit(s);
    case 'newline':
      return withInput(s, edit.insertText(s.input, '\n'));
    case 'cursorLeft':
      return withInput(s, edit.moveLeft(s.input));
    case 'cursorRight':
      return withInput(s, edit.moveRight(s.input));
    case 'lineStart':
      return withInput(s, edit.moveLineStart(s.input));
    case 'lineEnd':
      return withInput(s, edit.moveLineEnd(s.input));
    case 'deleteBackward':
      return withInput(s, edit.deleteBackward(s.input));
    case 'cursorUp': {
      const moved = edit.moveLineUp(s.input);
      return moved ? withInput(s, moved) : historyPrevious(s);
    }
    case 'cursorDown': {
      const moved = edit.moveLineDown(s.input);
      return moved ? withInput(s, moved) : historyNext(s);
    }
    case 'interrupt':
    case 'clearInput':
      return { ...s, input: edit.EMPTY_BUFFER, history: { ...s.history, position: null, draft: '' } };
    case 'endOfInput':
      return s.input.text === '' ? request(s, { kind: 'quit' }) : withInput(s, edit.deleteForward(s.input));
    case 'clearScreen':
      return request(s, { kind: 'clearScreen' });
  }
}

/** Enter: run a complete statement or a meta command; otherwise it is just a new line. */
function submit(s: ShellState): ShellState {
  const text = s.input.text;
  const submission = classifySubmission(text);
  switch (submission.kind) {
    case 'incomplete':
      return withInput(s, edit.insertText(s.input, '\n'));
    case 'empty':
      return append({ ...s, input: edit.EMPTY_BUFFER }, { kind: 'echo', text });
    case 'statement': {
      const next = accept(s, text);
      return request({ ...next, running: NOT_STARTED }, { kind: 'execute', sql: submission.sql });
    }
    case 'meta': {
      const outcome = submission.command.run(submission.args, { history: s.history.entries, commands: META_COMMANDS, keyBindings: KEY_BINDINGS });
      const next = accept(s, text);
      switch (outcome.kind) {
        case 'print':
          return append(next, { kind: 'text', lines: outcome.lines });
        case 'clearScreen':
          return request(next, { kind: 'clearScreen' });
        case 'quit':
          return request(next, { kind: 'quit' });
      }
    }
  }
}

/** Echo the accepted input, remember it in history, and clear the buffer. */
function accept(s: ShellState, text: string): ShellState {
  const entries = addHistoryEntry(s.history.entries, text.trim(), s.historyLimit);
  return append({ ...s, input: edit.EMPTY_BUFFER, history: { entries, position: null, draft: '' } }, { kind: 'echo', text });
}

function historyPrevious(s: ShellState): ShellState {
  const { entries, position } = s.history;
  if (entries.length === 0 || position === 0) return s;
  const at = position === null ? entries.length - 1 : position - 1;
  const draft = position === null ? s.input.text : s.history.draft;
  return { ...s, input: edit.bufferOf(entries[at]!), history: { entries, position: at, draft } };
}

function historyNext(s: ShellState): ShellState {
  const { entries, position, draft } = s.history;
  if (position === null) return s;
  if (position < entries.length - 1) return { ...s, input: edit.bufferOf(entries[position + 1]!), history: { ...s.history, position: position + 1 } };
  return { ...s, input: edit.bufferOf(draft), history: { entries, position: null, draft: '' } };
}
