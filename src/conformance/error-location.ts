/**
 * ksqlDB puts the location of some errors into their text: "Line: 3, Col: 38: Column 'F0' is
 * ambiguous..." or "Syntax error at or near 'NULL' at line 2:47". Our diagnostics carry the
 * location as a span instead, so an expected message with a location matches when the rest of
 * its text is in our message and our span starts there. QTT runs a case's statements as one
 * script, one statement after the other on new lines: `firstLine` is where ours began in it.
 */
import type { Diagnostic } from '../sql/diagnostic.js';

/** Also under the REST wrapper "Exception while preparing statement: ". */
const LEADING = /^(?:Exception while preparing statement: )?Line: (\d+), Col: (\d+): ([\s\S]*)$/;
const TRAILING = /^([\s\S]*?) at line (\d+):(\d+)([\s\S]*)$/;
/**
 * ksqlDB's parser-stage wrapper: "Failed to prepare statement: line 2:40: Invalid numeric literal: ...".
 * Its ParsingException adds 1 to a node's column, which is already 1-based: 40 is column 39.
 */
const PREPARE = /^Failed to prepare statement: line (\d+):(\d+): ([\s\S]*)$/;

interface Located {
  readonly line: number;
  readonly column: number;
  /** Texts our message must contain. */
  readonly parts: readonly string[];
}

function locatedText(expected: string): Located | undefined {
  const lead = LEADING.exec(expected);
  if (lead) return { line: Number(lead[1]), column: Number(lead[2]), parts: [lead[3]!] };
  const prepare = PREPARE.exec(expected);
  if (prepare) return { line: Number(prepare[1]), column: Number(prepare[2]) - 1, parts: [prepare[3]!] };
  const trail = TRAILING.exec(expected);
  if (trail) return { line: Number(trail[2]), column: Number(trail[3]), parts: [trail[1]!, trail[4]!].filter((p) => p !== '') };
  return undefined;
}

/** Whether `error` is the error `expected` describes (a substring of its message, as QTT compares). */
export function errorMatches(error: Pick<Diagnostic, 'message' | 'span'>, expected: string, firstLine = 1): boolean {
  if (error.message.includes(expected)) return true;
  const located = locatedText(expected);
  if (!located || !error.span) return false;
  const line = firstLine + error.span.start.line - 1;
  return line === located.line && error.span.start.column === located.column && located.parts.every((p) => error.message.includes(p));
}

/** The line each statement of a case starts on, when they are run as one script joined by newlines. */
export function statementFirstLines(statements: readonly string[]): number[] {
  const lines: number[] = [];
  let next = 1;
  for (const s of statements) {
    lines.push(next);
    next += s.split('\n').length;
  }
  return lines;
}
