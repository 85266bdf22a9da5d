/**
 * typeExpr: binds an AST expression against a scope and infers types, producing a TypedExpr.
 * Throws UserError (with the offending span) for unknown/ambiguous columns, unknown functions,
 * bad arguments and type mismatches; the caller turns it into a Diagnostic at its boundary.
 */
import type { Expr } from '../../sql/ast.js';
import { UserError, type Span } from '../../sql/diagnostic.js';
import { getFunction, resolveFunction } from '../../functions/registry.js';
import { canCast } from '../../types/cast.js';
import { commonType } from '../../types/coercion.js';
import { Decimal } from '../../types/decimal.js';
import { decimalLiteralType, decimalNegate } from '../../types/decimal-math.js';
import { isUntypedNull } from '../../types/null-type.js';
import { BIGINT, BOOLEAN, DOUBLE, INTEGER, STRING, typeToString, type SqlType } from '../../types/sql-type.js';
import type { TypedExpr } from '../typed-expr.js';
import { coerceTo, constant, isNullLiteral, untypedNull } from './coerce.js';
import { formatExpr } from './format.js';
import { comparisonMismatch, comparisonType, requireBoolean, typeArithmetic, typeComparison, typeDistinct } from './operators.js';
import { parseTimeUnit, TIME_UNIT_ARG_FUNCTIONS } from '../../functions/datetime-add.js';
import { isHigherOrder, typeHigherOrder } from './higher-order.js';
import { resolveColumn, type Scope } from './scope.js';
import { coerceUserList } from './list-coercion.js';

/** ksqlDB's issue about typing empty and all-NULL constructors, cited in its messages. */
const ISSUE_4239 = 'https://github.com/confluentinc/ksql/issues/4239';

export type { Scope, ScopeColumn } from './scope.js';
export { formatExpr } from './format.js';

export interface TypeExprOptions {
  /**
   * A bare NULL (e.g. `SELECT NULL`) has no type. INSERT VALUES allows it (the column gives the
   * type); a projection must reject it as ksqlDB does. Default: allowed.
   */
  readonly rejectUntypedNull?: boolean;
}

/** Error code of a CAST between types that do not convert. */
export const UNSUPPORTED_CAST = 'UNSUPPORTED_CAST';

const INT_MIN = -2147483648n;
const INT_MAX = 2147483647n;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

export function typeExpr(e: Expr, scope: Scope, options: TypeExprOptions = {}): TypedExpr {
  const t = new ExprTyper(scope).type(e);
  if (options.rejectUntypedNull && isUntypedNull(t.type)) {
    throw new UserError(
      'UNTYPED_NULL',
      "Can't infer a type of null. Please explicitly cast it to a required type, e.g. CAST(null AS VARCHAR).",
      e.span,
    );
  }
  return t;
}

/** For WHERE/HAVING: throws ksqlDB's message unless `e` is BOOLEAN. */
export function expectBoolean(e: TypedExpr, span: Span, clause = 'WHERE'): TypedExpr {
  if (isNullLiteral(e)) return coerceTo(e, BOOLEAN);
  if (e.type.kind !== 'BOOLEAN') {
    throw new UserError(
      'TYPE_MISMATCH',
      `Type error in ${clause} expression: Should evaluate to boolean but is ${typeToString(e.type)} instead.`,
      span,
    );
  }
  return e;
}

class ExprTyper {
  constructor(private readonly scope: Scope) {}

