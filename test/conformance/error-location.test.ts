/** Matching ksqlDB's located error texts against our diagnostics' spans. */
import { describe, expect, it } from 'vitest';
import { errorMatches, statementFirstLines } from '../../src/conformance/error-location.js';
import type { Span } from '../../src/sql/diagnostic.js';

const at = (line: number, column: number): Span => ({ start: { offset: 0, line, column }, end: { offset: 1, line, column: column + 1 } });

describe('errorMatches', () => {
  it('matches a "Line: L, Col: C: " prefix against the span, the statement placed at its line', () => {
    const error = { message: "Column 'F0' is ambiguous. Could be I1.F0 or I2.F0.", span: at(1, 38) };
    expect(errorMatches(error, "Line: 3, Col: 38: Column 'F0' is ambiguous.", 3)).toBe(true);
    expect(errorMatches(error, "Line: 3, Col: 37: Column 'F0' is ambiguous.", 3)).toBe(false);
    expect(errorMatches(error, "Line: 1, Col: 38: Column 'F0' is ambiguous.", 3)).toBe(false);
    expect(errorMatches(error, "Line: 3, Col: 38: Column 'F1' is ambiguous.", 3)).toBe(false);
    expect(errorMatches(error, "Exception while preparing statement: Line: 3, Col: 38: Column 'F0' is ambiguous.", 3)).toBe(true);
  });

  it('matches a trailing " at line L:C" of a syntax error', () => {
    const error = { message: "Syntax error at or near 'NULL': expected one of ARRAY, MAP", span: at(1, 47) };
    expect(errorMatches(error, "Syntax error at or near 'NULL' at line 2:47", 2)).toBe(true);
    expect(errorMatches(error, "Syntax error at or near 'NULL' at line 2:46", 2)).toBe(false);
  });

  it('matches "Failed to prepare statement: line L:C: ", whose column ksqlDB counts one too far', () => {
    const error = { message: 'Invalid numeric literal: 9223372036854775808', span: at(2, 39) };
    expect(errorMatches(error, 'Failed to prepare statement: line 2:40: Invalid numeric literal: 9223372036854775808')).toBe(true);
    expect(errorMatches(error, 'Failed to prepare statement: line 2:39: Invalid numeric literal: 9223372036854775808')).toBe(false);
    expect(errorMatches(error, 'Failed to prepare statement: line 1:40: Invalid numeric literal: 9223372036854775808')).toBe(false);
  });

  it('needs a span for a located text, and compares plain texts as substrings', () => {
    expect(errorMatches({ message: 'Column X is a KEY column' }, 'Line: 1, Col: 2: Column X')).toBe(false);
    expect(errorMatches({ message: 'Column X is a KEY column' }, 'is a KEY')).toBe(true);
  });
});

describe('statementFirstLines', () => {
  it('places statements one after the other on new lines', () => {
    expect(statementFirstLines(['A;', 'B\nC;', 'D;'])).toEqual([1, 2, 4]);
  });
});
