/**
 * The input buffer and its edits, as pure functions. The buffer may span lines (a statement is
 * typed until its `;`); `cursor` is an offset into `text` (0..text.length).
 */

export interface EditBuffer {
  readonly text: string;
  readonly cursor: number;
}

export const EMPTY_BUFFER: EditBuffer = { text: '', cursor: 0 };

export function bufferOf(text: string): EditBuffer {
  return { text, cursor: text.length };
}

export function insertText(b: EditBuffer, s: string): EditBuffer {
  return { text: b.text.slice(0, b.cursor) + s + b.text.slice(b.cursor), cursor: b.cursor + s.length };
}

export function deleteBackward(b: EditBuffer): EditBuffer {
  if (b.cursor === 0) return b;
  return { text: b.text.slice(0, b.cursor - 1) + b.text.slice(b.cursor), cursor: b.cursor - 1 };
}

export function deleteForward(b: EditBuffer): EditBuffer {
  if (b.cursor === b.text.length) return b;
  return { text: b.text.slice(0, b.cursor) + b.text.slice(b.cursor + 1), cursor: b.cursor };
}

export function moveLeft(b: EditBuffer): EditBuffer {
  return b.cursor === 0 ? b : { text: b.text, cursor: b.cursor - 1 };
}

export function moveRight(b: EditBuffer): EditBuffer {
  return b.cursor === b.text.length ? b : { text: b.text, cursor: b.cursor + 1 };
}

/** Home and End act on the cursor's line, as in a multi-line editor. */
export function moveLineStart(b: EditBuffer): EditBuffer {
  return { text: b.text, cursor: b.text.lastIndexOf('\n', b.cursor - 1) + 1 };
}

export function moveLineEnd(b: EditBuffer): EditBuffer {
  const nl = b.text.indexOf('\n', b.cursor);
  return { text: b.text, cursor: nl === -1 ? b.text.length : nl };
}

/** Moves to the same column of the previous line; undefined on the first line (history's turn). */
export function moveLineUp(b: EditBuffer): EditBuffer | undefined {
  const lineStart = b.text.lastIndexOf('\n', b.cursor - 1) + 1;
  if (lineStart === 0) return undefined;
  const column = b.cursor - lineStart;
  const prevStart = b.text.lastIndexOf('\n', lineStart - 2) + 1;
  return { text: b.text, cursor: Math.min(prevStart + column, lineStart - 1) };
}

/** Moves to the same column of the next line; undefined on the last line (history's turn). */
export function moveLineDown(b: EditBuffer): EditBuffer | undefined {
  const nl = b.text.indexOf('\n', b.cursor);
  if (nl === -1) return undefined;
  const column = b.cursor - (b.text.lastIndexOf('\n', b.cursor - 1) + 1);
  const nextEnd = b.text.indexOf('\n', nl + 1);
  return { text: b.text, cursor: Math.min(nl + 1 + column, nextEnd === -1 ? b.text.length : nextEnd) };
}

/** The buffer split into lines, with the cursor's line and column, for rendering. */
export function cursorPosition(b: EditBuffer): { readonly line: number; readonly column: number } {
  const before = b.text.slice(0, b.cursor);
  const line = before.split('\n').length - 1;
  return { line, column: b.cursor - (before.lastIndexOf('\n') + 1) };
}