  type(e: Expr): TypedExpr {
    switch (e.kind) {
      case 'Lambda':
        throw new UserError('INVALID_LAMBDA', 'A lambda can only be an argument of TRANSFORM, FILTER or REDUCE.', e.span);
      case 'NullLiteral':
        return untypedNull(e.span);
      case 'BooleanLiteral':
        return constant(e.value, BOOLEAN, e.span);
      case 'IntegerLiteral': {
        const n = BigInt(e.text);
        if (n >= INT_MIN && n <= INT_MAX) return constant(Number(n), INTEGER, e.span);
        if (n >= LONG_MIN && n <= LONG_MAX) return constant(n, BIGINT, e.span);
        throw new UserError('INVALID_LITERAL', `Invalid numeric literal: ${e.text}`, e.span);
      }
      case 'DecimalLiteral': {
        const d = Decimal.parse(e.text);
        if (!d) throw new UserError('INVALID_LITERAL', `Invalid numeric literal: ${e.text}`, e.span);
        return constant(d, decimalLiteralType(d), e.span);
      }
      case 'DoubleLiteral': {
        const x = Number(e.text);
        if (!Number.isFinite(x)) throw new UserError('INVALID_LITERAL', `Number overflows DOUBLE: ${e.text}`, e.span);
        return constant(x, DOUBLE, e.span);
      }
      case 'StringLiteral':
        return constant(e.value, STRING, e.span);
      case 'ColumnRef': {
        const { index, column } = resolveColumn(e, this.scope);
        return { kind: 'Column', index, name: column.name, type: column.type, span: e.span };
      }
      case 'Dereference':
        return this.dereference(e);
      case 'Subscript':
        return this.subscript(e);
      case 'Unary':
        return this.unary(e);
      case 'Binary':
        return this.binary(e);
      case 'IsNull': {
        const operand = this.type(e.operand);
        if (isNullLiteral(operand)) return constant(!e.negated, BOOLEAN, e.span);
        return { kind: 'IsNull', operand, negated: e.negated, type: BOOLEAN, span: e.span };
      }
      case 'Like':
        return this.like(e);
      case 'Between':
        return this.between(e);
      case 'InList':
        return this.inList(e);
      case 'Case':
        return this.caseExpr(e);
      case 'Cast':
        return this.cast(e);
      case 'FunctionCall':
        return this.call(e);
      case 'ArrayConstructor':
        return this.arrayCtor(e);
      case 'MapConstructor':
        return this.mapCtor(e);
      case 'StructConstructor':
        return this.structCtor(e);
    }
  }

  private dereference(e: Expr & { kind: 'Dereference' }): TypedExpr {
    const base = this.type(e.base);
    if (base.type.kind !== 'STRUCT') {
      throw new UserError('TYPE_MISMATCH', `Expected STRUCT type for dereference of ${formatExpr(e.base)} but got ${typeToString(base.type)}.`, e.span);
    }
    const fields = base.type.fields;
    const field = fields.find((f) => f.name === e.field) ?? uniqueCaseInsensitive(fields, e.field);
    if (!field) throw new UserError('UNKNOWN_FIELD', `Could not find field '${e.field}' in '${formatExpr(e.base)}'.`, e.span);
    return { kind: 'Dereference', base, field: field.name, type: field.type, span: e.span };
  }

  private subscript(e: Expr & { kind: 'Subscript' }): TypedExpr {
    const base = this.type(e.base);
    const index = this.type(e.index);
    if (base.type.kind === 'ARRAY') {
      if (index.type.kind !== 'INTEGER' && index.type.kind !== 'BIGINT' && !isNullLiteral(index)) {
        throw new UserError('TYPE_MISMATCH', `Array index must be an INTEGER but got ${typeToString(index.type)}.`, e.index.span);
      }
      return { kind: 'Subscript', base, index: coerceTo(index, INTEGER), type: base.type.element, span: e.span };
    }
    if (base.type.kind === 'MAP') {
      const key = base.type.key;
      if (!isNullLiteral(index) && !commonType(index.type, key)) {
        throw new UserError('TYPE_MISMATCH', `Map key must be ${typeToString(key)} but got ${typeToString(index.type)}.`, e.index.span);
      }
      return { kind: 'Subscript', base, index: coerceTo(index, key), type: base.type.value, span: e.span };
    }
    throw new UserError('TYPE_MISMATCH', `Subscript expects an ARRAY or MAP but ${formatExpr(e.base)} is ${typeToString(base.type)}.`, e.span);
  }

