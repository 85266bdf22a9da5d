/**
 * Statement splitting for scripts and the shell. Uses the real lexer, so a `;` inside a string,
 * a quoted identifier or a comment never ends a statement.
 */
import type { Position } from './diagnostic.js';
import { Semicolon } from '../../grammar/lexer.js';
import { lex } from './lex.js';
import { LineIndex } from './positions.js';

export interface StatementText {
  /** From the statement's first significant character through its `;` (leading comments dropped). */
  readonly text: string;
  /** Where `text` starts in the input. */
  readonly start: Position;
  /** False for trailing text with no terminating `;`. */
  readonly complete: boolean;
}

/** A piece of significant input: a token or lexically invalid text (which still needs a statement to report it). */
interface Piece {
  readonly start: number;
  readonly end: number;
  readonly semicolon: boolean;
}

function pieces(text: string): Piece[] {
  const { tokens, errors } = lex(text);
  const all: Piece[] = [
    ...tokens.map((t) => ({ start: t.startOffset, end: t.startOffset + t.image.length, semicolon: t.tokenType === Semicolon })),
    ...errors.map((e) => ({ start: e.start, end: e.end, semicolon: false })),
  ];
  return all.sort((a, b) => a.start - b.start);
}

export function splitStatements(text: string): StatementText[] {
  const index = new LineIndex(text);
  const out: StatementText[] = [];
  let first: number | undefined;
  let last = 0;
  for (const p of pieces(text)) {
    last = p.end;
    if (first === undefined) {
      if (p.semicolon) continue; // an empty statement `;` is dropped, as ksqlDB does
      first = p.start;
    }
    if (p.semicolon) {
      out.push({ text: text.slice(first, p.end), start: index.position(first), complete: true });
      first = undefined;
    }
  }
  if (first !== undefined) out.push({ text: text.slice(first, last), start: index.position(first), complete: false });
  return out;
}

/** True when the input's last significant token is a `;` (outside quotes and comments). */
export function isStatementComplete(text: string): boolean {
  const all = pieces(text);
  return all.length > 0 && all[all.length - 1]!.semicolon;
}
