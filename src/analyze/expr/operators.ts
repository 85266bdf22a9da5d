/** Typing of arithmetic and comparison operators: numeric widening, decimal result types, ksqlDB messages. */
import type { ArithmeticOp, ComparisonOp, Expr } from '../../sql/ast.js';
import { UserError, type Span } from '../../sql/diagnostic.js';
import { isNumeric } from '../../types/cast.js';
import { commonType } from '../../types/coercion.js';
import { comparatorFor } from '../../types/compare.js';
import {
  asDecimalType,
  decimalAddType,
  decimalDivideType,
  decimalModulusType,
  decimalMultiplyType,
} from '../../types/decimal-math.js';
import { isUntypedNull } from '../../types/null-type.js';
import { BIGINT, BOOLEAN, DOUBLE, INTEGER, typeToString, type SqlType } from '../../types/sql-type.js';
import type { TypedExpr } from '../typed-expr.js';
import { coerceTo, isNullLiteral } from './coerce.js';
import { formatExpr } from './format.js';

const typeName = (t: SqlType): string => (isUntypedNull(t) ? 'null' : typeToString(t));

/** The result type of `l op r` on numbers, ksqlDB style; undefined if either is not numeric. */
export function arithmeticType(op: ArithmeticOp, l: SqlType, r: SqlType): SqlType | undefined {
  if (!isNumeric(l) || !isNumeric(r) || isUntypedNull(l) || isUntypedNull(r)) return undefined;
  if (l.kind === 'DOUBLE' || r.kind === 'DOUBLE') return DOUBLE;
  if (l.kind === 'DECIMAL' || r.kind === 'DECIMAL') {
    const a = asDecimalType(l)!;
    const b = asDecimalType(r)!;
    switch (op) {
      case '+':
      case '-':
        return decimalAddType(a, b);
      case '*':
        return decimalMultiplyType(a, b);
      case '/':
        return decimalDivideType(a, b);
      case '%':
        return decimalModulusType(a, b);
    }
  }
  return l.kind === 'BIGINT' || r.kind === 'BIGINT' ? BIGINT : INTEGER;
}

/**
 * `l op r`. Numbers: both operands are widened to the result type, except DECIMAL where each
 * operand becomes a DECIMAL of its own precision (the compiler rescales). STRING + STRING concatenates.
 */
export function typeArithmetic(ast: Expr & { kind: 'Binary' }, op: ArithmeticOp, l: TypedExpr, r: TypedExpr): TypedExpr {
  if (op === '+' && l.type.kind === 'STRING' && r.type.kind === 'STRING' && !isNullLiteral(l) && !isNullLiteral(r)) {
    return { kind: 'Concat', parts: [l, r], type: l.type, span: ast.span };
  }
  const type = arithmeticType(op, l.type, r.type);
  if (!type) {
    throw new UserError(
      'TYPE_MISMATCH',
      `Error processing expression: ${formatExpr(ast)}. Arithmetic on types ${typeName(l.type)} and ${typeName(r.type)} are not supported.`,
      ast.span,
    );
  }
  const operand = (e: TypedExpr): TypedExpr => (type.kind === 'DECIMAL' ? coerceTo(e, asDecimalType(e.type)!) : coerceTo(e, type));
  return { kind: 'Arithmetic', op, left: operand(l), right: operand(r), type, span: ast.span };
}

const OP_NAMES: Record<ComparisonOp, string> = {
  '=': 'EQUAL',
  '<>': 'NOT_EQUAL',
  '<': 'LESS_THAN',
  '<=': 'LESS_THAN_OR_EQUAL',
  '>': 'GREATER_THAN',
  '>=': 'GREATER_THAN_OR_EQUAL',
};

/** ksqlDB's words for two operands a comparison cannot compare: "Cannot compare A (STRING) to 1 (INTEGER) with EQUAL." */
export function comparisonMismatch(left: Expr, l: SqlType, right: Expr, r: SqlType, op: ComparisonOp, span: Span): UserError {
  return new UserError('TYPE_MISMATCH', `Cannot compare ${formatExpr(left)} (${typeName(l)}) to ${formatExpr(right)} (${typeName(r)}) with ${OP_NAMES[op]}.`, span);
}

const TEMPORAL = new Set(['TIMESTAMP', 'DATE', 'TIME']);

/**
 * The type both sides of a comparison are brought to, or undefined if they cannot be compared.
 * A STRING literal compared with a TIMESTAMP/DATE/TIME is parsed as one (ksqlDB does the same).
 */
export function comparisonType(l: TypedExpr, r: TypedExpr, equalityOnly: boolean): SqlType | undefined {
  const a = l.type;
  const b = r.type;
  if (TEMPORAL.has(a.kind) && b.kind === 'STRING' && r.kind === 'Constant') return a;
  if (TEMPORAL.has(b.kind) && a.kind === 'STRING' && l.kind === 'Constant') return b;
  if (isNumeric(a) !== isNumeric(b)) return undefined;
  const t = commonType(a, b);
  if (!t) return undefined;
  if (!equalityOnly && !comparatorFor(t)) return undefined;
  return t;
}

export function typeComparison(ast: Expr & { kind: 'Binary' }, op: ComparisonOp, l: TypedExpr, r: TypedExpr): TypedExpr {
  if (isNullLiteral(l) || isNullLiteral(r)) {
    // ksqlDB names the other side by its type: "INTEGER = NULL".
    const side = (e: TypedExpr): string => (isNullLiteral(e) ? 'NULL' : typeName(e.type));
    throw new UserError('TYPE_MISMATCH', `Comparison with NULL not supported: ${side(l)} ${op} ${side(r)}\nUse 'IS NULL' or 'IS NOT NULL' instead.`, ast.span);
  }
  const t = comparisonType(l, r, op === '=' || op === '<>');
  if (!t) throw comparisonMismatch(ast.left, l.type, ast.right, r.type, op, ast.span);
  return { kind: 'Comparison', op, left: coerceTo(l, t), right: coerceTo(r, t), operandType: t, type: BOOLEAN, span: ast.span };
}

/** `l IS [NOT] DISTINCT FROM r`: the operands must be comparable for equality; NULL literals are fine. */
export function typeDistinct(ast: Expr & { kind: 'Binary' }, l: TypedExpr, r: TypedExpr): TypedExpr {
  const t = isNullLiteral(l) ? r.type : isNullLiteral(r) ? l.type : comparisonType(l, r, true);
  if (!t || isUntypedNull(t)) {
    throw new UserError(
      'TYPE_MISMATCH',
      `Cannot compare ${formatExpr(ast.left)} (${typeName(l.type)}) to ${formatExpr(ast.right)} (${typeName(r.type)}) with ${ast.op}.`,
      ast.span,
    );
  }
  const negated = ast.op === 'IS NOT DISTINCT FROM';
  return { kind: 'IsDistinct', negated, left: coerceTo(l, t), right: coerceTo(r, t), operandType: t, type: BOOLEAN, span: ast.span };
}

function nullText(e: Expr): string {
  return e.kind === 'NullLiteral' ? 'NULL' : formatExpr(e);
}

/** Checks a span's expression is BOOLEAN (an untyped NULL becomes a BOOLEAN NULL). */
export function requireBoolean(e: TypedExpr, what: string, span: Span): TypedExpr {
  if (isNullLiteral(e)) return coerceTo(e, BOOLEAN);
  if (e.type.kind !== 'BOOLEAN') {
    throw new UserError('TYPE_MISMATCH', `${what} expects a BOOLEAN operand but got ${typeName(e.type)}.`, span);
  }
  return e;
}
