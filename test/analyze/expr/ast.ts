/** Tiny AST builders for expression tests (the SQL parser is another team's work in progress). */
import type { Expr } from '../../../src/sql/ast.js';
import { UserError, type Span } from '../../../src/sql/diagnostic.js';
import type { SqlType } from '../../../src/types/sql-type.js';

/** A span at [offset, offset + length) on line 1, so tests can check which node an error points at. */
export function at(offset: number, length = 1): Span {
  return { start: { offset, line: 1, column: offset + 1 }, end: { offset: offset + length, line: 1, column: offset + length + 1 } };
}
const S = at(0);

export const nul = (span = S): Expr => ({ kind: 'NullLiteral', span });
export const bool = (value: boolean): Expr => ({ kind: 'BooleanLiteral', value, span: S });
export const int = (text: string | number, span = S): Expr => ({ kind: 'IntegerLiteral', text: String(text), span });
export const dec = (text: string): Expr => ({ kind: 'DecimalLiteral', text, span: S });
export const dbl = (text: string): Expr => ({ kind: 'DoubleLiteral', text, span: S });
export const str = (value: string, span = S): Expr => ({ kind: 'StringLiteral', value, span });
export const col = (name: string, source?: string, span = S): Expr => ({ kind: 'ColumnRef', name, ...(source ? { source } : {}), span });
export const bin = (op: Extract<Expr, { kind: 'Binary' }>['op'], left: Expr, right: Expr, span = S): Expr => ({ kind: 'Binary', op, left, right, span });
export const not = (operand: Expr): Expr => ({ kind: 'Unary', op: 'NOT', operand, span: S });
export const neg = (operand: Expr): Expr => ({ kind: 'Unary', op: '-', operand, span: S });
export const call = (name: string, args: Expr[], span = S): Expr => ({ kind: 'FunctionCall', name, args, star: false, distinct: false, span });
export const cast = (operand: Expr, type: SqlType, span = S): Expr => ({ kind: 'Cast', operand, type, span });
export const isNull = (operand: Expr, negated = false): Expr => ({ kind: 'IsNull', operand, negated, span: S });
export const like = (operand: Expr, pattern: Expr, escape?: Expr, negated = false): Expr => ({
  kind: 'Like',
  operand,
  pattern,
  ...(escape ? { escape } : {}),
  negated,
  span: S,
});
export const between = (operand: Expr, low: Expr, high: Expr, negated = false): Expr => ({ kind: 'Between', operand, low, high, negated, span: S });
export const inList = (operand: Expr, list: Expr[], negated = false): Expr => ({ kind: 'InList', operand, list, negated, span: S });
export const caseWhen = (whens: [Expr, Expr][], otherwise?: Expr, operand?: Expr): Expr => ({
  kind: 'Case',
  ...(operand ? { operand } : {}),
  whens: whens.map(([when, then]) => ({ when, then })),
  ...(otherwise ? { else: otherwise } : {}),
  span: S,
});
export const arr = (...items: Expr[]): Expr => ({ kind: 'ArrayConstructor', items, span: S });
export const mapOf = (...entries: [Expr, Expr][]): Expr => ({ kind: 'MapConstructor', entries: entries.map(([key, value]) => ({ key, value })), span: S });
export const structOf = (...fields: [string, Expr][]): Expr => ({ kind: 'StructConstructor', fields: fields.map(([name, value]) => ({ name, value })), span: S });
export const sub = (base: Expr, index: Expr): Expr => ({ kind: 'Subscript', base, index, span: S });
export const deref = (base: Expr, field: string): Expr => ({ kind: 'Dereference', base, field, span: S });

/** The UserError `f` throws; fails the test if it throws nothing or something else. */
export function userErrorOf(f: () => unknown): UserError {
  try {
    f();
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
  throw new Error('expected a UserError');
}
