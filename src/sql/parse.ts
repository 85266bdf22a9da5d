/**
 * The sql layer's public API. Nothing here throws: syntax and value errors come back as
 * Diagnostics with spans (shifted by `base` when the text is a slice of a larger script).
 */
import { EOF, type IRecognitionException, type IToken } from 'chevrotain';
import { Semicolon } from '../../grammar/lexer.js';
import { sqlParser, statementStartWords, syntaxErrorWhere, takeSyntaxHint } from '../../grammar/parser.js';
import { unknownStatementMessage as unknownStatementDetail } from '../../grammar/ksql-wording.js';
import type { ParsedStatement } from './ast.js';
import { diagnostic, STATEMENT_LABEL, SYNTAX_ERROR_TITLE, syntaxErrorPrefix, UserError, type Diagnostic, type Position, type Span } from './diagnostic.js';
import { buildStatement } from './cst-to-ast.js';
import { lex, lexicalDiagnostic, type LexicalError } from './lex.js';
import { LineIndex, START } from './positions.js';
import { INTERNAL_ERROR, SYNTAX_ERROR } from './error-codes.js';
import { node, type CustomTypeLookup } from './cst.js';

export { splitStatements, isStatementComplete, type StatementText } from './split.js';
export { substituteVariables } from './variables.js';
export { SYNTAX_ERROR, INVALID_STATEMENT, UNDEFINED_VARIABLE } from './error-codes.js';

export interface ParseResult {
  readonly statements: ParsedStatement[];
  readonly diagnostics: Diagnostic[];
}

/**
 * Parses every `;`-terminated statement of `text` (a last statement may omit its `;`).
 * Each statement is parsed on its own, so one bad statement does not hide errors in the others.
 */
export interface ParseOptions {
  /** Custom types (CREATE TYPE) visible to these statements. */
  readonly customType?: CustomTypeLookup;
}

export function parseStatements(text: string, base: Position = START, options: ParseOptions = {}): ParseResult {
  const index = new LineIndex(text, base);
  const { tokens, errors } = lex(text);
  // Tokens and lexical errors in source order: an error also belongs to the statement it is in.
  const items: (IToken | LexicalError)[] = [...tokens, ...errors].sort((a, b) => startOf(a) - startOf(b));
  const statements: ParsedStatement[] = [];
  const diagnostics: Diagnostic[] = [];
  let group: IToken[] = [];
  let groupStart: number | undefined;
  let groupError: LexicalError | undefined;
  let lastEnd = 0;
  const finish = (end: number): void => {
    if (groupStart === undefined) {
      group = [];
      return;
    }
    const result = groupError ? { error: lexicalDiagnostic(index, groupError) } : parseOne(index, group, options);
    if ('error' in result) diagnostics.push(result.error);
    else statements.push({ statement: result.statement, text: text.slice(groupStart, end) });
    group = [];
    groupStart = undefined;
    groupError = undefined;
  };
  for (const item of items) {
    if ('tokenType' in item && item.tokenType === Semicolon) {
      group.push(item);
      finish(item.startOffset + 1); // an empty statement `;` is skipped, as ksqlDB does
      continue;
    }
    groupStart ??= startOf(item);
    if ('tokenType' in item) {
      group.push(item);
      lastEnd = item.startOffset + item.image.length;
    } else {
      groupError ??= item;
      lastEnd = item.end;
    }
  }
  finish(lastEnd);
  return { statements, diagnostics };
}

function startOf(item: IToken | LexicalError): number {
  return 'tokenType' in item ? item.startOffset : item.start;
}

function parseOne(index: LineIndex, group: readonly IToken[], options: ParseOptions): { statement: ParsedStatement['statement'] } | { error: Diagnostic } {
  takeSyntaxHint(); // a hint left by an earlier parse is not this one's
  sqlParser.input = group as IToken[];
  const cst = sqlParser.singleStatement();
  const err = sqlParser.errors[0];
  if (err) return { error: syntaxDiagnostic(index, group, err) };
  try {
    return { statement: buildStatement({ index, ...(options.customType ? { customType: options.customType } : {}) }, node(cst, 'statement')) };
  } catch (e) {
    if (e instanceof UserError) return { error: e.toDiagnostic() };
    // A bug in the CST→AST layer: still a value, since callers rely on parsing never throwing.
    const message = e instanceof Error ? e.message : String(e);
    return { error: diagnostic(INTERNAL_ERROR, `Internal parser error: ${message}`, index.span(group[0]!.startOffset, group[0]!.startOffset)) };
  }
}

function syntaxDiagnostic(index: LineIndex, group: readonly IToken[], err: IRecognitionException): Diagnostic {
  const t = err.token;
  const last = group[group.length - 1]!;
  const atEnd = t.tokenType === EOF || Number.isNaN(t.startOffset);
  const span: Span = atEnd
    ? index.span(last.startOffset + last.image.length, last.startOffset + last.image.length)
    : index.span(t.startOffset, t.startOffset + t.image.length);
  const hint = takeSyntaxHint();
  const message = `${ksqlSyntaxMessage(err.message, t, span.start)}\n${STATEMENT_LABEL}${index.lineText(span.start.line)}`;
  return { ...diagnostic(SYNTAX_ERROR, message, span), ...(hint ? { hint } : {}) };
}

/**
 * ksqlDB's wording: `line L:C: Syntax Error`, the detail, whose `Syntax error at or near 'X'`
 * gains ` at line L:C` (our "expected ..." hint stays after it), then `Statement: ` and the line
 * the error is on. renderDiagnostic shows the position once, with the caret, and no Statement.
 */
function ksqlSyntaxMessage(detail: string, token: IToken, at: Position): string {
  const where = syntaxErrorWhere(token);
  const positioned = detail.startsWith(where) ? `${where} at line ${at.line}:${at.column}${detail.slice(where.length)}` : detail;
  return `${syntaxErrorPrefix(at)}${SYNTAX_ERROR_TITLE}\n${positioned}`;
}

/**
 * ksqlDB's parse error for a statement that starts with a word it has no statement for, at `at`
 * (a session that refuses RUN SCRIPT words it so: ksqlDB's parser has no RUN).
 */
export function unknownStatementMessage(word: string, at: Position, statementText: string): string {
  const others = statementStartWords().filter((w) => w !== word.toUpperCase());
  const firstLine = statementText.split(/\r?\n/)[0] ?? '';
  return `${syntaxErrorPrefix(at)}${SYNTAX_ERROR_TITLE}\n${unknownStatementDetail(word, others)}\n${STATEMENT_LABEL}${firstLine}`;
}
