/** Test helpers: parse one statement or expression, and print expressions fully parenthesised. */
import { expect } from 'vitest';
import type { Expr, Query, Statement } from '../../src/sql/ast.js';
import { parseStatements } from '../../src/sql/parse.js';

export function parseOne(sql: string): Statement {
  const r = parseStatements(sql);
  expect(r.diagnostics).toEqual([]);
  expect(r.statements).toHaveLength(1);
  return r.statements[0]!.statement;
}

/** The first select item's expression of `SELECT <expr> FROM t;`. */
export function expr(text: string): Expr {
  const q = parseOne(`SELECT ${text} FROM t;`) as Query;
  const item = q.select[0]!;
  if (item.kind !== 'SelectExpr') throw new Error('not an expression');
  return item.expr;
}

export function show(e: Expr): string {
  switch (e.kind) {
    case 'NullLiteral':
      return 'NULL';
    case 'BooleanLiteral':
      return String(e.value).toUpperCase();
    case 'IntegerLiteral':
    case 'DecimalLiteral':
    case 'DoubleLiteral':
      return e.text;
    case 'StringLiteral':
      return `'${e.value}'`;
    case 'ColumnRef':
      return e.source ? `${e.source}.${e.name}` : e.name;
    case 'Dereference':
      return `(${show(e.base)}->${e.field})`;
    case 'Subscript':
      return `(${show(e.base)}[${show(e.index)}])`;
    case 'Unary':
      return `(${e.op} ${show(e.operand)})`;
    case 'Binary':
      return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case 'IsNull':
      return `(${show(e.operand)} IS${e.negated ? ' NOT' : ''} NULL)`;
    case 'Like':
      return `(${show(e.operand)}${e.negated ? ' NOT' : ''} LIKE ${show(e.pattern)}${e.escape ? ` ESCAPE ${show(e.escape)}` : ''})`;
    case 'Between':
      return `(${show(e.operand)}${e.negated ? ' NOT' : ''} BETWEEN ${show(e.low)} AND ${show(e.high)})`;
    case 'InList':
      return `(${show(e.operand)}${e.negated ? ' NOT' : ''} IN (${e.list.map(show).join(', ')}))`;
    case 'Case':
      return `(CASE${e.operand ? ' ' + show(e.operand) : ''}${e.whens.map((w) => ` WHEN ${show(w.when)} THEN ${show(w.then)}`).join('')}${e.else ? ` ELSE ${show(e.else)}` : ''} END)`;
    case 'Cast':
      return `CAST(${show(e.operand)} AS ${e.type.kind})`;
    case 'FunctionCall':
      return `${e.name}(${e.star ? '*' : (e.distinct ? 'DISTINCT ' : '') + e.args.map(show).join(', ')})`;
    case 'ArrayConstructor':
      return `ARRAY[${e.items.map(show).join(', ')}]`;
    case 'MapConstructor':
      return `MAP(${e.entries.map((x) => `${show(x.key)} := ${show(x.value)}`).join(', ')})`;
    case 'StructConstructor':
      return `STRUCT(${e.fields.map((x) => `${x.name} := ${show(x.value)}`).join(', ')})`;
  }
}
