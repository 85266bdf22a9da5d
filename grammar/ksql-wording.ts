/**
 * How ksqlDB words the detail of a parse error where ANTLR expected a set of tokens (its
 * SyntaxErrorValidator): an unknown first word is an unknown statement, a missing closing
 * bracket at the end is said so, a short set is listed (`Expecting {',', ')'}`) and a long one
 * is left out. See decisions/0053-antlr-expected-sets.md.
 */

/** ksqlDB lists an expected set only when it has at most this many tokens. */
export const MAX_EXPECTING_LISTED = 3;

export interface ExpectedSet {
  /** As ANTLR prints it: `'FROM'`, `{',', ')'}`. */
  readonly text: string;
  readonly size: number;
  readonly hasEof: boolean;
}

/** The detail line for a token that did not fit where `expected` did; '' when the set is long. */
export function expectingDetail(expected: ExpectedSet, atEnd: boolean): string {
  if (expected.hasEof || atEnd) return `Syntax error at or near ";"\n'}', ']', or ')' is missing`;
  if (expected.size <= MAX_EXPECTING_LISTED) return `Expecting ${expected.text}`;
  return '';
}

/** A statement that starts with a word no statement starts with, and the nearest that does. */
export function unknownStatementMessage(word: string, statementWords: readonly string[]): string {
  const nearest = closestWord(word.toUpperCase(), statementWords);
  return nearest === undefined ? `Unknown statement '${word}'` : `Unknown statement '${word}'\nDid you mean '${nearest}'?`;
}

/** A reserved word where a name was expected, with the way to use it as one. */
export function reservedKeywordMessage(word: string): string {
  return `"${word}" is a reserved keyword and it can't be used as an identifier. You can use it as an identifier by escaping it as \`${word}\``;
}

function closestWord(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance (insert, delete, substitute: 1 each). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}