  private unary(e: Expr & { kind: 'Unary' }): TypedExpr {
    const operand = this.type(e.operand);
    if (e.op === 'NOT') {
      return { kind: 'Not', operand: requireBoolean(operand, 'NOT', e.operand.span), type: BOOLEAN, span: e.span };
    }
    const t = operand.type;
    if (isUntypedNull(t) || !['INTEGER', 'BIGINT', 'DOUBLE', 'DECIMAL'].includes(t.kind)) {
      throw new UserError('TYPE_MISMATCH', `Unary ${e.op} expects a numeric operand but ${formatExpr(e.operand)} is ${isUntypedNull(t) ? 'null' : typeToString(t)}.`, e.span);
    }
    if (e.op === '+') return operand;
    if (operand.kind === 'Constant') return constant(negateValue(operand.value, t), t, e.span);
    return { kind: 'Negate', operand, type: t, span: e.span };
  }

  private binary(e: Expr & { kind: 'Binary' }): TypedExpr {
    const l = this.type(e.left);
    const r = this.type(e.right);
    switch (e.op) {
      case '+':
      case '-':
      case '*':
      case '/':
      case '%':
        return typeArithmetic(e, e.op, l, r);
      case '=':
      case '<>':
      case '<':
      case '<=':
      case '>':
      case '>=':
        return typeComparison(e, e.op, l, r);
      case 'IS DISTINCT FROM':
      case 'IS NOT DISTINCT FROM':
        return typeDistinct(e, l, r);
      case 'AND':
        return { kind: 'And', left: requireBoolean(l, 'AND', e.left.span), right: requireBoolean(r, 'AND', e.right.span), type: BOOLEAN, span: e.span };
      case 'OR':
        return { kind: 'Or', left: requireBoolean(l, 'OR', e.left.span), right: requireBoolean(r, 'OR', e.right.span), type: BOOLEAN, span: e.span };
      case '||': {
        for (const [x, ast] of [[l, e.left], [r, e.right]] as const) {
          if (x.type.kind !== 'STRING' && !isNullLiteral(x)) {
            throw new UserError('TYPE_MISMATCH', `|| expects STRING operands but ${formatExpr(ast)} is ${typeToString(x.type)}.`, ast.span);
          }
        }
        return { kind: 'Concat', parts: [coerceTo(l, STRING), coerceTo(r, STRING)], type: STRING, span: e.span };
      }
    }
  }

  private like(e: Expr & { kind: 'Like' }): TypedExpr {
    const operand = this.type(e.operand);
    const pattern = this.type(e.pattern);
    const escape = e.escape ? this.type(e.escape) : undefined;
    for (const [x, ast] of [[operand, e.operand], [pattern, e.pattern], ...(escape && e.escape ? [[escape, e.escape] as const] : [])] as const) {
      if (x.type.kind !== 'STRING' && !isNullLiteral(x)) {
        throw new UserError('TYPE_MISMATCH', `LIKE expects STRING operands but ${formatExpr(ast)} is ${typeToString(x.type)}.`, ast.span);
      }
    }
    if (escape && escape.kind === 'Constant' && typeof escape.value === 'string' && escape.value.length !== 1) {
      throw new UserError('INVALID_LITERAL', `LIKE ESCAPE must be a single character, got '${escape.value}'.`, e.escape!.span);
    }
    return {
      kind: 'Like',
      operand: coerceTo(operand, STRING),
      pattern: coerceTo(pattern, STRING),
      ...(escape ? { escape: coerceTo(escape, STRING) } : {}),
      negated: e.negated,
      type: BOOLEAN,
      span: e.span,
    };
  }

  private between(e: Expr & { kind: 'Between' }): TypedExpr {
    const operand = this.type(e.operand);
    const low = this.type(e.low);
    const high = this.type(e.high);
    const t1 = isNullLiteral(low) ? operand.type : comparisonType(operand, low, false);
    // As ksqlDB, BETWEEN is checked as `operand >= low AND operand <= high`.
    if (!t1 || isUntypedNull(t1)) throw comparisonMismatch(e.operand, operand.type, e.low, low.type, '>=', e.span);
    const t = isNullLiteral(high) ? t1 : comparisonType({ ...operand, type: t1 }, high, false);
    if (!t || isUntypedNull(t)) throw comparisonMismatch(e.operand, operand.type, e.high, high.type, '<=', e.span);
    return {
      kind: 'Between',
      operand: coerceTo(operand, t),
      low: coerceTo(low, t),
      high: coerceTo(high, t),
      negated: e.negated,
      operandType: t,
      type: BOOLEAN,
      span: e.span,
    };
  }

