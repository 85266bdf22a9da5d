/**
 * The one table of key bindings: a key press → a named command. The reducer decides what a
 * command means in the current state (Ctrl-C stops a running query or clears the input), so
 * this table stays a plain lookup, and `help` prints it, so the docs cannot drift from the keys.
 */
import type { Key } from 'ink';

export type KeyCommand =
  | 'submit'
  | 'newline'
  | 'cursorLeft'
  | 'cursorRight'
  | 'lineStart'
  | 'lineEnd'
  | 'deleteBackward'
  | 'cursorUp'
  | 'cursorDown'
  | 'interrupt'
  | 'endOfInput'
  | 'clearInput'
  | 'clearScreen';

/** The parts of Ink's Key the table looks at; tests build these by hand. */
export type KeyPress = Partial<Pick<Key, 'return' | 'leftArrow' | 'rightArrow' | 'upArrow' | 'downArrow' | 'home' | 'end' | 'backspace' | 'delete' | 'ctrl' | 'meta' | 'tab' | 'escape'>>;

export interface KeyBinding {
  readonly command: KeyCommand;
  /** How help shows the key. */
  readonly label: string;
  readonly description: string;
  readonly matches: (input: string, key: KeyPress) => boolean;
}

const ctrl = (letter: string) => (input: string, key: KeyPress) => key.ctrl === true && input === letter;

export const KEY_BINDINGS: readonly KeyBinding[] = [
  { command: 'submit', label: 'Enter', description: 'run the input if it ends with ;, else start a new line', matches: (_, k) => k.return === true && k.meta !== true },
  // Ctrl-J sends a bare line feed and Alt-Enter sends ESC CR: both always start a new line.
  { command: 'newline', label: 'Alt-Enter / Ctrl-J', description: 'start a new line', matches: (i, k) => i === '\n' || (k.return === true && k.meta === true) },
  { command: 'cursorLeft', label: 'Left / Ctrl-B', description: 'move the cursor left', matches: (i, k) => k.leftArrow === true || ctrl('b')(i, k) },
  { command: 'cursorRight', label: 'Right / Ctrl-F', description: 'move the cursor right', matches: (i, k) => k.rightArrow === true || ctrl('f')(i, k) },
  { command: 'lineStart', label: 'Home / Ctrl-A', description: 'go to the start of the line', matches: (i, k) => k.home === true || ctrl('a')(i, k) },
  { command: 'lineEnd', label: 'End / Ctrl-E', description: 'go to the end of the line', matches: (i, k) => k.end === true || ctrl('e')(i, k) },
  // Most terminals send DEL (0x7f) for Backspace, which Ink reports as `delete`; both erase backwards.
  { command: 'deleteBackward', label: 'Backspace', description: 'delete the character before the cursor', matches: (_, k) => k.backspace === true || k.delete === true },
  { command: 'cursorUp', label: 'Up', description: 'previous line of the input, or previous history entry', matches: (_, k) => k.upArrow === true },
  { command: 'cursorDown', label: 'Down', description: 'next line of the input, or next history entry', matches: (_, k) => k.downArrow === true },
  { command: 'interrupt', label: 'Ctrl-C', description: 'stop the running query, or clear the input', matches: ctrl('c') },
  { command: 'endOfInput', label: 'Ctrl-D', description: 'quit on empty input, else delete the character under the cursor', matches: ctrl('d') },
  { command: 'clearInput', label: 'Ctrl-U', description: 'clear the input', matches: ctrl('u') },
  { command: 'clearScreen', label: 'Ctrl-L', description: 'clear the screen', matches: ctrl('l') },
];

/** The bound command, or undefined when the key is not bound (then it may be typed text). */
export function commandForKey(input: string, key: KeyPress): KeyCommand | undefined {
  return KEY_BINDINGS.find((b) => b.matches(input, key))?.command;
}

/** One key press as Ink reports a key pressed alone. */
export interface KeyEvent {
  readonly input: string;
  readonly key: KeyPress;
}

/** Ctrl-A..Ctrl-Z, Backspace and DEL; not Tab, line feed or CR, which a paste carries as text. */
const CONTROL_KEY = /[\x01-\x08\x0b\x0c\x0e-\x1a\x7f]/;

/**
 * Ink hands over what one read of stdin returned. A process slow to read (a loaded machine) gets
 * several keys in one read, e.g. Enter then Ctrl-C as "\r\x03", and Ink reports them as one
 * unflagged string, like a paste, whose control characters `typedLines` would drop: the Ctrl-C
 * was lost and the query kept running. So a chunk is cut at its control keys, each pressed as if
 * alone; the text between them stays one paste.
 */
export function keyPresses(input: string, key: KeyPress): readonly KeyEvent[] {
  if (input.length < 2 || key.ctrl === true || key.meta === true || !CONTROL_KEY.test(input)) return [{ input, key }];
  const presses: KeyEvent[] = [];
  let text = '';
  for (const ch of input) {
    if (!CONTROL_KEY.test(ch)) {
      text += ch;
      continue;
    }
    if (text !== '') presses.push({ input: text, key: {} });
    text = '';
    presses.push(controlKey(ch));
  }
  if (text !== '') presses.push({ input: text, key: {} });
  return presses;
}

/** A control character as Ink reports it when it arrives alone. */
function controlKey(ch: string): KeyEvent {
  if (ch === '\x7f') return { input: '', key: { delete: true } };
  if (ch === '\x08') return { input: '', key: { backspace: true } };
  return { input: String.fromCharCode(ch.charCodeAt(0) + 0x60), key: { ctrl: true } };
}

/**
 * The text a key press types, as lines, or undefined for an unbound control key. A paste
 * arrives as one chunk; the app types each line and presses Enter between them, as a terminal
 * line editor would. Other control characters are dropped.
 */
export function typedLines(input: string, key: KeyPress): readonly string[] | undefined {
  if (key.ctrl === true || key.meta === true || key.tab === true || key.escape === true) return undefined;
  const lines = input.split(/\r\n?|\n/).map((line) => line.replace(/[\u0000-\u001f\u007f]/g, ''));
  return lines.length === 1 && lines[0] === '' ? undefined : lines;
}
