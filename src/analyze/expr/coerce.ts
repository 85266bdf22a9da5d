/** Implicit conversion of an already-typed expression to another type, folding constants. */
import { UserError, type Span } from '../../sql/diagnostic.js';
import { castValue } from '../../types/cast.js';
import { ExpressionEvalError } from '../../types/eval-error.js';
import { isUntypedNull, UNTYPED_NULL } from '../../types/null-type.js';
import { typesEqual, type SqlType } from '../../types/sql-type.js';
import type { TypedExpr } from '../typed-expr.js';

export const isNullLiteral = (e: TypedExpr): boolean => e.kind === 'Constant' && isUntypedNull(e.type);

export function constant(value: unknown, type: SqlType, span?: Span): TypedExpr {
  return span ? { kind: 'Constant', value, type, span } : { kind: 'Constant', value, type };
}

export function untypedNull(span: Span): TypedExpr {
  return constant(null, UNTYPED_NULL, span);
}

/**
 * `e` as type `to`: unchanged if already that type, a typed NULL for an untyped NULL, a folded
 * constant for a literal, else an implicit Cast node. The caller has checked the conversion is allowed.
 */
export function coerceTo(e: TypedExpr, to: SqlType): TypedExpr {
  if (isUntypedNull(e.type)) return constant(null, to, e.span);
  if (typesEqual(e.type, to)) return e;
  if (e.kind === 'Constant') {
    try {
      return constant(castValue(e.value, e.type, to), to, e.span);
    } catch (err) {
      if (err instanceof ExpressionEvalError) throw new UserError('INVALID_LITERAL', err.message, e.span);
      throw err;
    }
  }
  return e.span ? { kind: 'Cast', operand: e, type: to, implicit: true, span: e.span } : { kind: 'Cast', operand: e, type: to, implicit: true };
}
