/**
 * One lexing pass shared by splitting and parsing: the significant tokens, plus every lexical
 * error (unterminated literal or comment, unknown character) as a located diagnostic.
 */
import type { IToken } from 'chevrotain';
import * as T from '../../grammar/lexer.js';
import { diagnostic, type Diagnostic } from './diagnostic.js';
import { SYNTAX_ERROR } from './error-codes.js';
import type { LineIndex } from './positions.js';

export interface LexicalError {
  /** Local offsets [start, end) of the offending text. */
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

export interface Lexed {
  /** Significant tokens in source order (no whitespace or comments). */
  readonly tokens: readonly IToken[];
  readonly errors: readonly LexicalError[];
}

function invalidTokenMessage(t: IToken): string {
  switch (t.tokenType) {
    case T.UnterminatedString:
      return 'Unterminated string literal';
    case T.UnterminatedBacktick:
    case T.UnterminatedQuoted:
      return 'Unterminated quoted identifier';
    case T.UnterminatedComment:
      return 'Unterminated comment';
    default:
      return `Unexpected input '${t.image}'`;
  }
}

export function lex(text: string): Lexed {
  const result = T.sqlLexer.tokenize(text);
  const errors: LexicalError[] = [
    ...(result.groups[T.INVALID_GROUP] ?? []).map((t) => ({
      start: t.startOffset,
      end: t.startOffset + t.image.length,
      message: invalidTokenMessage(t),
    })),
    ...result.errors.map((e) => ({
      start: e.offset,
      end: e.offset + Math.max(1, e.length),
      message: `Unexpected character '${text.charAt(e.offset)}'`,
    })),
  ].sort((a, b) => a.start - b.start);
  return { tokens: result.tokens, errors };
}

export function lexicalDiagnostic(index: LineIndex, e: LexicalError): Diagnostic {
  return diagnostic(SYNTAX_ERROR, e.message, index.span(e.start, e.end));
}
