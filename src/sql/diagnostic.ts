/** A position in the source text. line and column are 1-based; offset is 0-based. */
export interface Position {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** A half-open source range [start, end) over the statement text handed to the parser. */
export interface Span {
  readonly start: Position;
  readonly end: Position;
}

/**
 * A user error as a value (DESIGN: errors are values, never thrown across layers).
 * `code` is a stable machine-readable name, e.g. SYNTAX_ERROR, UNKNOWN_SOURCE.
 */
export interface Diagnostic {
  readonly code: string;
  readonly message: string;
  readonly span?: Span;
  /** Our own help beside ksqlDB's wording (what was expected), shown under the caret. */
  readonly hint?: string;
}

export function diagnostic(code: string, message: string, span?: Span): Diagnostic {
  return span ? { code, message, span } : { code, message };
}

/** Thrown only inside one layer and caught at its boundary, where it becomes a Diagnostic value. */
export class UserError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly span?: Span,
  ) {
    super(message);
  }
  toDiagnostic(): Diagnostic {
    return diagnostic(this.code, this.message, this.span);
  }
}

/** The first line of ksqlDB's parse errors, after their position. */
export const SYNTAX_ERROR_TITLE = 'Syntax Error';

/** How ksqlDB ends an error about one statement: `\nStatement: ` and the statement's text. */
export const STATEMENT_LABEL = 'Statement: ';

/** How ksqlDB's parse errors start: `line 2:10: `. */
export function syntaxErrorPrefix(at: Pick<Position, 'line' | 'column'>): string {
  return `line ${at.line}:${at.column}: `;
}

/**
 * Renders `line:column: message` followed by the offending source line and a caret under the
 * offending text, e.g.
 *   1:15: mismatched input 'FORM'
 *   SELECT * FROM x FORM y;
 *                   ^^^^
 */
export function renderDiagnostic(source: string, d: Diagnostic): string {
  if (!d.span) return d.message;
  const { line, column } = d.span.start;
  // A message that starts with its own position (ksqlDB's `line L:C: `) shows it once.
  const own = syntaxErrorPrefix(d.span.start);
  const unprefixed = d.message.startsWith(own) ? d.message.slice(own.length) : d.message;
  // The source line and the caret below show the statement: its `Statement: ...` would repeat it.
  const statementAt = unprefixed.indexOf(`\n${STATEMENT_LABEL}`);
  const message = (statementAt >= 0 ? unprefixed.slice(0, statementAt) : unprefixed).replace(/\n+$/, '');
  const lines = source.split(/\r?\n/);
  const text = lines[line - 1] ?? '';
  const width =
    d.span.end.line === line ? Math.max(1, d.span.end.column - column) : Math.max(1, text.length - column + 1);
  const caret = ' '.repeat(Math.max(0, column - 1)) + '^'.repeat(width);
  return `${line}:${column}: ${message}\n${text}\n${caret}${d.hint ? `\n${d.hint}` : ''}`;
}
