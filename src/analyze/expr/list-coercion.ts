/**
 * Coercion of a user-written list of expressions to one type, as ksqlDB does for `x IN (...)`,
 * `ARRAY[...]` and the keys and values of `MAP(...)`.
 *
 * The common type is found left to right: the first typed item sets it, NULL literals are skipped,
 * and each further item widens it:
 * - numbers widen (INTEGER → BIGINT → DECIMAL → DOUBLE, decimals to fit both);
 * - a STRING literal stands for a number of its own natural type (`'4.000'` is a DECIMAL(4, 3),
 *   `'2147483648'` a BIGINT) when the type so far is numeric, and for a BOOLEAN when it is BOOLEAN;
 * - any other literal may be read as a STRING when the type so far is STRING (`10` → `'10'`);
 * - a non-literal must widen or be widened (BIGINT and INTEGER meet at BIGINT; STRING and INTEGER
 *   never meet);
 * - ARRAY/MAP/STRUCT constructors are resolved element by element against the type so far, and
 *   a STRUCT constructor adds its fields to it (the common struct is the union of all fields).
 * Literals are then converted to literals of the common type; everything else gets a CAST.
 */
import type { Expr } from '../../sql/ast.js';
import { UserError } from '../../sql/diagnostic.js';
import { castValue, isNumeric } from '../../types/cast.js';
import { canCoerce, commonType } from '../../types/coercion.js';
import { decimalLiteralType, parseDecimalText } from '../../types/decimal-math.js';
import { ExpressionEvalError } from '../../types/eval-error.js';
import { isUntypedNull } from '../../types/null-type.js';
import { BIGINT, INTEGER, typeToString, typesEqual, type SqlType } from '../../types/sql-type.js';
import type { TypedExpr } from '../typed-expr.js';
import { coerceTo, constant } from './coerce.js';
import { formatExpr } from './format.js';

/** Error code of every failure here; a WHERE clause reports them as ksqlDB's "Invalid Predicate". */
export const LIST_COERCION_ERROR = 'LIST_COERCION';

export type Typer = (e: Expr) => TypedExpr;

export interface CoercedList {
  /** Undefined if every item is a NULL literal (or there are none). */
  readonly type: SqlType | undefined;
  /** The items, converted to `type` (NULL literals become typed NULLs). */
  readonly items: readonly TypedExpr[];
}

/** Raised when two types do not meet; caught by an enclosing constructor to name itself instead. */
class NoCommonType extends UserError {}

const TEMPORAL = new Set<SqlType['kind']>(['TIMESTAMP', 'DATE', 'TIME']);

export function coerceUserList(asts: readonly Expr[], typer: Typer): CoercedList {
  const typed = asts.map((ast) => ({ ast, expr: typer(ast) }));
  const resolver = new Resolver(typer);
  let t: SqlType | undefined;
  for (const item of typed) t = resolver.widen(item.ast, item.expr.type, t);
  if (t === undefined) return { type: undefined, items: typed.map((i) => i.expr) };
  const target = t;
  return { type: target, items: typed.map(({ ast, expr }) => convert(ast, expr, target)) };
}

class Resolver {
  constructor(private readonly typer: Typer) {}

  /** The type `sofar` becomes once `ast` (of type `type`) joins the list. */
  widen(ast: Expr, type: SqlType, sofar: SqlType | undefined): SqlType | undefined {
    if (isUntypedNull(type)) return sofar;
    if (sofar === undefined) return type;
    switch (ast.kind) {
      case 'ArrayConstructor':
        return this.nested(ast, type, sofar, 'ARRAY', (target) => {
          const el = (target as SqlType & { kind: 'ARRAY' }).element;
          return { kind: 'ARRAY', element: this.elements(el, ast.items) };
        });
      case 'MapConstructor':
        return this.nested(ast, type, sofar, 'MAP', (target) => {
          const m = target as SqlType & { kind: 'MAP' };
          return {
            kind: 'MAP',
            key: this.elements(m.key, ast.entries.map((x) => x.key)),
            value: this.elements(m.value, ast.entries.map((x) => x.value)),
          };
        });
      case 'StructConstructor':
        return this.nested(ast, type, sofar, 'STRUCT', (target) => {
          const s = target as SqlType & { kind: 'STRUCT' };
          const names = [...new Set([...ast.fields.map((f) => f.name), ...s.fields.map((f) => f.name)])];
          const fields = names.map((name) => {
            const given = ast.fields.find((f) => f.name === name);
            const known = s.fields.find((f) => f.name === name);
            if (!given) return { name, type: known!.type };
            const givenType = this.typer(given.value).type;
            return { name, type: known ? this.widen(given.value, givenType, known.type)! : givenType };
          });
          return { kind: 'STRUCT', fields };
        });
      case 'StringLiteral':
        if (isNumeric(sofar)) return numericFromString(ast, ast.value, sofar);
        if (sofar.kind === 'BOOLEAN') {
          literalAs(ast, ast.value, sofar);
          return sofar;
        }
        break;
      default:
        break;
    }
    return simpleCommon(ast, type, sofar);
  }