  /** ksqlDB IN: the operand and the items are coerced as one user list; NULL items never match. */
  private inList(e: Expr & { kind: 'InList' }): TypedExpr {
    const operand = this.type(e.operand);
    if (isNullLiteral(operand)) throw new UserError('TYPE_MISMATCH', `Comparison with NULL not supported: ${formatExpr(e)}`, e.span);
    const coerced = coerceUserList([e.operand, ...e.list], (x) => this.type(x));
    const t = coerced.type!;
    const [first, ...rest] = coerced.items;
    return {
      kind: 'In',
      operand: first!,
      list: rest.filter((item, i) => e.list[i]!.kind !== 'NullLiteral' && !(item.kind === 'Constant' && item.value === null)),
      negated: e.negated,
      operandType: t,
      type: BOOLEAN,
      span: e.span,
    };
  }

  private caseExpr(e: Expr & { kind: 'Case' }): TypedExpr {
    const operand = e.operand ? this.type(e.operand) : undefined;
    const whens = e.whens.map((w) => {
      let cond: TypedExpr;
      if (operand && e.operand) {
        cond = typeComparison({ kind: 'Binary', op: '=', left: e.operand, right: w.when, span: w.when.span }, '=', operand, this.type(w.when));
      } else {
        cond = this.type(w.when);
        if (cond.type.kind !== 'BOOLEAN' || isNullLiteral(cond)) {
          throw new UserError('TYPE_MISMATCH', `WHEN operand type should be BOOLEAN but is ${isNullLiteral(cond) ? 'null' : typeToString(cond.type)}: ${formatExpr(w.when)}`, w.when.span);
        }
      }
      return { when: cond, then: this.type(w.then) };
    });
    const elseExpr = e.else ? this.type(e.else) : undefined;
    const results = [...whens.map((w) => w.then), ...(elseExpr ? [elseExpr] : [])];
    let t: SqlType | undefined;
    for (const r of results) {
      if (isNullLiteral(r)) continue;
      const next: SqlType | undefined = t === undefined ? r.type : commonType(t, r.type);
      if (!next) {
        throw new UserError(
          'TYPE_MISMATCH',
          `Invalid Case expression. Type for all 'THEN' clauses should be the same. THEN expression '${formatExpr(e)}' has type ${typeToString(r.type)}, expected ${typeToString(t!)}.`,
          r.span ?? e.span,
        );
      }
      t = next;
    }
    if (!t) throw new UserError('UNTYPED_NULL', 'Invalid Case expression. All case branches have a type of null.', e.span);
    const rt = t;
    return {
      kind: 'Case',
      whens: whens.map((w) => ({ when: w.when, then: coerceTo(w.then, rt) })),
      ...(elseExpr ? { else: coerceTo(elseExpr, rt) } : {}),
      type: rt,
      span: e.span,
    };
  }

  private cast(e: Expr & { kind: 'Cast' }): TypedExpr {
    const operand = this.type(e.operand);
    if (isNullLiteral(operand)) return constant(null, e.type, e.span);
    if (!canCast(operand.type, e.type)) {
      throw new UserError(UNSUPPORTED_CAST, `Cast of ${typeToString(operand.type)} to ${typeToString(e.type)} is not supported`, e.span);
    }
    return { kind: 'Cast', operand, implicit: false, type: e.type, span: e.span };
  }

