/**
 * Identifier normalization, as ksqlDB does it: unquoted names are upper-cased; `backticked` and
 * "double-quoted" names keep their case, with the doubled quote character standing for one.
 */
import type { CstNode, IToken } from 'chevrotain';
import { BacktickIdentifier, QuotedIdentifier } from '../../grammar/lexer.js';
import { onlyToken } from './cst.js';

/** The name as written, quotes removed, case kept (DEFINE names, PRINT topics). */
export function identifierText(t: IToken): string {
  if (t.tokenType === BacktickIdentifier) return t.image.slice(1, -1).replaceAll('``', '`');
  if (t.tokenType === QuotedIdentifier) return t.image.slice(1, -1).replaceAll('""', '"');
  return t.image;
}

export function isQuoted(t: IToken): boolean {
  return t.tokenType === BacktickIdentifier || t.tokenType === QuotedIdentifier;
}

/** The normalized name: upper-cased unless quoted. */
export function normalizeIdentifier(t: IToken): string {
  return isQuoted(t) ? identifierText(t) : t.image.toUpperCase();
}

/** Normalized name of an `identifier` CST node. */
export function identifierName(n: CstNode): string {
  return normalizeIdentifier(onlyToken(n));
}

/** Case-kept text of an `identifier` CST node. */
export function identifierRaw(n: CstNode): string {
  return identifierText(onlyToken(n));
}

/** The value of a '...' string literal token: quotes removed, '' → '. */
export function stringValue(t: IToken): string {
  return t.image.slice(1, -1).replaceAll("''", "'");
}