  /** A constructor against the type so far: it must be of the same kind, and its parts widen it. */
  private nested(ast: Expr, type: SqlType, sofar: SqlType, kind: SqlType['kind'], parts: (target: SqlType) => SqlType): SqlType {
    if (sofar.kind !== kind) throw noCommonType(ast, type, sofar);
    try {
      return parts(sofar);
    } catch (err) {
      if (err instanceof NoCommonType) throw noCommonType(ast, type, sofar);
      throw err;
    }
  }

  /** The element type of a constructor's items, starting from the element type so far. */
  private elements(target: SqlType, asts: readonly Expr[]): SqlType {
    let t = target;
    for (const ast of asts) t = this.widen(ast, this.typer(ast).type, t)!;
    return t;
  }
}

/** Two plain types: a literal may also be read as a STRING; otherwise one must widen to the other. */
function simpleCommon(ast: Expr, type: SqlType, sofar: SqlType): SqlType {
  const common = widens(type, sofar) ? sofar : widens(sofar, type) ? type : undefined;
  if (common) return isNumeric(common) ? commonType(type, sofar)! : common;
  if (isLiteral(ast)) {
    if (sofar.kind === 'STRING' && isPrimitive(type)) return sofar;
    if (type.kind === 'STRING' && TEMPORAL.has(sofar.kind)) {
      literalAs(ast, (ast as Expr & { kind: 'StringLiteral' }).value, sofar);
      return sofar;
    }
  }
  throw noCommonType(ast, type, sofar);
}

/** Implicit widening between two types (numbers, and containers of them). */
function widens(from: SqlType, to: SqlType): boolean {
  if (typesEqual(from, to)) return true;
  if (isNumeric(from) && isNumeric(to)) return rank(from) <= rank(to);
  // Containers: elements widen; a struct may lack some of the target's fields (they read as NULL).
  return !isPrimitive(from) && canCoerce(from, to);
}

const RANKS: Partial<Record<SqlType['kind'], number>> = { INTEGER: 0, BIGINT: 1, DECIMAL: 2, DOUBLE: 3 };
const rank = (t: SqlType): number => RANKS[t.kind] ?? -1;

const isPrimitive = (t: SqlType): boolean => t.kind !== 'ARRAY' && t.kind !== 'MAP' && t.kind !== 'STRUCT';

/** The numeric type a STRING literal stands for, widened with the numeric type so far. */
function numericFromString(ast: Expr, text: string, sofar: SqlType): SqlType {
  const own = naturalNumericType(text);
  if (!own) throw invalidSyntax(ast, text, sofar);
  return commonType(own, sofar)!;
}

/** ksqlDB reads number text as INTEGER or BIGINT when it is a whole number that fits, else DECIMAL. */
function naturalNumericType(text: string): SqlType | undefined {
  const trimmed = text.trim();
  if (/^[+-]?\d+$/.test(trimmed)) {
    const n = BigInt(trimmed);
    if (n > -(2n ** 31n) && n < 2n ** 31n - 1n) return INTEGER;
    if (n > -(2n ** 63n) && n < 2n ** 63n - 1n) return BIGINT;
  }
  const d = parseDecimalText(trimmed);
  return d ? decimalLiteralType(d) : undefined;
}

/** A literal's value as `to`, or ksqlDB's invalid-syntax error. */
function literalAs(ast: Expr, value: unknown, to: SqlType, from: SqlType = { kind: 'STRING' }): unknown {
  try {
    return castValue(value, from, to);
  } catch (err) {
    if (err instanceof ExpressionEvalError) throw invalidSyntax(ast, value, to);
    throw err;
  }
}

function convert(ast: Expr, e: TypedExpr, to: SqlType): TypedExpr {
  if (e.kind === 'Constant' && isLiteral(ast) && !isUntypedNull(e.type) && !typesEqual(e.type, to)) {
    return constant(literalAs(ast, e.value, to, e.type), to, e.span);
  }
  return coerceTo(e, to);
}

/** Literals, including a negated number (`-5`), which ksqlDB's parser folds into one. */
function isLiteral(e: Expr): boolean {
  switch (e.kind) {
    case 'StringLiteral':
    case 'IntegerLiteral':
    case 'DecimalLiteral':
    case 'DoubleLiteral':
    case 'BooleanLiteral':
    case 'NullLiteral':
      return true;
    case 'Unary':
      return e.op !== 'NOT' && isLiteral(e.operand);
    default:
      return false;
  }
}

function invalidSyntax(ast: Expr, value: unknown, to: SqlType): UserError {
  return new UserError(LIST_COERCION_ERROR, `invalid input syntax for type ${to.kind}: "${String(value)}".`, ast.span);
}

function noCommonType(ast: Expr, type: SqlType, sofar: SqlType): NoCommonType {
  return new NoCommonType(
    LIST_COERCION_ERROR,
    `operator does not exist: ${typeToString(sofar)} = ${typeToString(type)} (${formatExpr(ast)})\nHint: You might need to add explicit type casts.`,
    ast.span,
  );
}
