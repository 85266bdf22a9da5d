import { describe, expect, it } from 'vitest';
import { isStatementComplete, splitStatements } from '../../src/sql/parse.js';

describe('splitStatements', () => {
  it('splits on semicolons and reports where each statement starts', () => {
    expect(splitStatements('SHOW STREAMS;\n  SELECT a\nFROM t;')).toEqual([
      { text: 'SHOW STREAMS;', start: { offset: 0, line: 1, column: 1 }, complete: true },
      { text: 'SELECT a\nFROM t;', start: { offset: 16, line: 2, column: 3 }, complete: true },
    ]);
  });

  it('does not split on ; inside strings, quoted identifiers or comments', () => {
    const sql = "SET 'a'='x;y'; SELECT `a;b`, \"c;d\" FROM t -- no; split\n /* nor; here */ WHERE x = 'it''s;';";
    const parts = splitStatements(sql);
    expect(parts.map((p) => p.text)).toEqual([
      "SET 'a'='x;y';",
      "SELECT `a;b`, \"c;d\" FROM t -- no; split\n /* nor; here */ WHERE x = 'it''s;';",
    ]);
  });

  it('returns trailing text without ; as incomplete, without trailing comments', () => {
    expect(splitStatements('SHOW TABLES; SELECT 1 -- tail')).toEqual([
      { text: 'SHOW TABLES;', start: { offset: 0, line: 1, column: 1 }, complete: true },
      { text: 'SELECT 1', start: { offset: 13, line: 1, column: 14 }, complete: false },
    ]);
  });

  it('drops whitespace- and comment-only pieces and empty statements', () => {
    expect(splitStatements('  -- a\n /* b; */ ;; \n')).toEqual([]);
    expect(splitStatements(';SHOW TABLES;;').map((p) => p.text)).toEqual(['SHOW TABLES;']);
  });

  it('keeps an unterminated string as one incomplete piece (so the parser can report it)', () => {
    expect(splitStatements("SELECT 'abc; def")).toEqual([
      { text: "SELECT 'abc; def", start: { offset: 0, line: 1, column: 1 }, complete: false },
    ]);
  });

  it('keeps a piece made only of an unknown character', () => {
    expect(splitStatements('#;').map((p) => p.text)).toEqual(['#;']);
  });
});

describe('isStatementComplete', () => {
  it.each([
    ['SELECT 1;', true],
    ['SELECT 1;  \n', true],
    ['SELECT 1; -- done', true],
    ['SELECT 1', false],
    ['', false],
    ['   ', false],
    ["SELECT ';", false],
    ["SELECT ';'", false],
    ["SELECT ';';", true],
    ['SELECT 1 -- ;', false],
    ['SELECT 1 /* ; */', false],
    ['SELECT 1 /* ;', false],
    ['SELECT `a;', false],
    ['SELECT 1; SELECT 2', false],
  ])('%j → %s', (text, complete) => {
    expect(isStatementComplete(text)).toBe(complete);
  });
});
