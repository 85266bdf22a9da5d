import { describe, expect, it } from 'vitest';
import { parseStatements } from '../../src/sql/parse.js';
import type { Query } from '../../src/sql/ast.js';
import { expr, parseOne, show } from './helpers.js';

const p = (text: string) => show(expr(text));

describe('expression precedence and associativity (ksqlDB SqlBase.g4)', () => {
  it.each([
    ['a OR b AND c', '(A OR (B AND C))'],
    ['a AND b OR c', '((A AND B) OR C)'],
    ['NOT a AND b', '((NOT A) AND B)'],
    ['NOT a = b', '(NOT (A = B))'],
    ['NOT NOT a', '(NOT (NOT A))'],
    ['a = b AND c <> d', '((A = B) AND (C <> D))'],
    ['a != b', '(A <> B)'],
    ['a + b * c', '(A + (B * C))'],
    ['a - b - c', '((A - B) - C)'],
    ['a / b % c * d', '(((A / B) % C) * D)'],
    ['a || b + c', '(A || (B + C))'],
    ['a + b || c', '((A + B) || C)'],
    ['a || b || c', '((A || B) || C)'],
    ['a + b = c * d', '((A + B) = (C * D))'],
    ['-a * b', '((- A) * B)'],
    ['- -a', '(- (- A))'],
    ['+a', '(+ A)'],
    ['-1', '-1'],
    ['-1.5', '-1.5'],
    ['2 - -1', '(2 - -1)'],
    ['-a[1]', '(- (A[1]))'],
    ['a IS NULL OR b IS NOT NULL', '((A IS NULL) OR (B IS NOT NULL))'],
    ['a + 1 BETWEEN b AND c * 2', '((A + 1) BETWEEN B AND (C * 2))'],
    ['a NOT BETWEEN 1 AND 2 AND b', '((A NOT BETWEEN 1 AND 2) AND B)'],
    ["a LIKE 'x%' ESCAPE '!'", "(A LIKE 'x%' ESCAPE '!')"],
    ["a NOT LIKE b || 'x'", "(A NOT LIKE (B || 'x'))"],
    ['a IN (1, 2 + 3)', '(A IN (1, (2 + 3)))'],
    ['a NOT IN (b)', '(A NOT IN (B))'],
    ['(a OR b) AND c', '((A OR B) AND C)'],
    ['a->b->c', '((A->B)->C)'],
    ['a[1][2]', '((A[1])[2])'],
    ['a[1]->b', '((A[1])->B)'],
    ['s.a->b', '(S.A->B)'],
  ])('%s', (text, expected) => {
    expect(p(text)).toBe(expected);
  });
});

describe('primary expressions', () => {
  it.each([
    ["NULL, TRUE", 'NULL'],
    ["'it''s'", "'it's'"],
    ['1.5E3', '1.5E3'],
    ['COUNT(*)', 'COUNT(*)'],
    ['count(DISTINCT x)', 'COUNT(DISTINCT X)'],
    ['`myFn`(1, 2)', 'myFn(1, 2)'.toUpperCase()],
    ['CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END', '(CASE WHEN A THEN 1 WHEN B THEN 2 ELSE 3 END)'],
    ["CASE a WHEN 1 THEN 'x' END", "(CASE A WHEN 1 THEN 'x' END)"],
    ['CAST(a AS BIGINT)', 'CAST(A AS BIGINT)'],
    ['ARRAY[1, a]', 'ARRAY[1, A]'],
    ['ARRAY[]', 'ARRAY[]'],
    ["MAP('k' := 1, 'j' := 2)", "MAP('k' := 1, 'j' := 2)"],
    ['STRUCT(a := 1, `b` := 2)', 'STRUCT(A := 1, b := 2)'],
    ['ARRAY[1, 2][1]', '(ARRAY[1, 2][1])'],
    ['array(x)', 'ARRAY(X)'],
  ])('%s', (text, expected) => {
    expect(p(text)).toBe(expected);
  });

  it('commits to the MAP constructor on `MAP(` and reports the missing :=', () => {
    const r = parseStatements("SELECT MAP('a' 1) FROM t;");
    expect(r.diagnostics.map((d) => [d.message, d.span?.start.column])).toEqual([["line 1:16: Syntax Error\nmissing ':=' at '1'\nStatement: SELECT MAP('a' 1) FROM t;", 16]]);
  });

  it('reads non-reserved keywords as column names', () => {
    expect(p('timestamp + key')).toBe('(TIMESTAMP + KEY)');
    expect(p('date, time')).toBe('DATE');
    expect(p('topic')).toBe('TOPIC');
    expect(p('array')).toBe('ARRAY');
    const names = 'key, value, type, name, set, if, source, replace, define, undefine, emit, changes, final, interval, escape, primary, show, tables, functions, variables, decimal, struct, map, topic';
    const q = parseOne(`SELECT ${names} FROM t;`) as Query;
    expect(q.select.map((i) => (i.kind === 'SelectExpr' ? show(i.expr) : '*')).join(', ')).toBe(names.toUpperCase());
  });

  it('does not accept reserved keywords as column names', () => {
    for (const word of ['select', 'from', 'where', 'group', 'join', 'case', 'cast', 'and']) {
      expect(parseStatements(`SELECT a, ${word} FROM t;`).diagnostics.length, word).toBeGreaterThan(0);
    }
  });

  it('keeps the case of backticked and double-quoted names', () => {
    expect(p('`Mixed``Case`')).toBe('Mixed`Case');
    expect(p('"q"."Col"')).toBe('q.Col');
  });

  it('gives the CAST its SqlType', () => {
    const e = expr('CAST(x AS DECIMAL(4, 2))');
    expect(e.kind === 'Cast' && e.type).toEqual({ kind: 'DECIMAL', precision: 4, scale: 2 });
  });
});
