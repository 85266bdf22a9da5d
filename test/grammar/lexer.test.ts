import { describe, expect, it } from 'vitest';
import * as T from '../../grammar/lexer.js';

const lex = (text: string) => T.sqlLexer.tokenize(text);
const names = (text: string) => lex(text).tokens.map((t) => t.tokenType.name);

describe('lexer', () => {
  it('matches keywords case-insensitively', () => {
    expect(names('select SeLeCt SELECT')).toEqual(['SELECT', 'SELECT', 'SELECT']);
  });

  it('lexes a word that starts with a keyword as one identifier (longer_alt)', () => {
    expect(names('selection inserted fromage')).toEqual(['Identifier', 'Identifier', 'Identifier']);
  });

  it('prefers the longest keyword', () => {
    expect(names('IN INSERT INTO INTERVAL STREAM STREAMS TABLE TABLES TOPIC TOPICS')).toEqual([
      'IN', 'INSERT', 'INTO', 'INTERVAL', 'STREAM', 'STREAMS', 'TABLE', 'TABLES', 'TOPIC', 'TOPICS',
    ]);
  });

  it('puts non-reserved keywords in the NonReserved category, reserved ones not', () => {
    const key = lex('KEY').tokens[0]!.tokenType;
    expect(key.CATEGORIES).toContain(T.NonReserved);
    const select = lex('SELECT').tokens[0]!.tokenType;
    expect(select.CATEGORIES ?? []).not.toContain(T.NonReserved);
  });

  it('does not make type names keywords (STRING is a non-reserved one, as in ksqlDB: VARCHAR(STRING))', () => {
    expect(names('INT BIGINT VARCHAR BOOLEAN DOUBLE BYTES')).toEqual(Array(6).fill('Identifier'));
    expect(names('STRING')).toEqual(['STRING']);
  });

  it('lexes quoted identifiers and strings with doubled-quote escapes', () => {
    const r = lex("`a``b` 'it''s' \"x\"\"y\"");
    expect(r.tokens.map((t) => [t.tokenType.name, t.image])).toEqual([
      ['BacktickIdentifier', '`a``b`'],
      ['StringLiteral', "'it''s'"],
      ['QuotedIdentifier', '"x""y"'],
    ]);
  });

  it('tells integer, decimal and double literals apart', () => {
    expect(names('1 1.5 .5 1. 1.5E3 1e-2 .5e+1')).toEqual([
      'IntegerLiteral', 'DecimalLiteral', 'DecimalLiteral', 'DecimalLiteral', 'DoubleLiteral', 'DoubleLiteral', 'DoubleLiteral',
    ]);
  });

  it('lexes every operator', () => {
    expect(lex('= <> != < <= > >= + - * / % || ( ) , ; . [ ] -> :=').tokens.map((t) => t.tokenType.name)).toEqual([
      'Eq', 'Neq', 'Neq', 'Lt', 'Lte', 'Gt', 'Gte', 'Plus', 'Minus', 'Star', 'Slash', 'Percent', 'Concat',
      'LParen', 'RParen', 'Comma', 'Semicolon', 'Dot', 'LBracket', 'RBracket', 'Arrow', 'Assign',
    ]);
  });

  it('skips line and block comments, even when they contain quotes or semicolons', () => {
    expect(names("a -- b; 'c\n/* d; 'e */ f")).toEqual(['Identifier', 'Identifier']);
    expect(lex('a -- x').groups[T.COMMENTS_GROUP]!.map((t) => t.image)).toEqual(['-- x']);
  });

  it('puts unterminated strings, identifiers and comments in the invalid group', () => {
    for (const [text, name] of [
      ["x 'abc", 'UnterminatedString'],
      ['x `abc', 'UnterminatedBacktick'],
      ['x "abc', 'UnterminatedQuoted'],
      ['x /* abc', 'UnterminatedComment'],
    ] as const) {
      const r = lex(text);
      expect(r.groups[T.INVALID_GROUP]!.map((t) => t.tokenType.name)).toEqual([name]);
      expect(r.tokens.map((t) => t.image)).toEqual(['x']);
    }
  });

  it('reports an unknown character as a lexer error', () => {
    const r = lex('a # b');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.offset).toBe(2);
  });
});