  private call(e: Expr & { kind: 'FunctionCall' }): TypedExpr {
    if (isHigherOrder(e.name)) return typeHigherOrder(e, this.scope, (x, scope) => new ExprTyper(scope).type(x));
    // `F(*)` of a scalar function is F with no arguments to ksqlDB (only COUNT(*) means rows).
    if (e.distinct || (e.star && !getFunction(e.name))) {
      throw new UserError('UNKNOWN_FUNCTION', `Can't find any functions with the name '${e.name}'`, e.span);
    }
    // TIMESTAMPADD(SECONDS, 5, ts): the unit is a keyword, passed to the function as a string.
    const unitArg = (a: Expr, i: number): TypedExpr | undefined =>
      i === 0 && TIME_UNIT_ARG_FUNCTIONS.has(e.name) && a.kind === 'ColumnRef' && a.source === undefined && parseTimeUnit(a.name) !== undefined
        ? constant(a.name.toUpperCase(), STRING, a.span)
        : undefined;
    const args = e.args.map((a, i) => unitArg(a, i) ?? this.type(a));
    const res = resolveFunction(e.name, args.map((a) => (isNullLiteral(a) ? null : a.type)));
    if (!res.ok) throw new UserError(res.code, res.message, e.span);
    const { overload } = res;
    return {
      kind: 'Call',
      name: e.name,
      args: args.map((a, i) => coerceTo(a, overload.params[i]!)),
      impl: overload.impl,
      acceptsNulls: overload.acceptsNulls ?? false,
      type: overload.returnType,
      span: e.span,
    };
  }

  private arrayCtor(e: Expr & { kind: 'ArrayConstructor' }): TypedExpr {
    if (e.items.length === 0) {
      throw new UserError('TYPE_MISMATCH', `Array constructor cannot be empty. Please supply at least one element (see ${ISSUE_4239}).`, e.span);
    }
    const { type, items } = coerceUserList(e.items, (x) => this.type(x));
    if (!type) {
      throw new UserError(
        'UNTYPED_NULL',
        `Cannot construct an array with all NULL elements (see ${ISSUE_4239}). As a workaround, you may cast a NULL value to the desired type.`,
        e.span,
      );
    }
    return { kind: 'ArrayConstructor', items, type: { kind: 'ARRAY', element: type }, span: e.span };
  }

  private mapCtor(e: Expr & { kind: 'MapConstructor' }): TypedExpr {
    if (e.entries.length === 0) {
      throw new UserError('TYPE_MISMATCH', `Map constructor cannot be empty. Please supply at least one key value pair (see ${ISSUE_4239}).`, e.span);
    }
    const keys = coerceUserList(e.entries.map((x) => x.key), (x) => this.type(x));
    const values = coerceUserList(e.entries.map((x) => x.value), (x) => this.type(x));
    if (!keys.type) throw new UserError('UNTYPED_NULL', 'Cannot construct a map with all NULL keys', e.span);
    if (!values.type) throw new UserError('UNTYPED_NULL', 'Cannot construct a map with all NULL values', e.span);
    return {
      kind: 'MapConstructor',
      entries: keys.items.map((key, i) => ({ key, value: values.items[i]! })),
      type: { kind: 'MAP', key: keys.type, value: values.type },
      span: e.span,
    };
  }

  private structCtor(e: Expr & { kind: 'StructConstructor' }): TypedExpr {
    const seen = new Set<string>();
    for (const f of e.fields) {
      if (seen.has(f.name)) throw new UserError('DUPLICATE_FIELD', `Duplicate field names found in STRUCT: '${f.name}'`, e.span);
      seen.add(f.name);
    }
    const fields = e.fields.map((f) => {
      const value = this.type(f.value);
      if (isNullLiteral(value)) {
        throw new UserError('UNTYPED_NULL', `Can't infer a type of null for struct field ${f.name}. Please explicitly cast it, e.g. CAST(null AS VARCHAR).`, f.value.span);
      }
      return { name: f.name, value };
    });
    return {
      kind: 'StructConstructor',
      fields,
      type: { kind: 'STRUCT', fields: fields.map((f) => ({ name: f.name, type: f.value.type })) },
      span: e.span,
    };
  }

}

function uniqueCaseInsensitive<F extends { readonly name: string }>(fields: readonly F[], name: string): F | undefined {
  const hits = fields.filter((f) => f.name.toUpperCase() === name.toUpperCase());
  return hits.length === 1 ? hits[0] : undefined;
}

function negateValue(v: unknown, t: SqlType): unknown {
  if (v === null) return null;
  switch (t.kind) {
    case 'INTEGER':
      return -(v as number) | 0;
    case 'BIGINT':
      return BigInt.asIntN(64, -(v as bigint));
    case 'DOUBLE':
      return -(v as number);
    case 'DECIMAL':
      return decimalNegate(v as Decimal);
    default:
      return v;
  }
}
