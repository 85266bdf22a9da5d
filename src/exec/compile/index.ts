/**
 * The expression compiler: TypedExpr → closure over a row, built once per query (no AST walk per
 * row). SQL NULL semantics live here:
 * - AND/OR/NOT use three-valued logic (NULL AND FALSE = FALSE, NULL OR TRUE = TRUE, NOT NULL = NULL);
 * - a comparison with a NULL side is FALSE, as in ksqlDB (its QTT: `NULL = x` → false, so
 *   `NOT (a = b)` is TRUE when a is NULL); BETWEEN and LIKE with a NULL operand are NULL;
 * - IN never matches a NULL item; arithmetic, casts and functions (unless they accept nulls) yield NULL.
 * A failure on one row (division by zero, a failed cast) throws ExpressionEvalError, which the
 * operator catches per row.
 */
import type { ComparisonOp } from '../../sql/ast.js';
import type { TypedExpr } from '../../analyze/typed-expr.js';
import { castConverter } from '../../types/cast.js';
import { comparatorFor, equalityFor } from '../../types/compare.js';
import { ExpressionEvalError } from '../../types/eval-error.js';
import type { SqlType } from '../../types/sql-type.js';
import { arithmeticFn, negateFn } from './arithmetic.js';
import { compileHigherOrder } from './higher-order.js';
import { cachedLike, likeToRegExp } from './like.js';

export { ExpressionEvalError } from '../../types/eval-error.js';

export type CompiledExpr = (row: readonly unknown[]) => unknown;

const isNull = (v: unknown): boolean => v === null || v === undefined;

/** Told of a function that failed on a row; the call then yields NULL instead of failing the expression. */
export type CallErrorHandler = (error: ExpressionEvalError, row: readonly unknown[]) => void;

/** The handler compileCall captures; set only while compileExprReporting runs (compiling is synchronous). */
let callErrorHandler: CallErrorHandler | undefined;

/**
 * compileExpr where a failing function call reports its error and yields NULL, as ksqlDB's generated
 * code does per UDF call: `IFNULL(PARSE_DATE(bad, ...), d)` is then d, not a failed column.
 */
export function compileExprReporting(e: TypedExpr, onCallError: CallErrorHandler): CompiledExpr {
  const previous = callErrorHandler;
  callErrorHandler = onCallError;
  try {
    return compileExpr(e);
  } finally {
    callErrorHandler = previous;
  }
}

export function compileExpr(e: TypedExpr): CompiledExpr {
  switch (e.kind) {
    case 'Constant': {
      const v = e.value ?? null;
      return () => v;
    }
    case 'Column': {
      const i = e.index;
      return (row) => row[i] ?? null;
    }
    case 'Call':
      return compileCall(e);
    case 'HigherOrder':
      return compileHigherOrderCall(e);
    case 'Cast': {
      const f = compileExpr(e.operand);
      const conv = castConverter(e.operand.type, e.type);
      return (row) => conv(f(row));
    }
    case 'Arithmetic': {
      const l = compileExpr(e.left);
      const r = compileExpr(e.right);
      const op = arithmeticFn(e.op, e.type);
      if (lambdaDepth > 0) {
        // ksqlDB's generated lambda code unboxes its operands: NULL fails the lambda's function.
        return (row) => {
          const a = l(row);
          const b = r(row);
          if (isNull(a) || isNull(b)) throw new ExpressionEvalError(`Cannot apply ${e.op} to NULL in a lambda`);
          return op(a, b);
        };
      }
      return (row) => {
        const a = l(row);
        if (isNull(a)) return null;
        const b = r(row);
        return isNull(b) ? null : op(a, b);
      };
    }
    case 'Negate': {
      const f = compileExpr(e.operand);
      const neg = negateFn(e.type);
      return (row) => {
        const a = f(row);
        return isNull(a) ? null : neg(a);
      };
    }
    case 'Concat': {
      const parts = e.parts.map(compileExpr);
      return (row) => {
        let s = '';
        for (const p of parts) {
          const v = p(row);
          if (isNull(v)) return null;
          s += v as string;
        }
        return s;
      };
    }
    case 'IsDistinct': {
      const l = compileExpr(e.left);
      const r = compileExpr(e.right);
      const eq = equalityFor(e.operandType);
      const distinct = !e.negated;
      return (row) => {
        const a = l(row);
        const b = r(row);
        const same = isNull(a) || isNull(b) ? isNull(a) && isNull(b) : eq(a, b);
        return same !== distinct;
      };
    }
    case 'Comparison': {
      const l = compileExpr(e.left);
      const r = compileExpr(e.right);
      const test = comparisonTest(e.op, e.operandType);
      return (row) => {
        const a = l(row);
        const b = r(row);
        return isNull(a) || isNull(b) ? false : test(a, b);
      };
    }
    case 'And': {
      const l = compileExpr(e.left);
      const r = compileExpr(e.right);
      return (row) => {
        const a = l(row);
        if (a === false) return false;
        const b = r(row);
        if (b === false) return false;
        return isNull(a) || isNull(b) ? null : true;
      };
    }
    case 'Or': {
      const l = compileExpr(e.left);
      const r = compileExpr(e.right);
      return (row) => {
        const a = l(row);
        if (a === true) return true;
        const b = r(row);
        if (b === true) return true;
        return isNull(a) || isNull(b) ? null : false;
      };
    }
    case 'Not': {
      const f = compileExpr(e.operand);
      return (row) => {
        const a = f(row);
        return isNull(a) ? null : !a;
      };
    }
    case 'IsNull': {
      const f = compileExpr(e.operand);
      return e.negated ? (row) => !isNull(f(row)) : (row) => isNull(f(row));
    }
    case 'Like':
      return compileLike(e);
    case 'Between': {
      const f = compileExpr(e.operand);
      const lo = compileExpr(e.low);
      const hi = compileExpr(e.high);
      const cmp = comparatorFor(e.operandType);
      if (!cmp) throw new Error(`assertion: BETWEEN on unordered ${e.operandType.kind}`);
      const negated = e.negated;
      return (row) => {
        const v = f(row);
        const a = lo(row);
        const b = hi(row);
        if (isNull(v) || isNull(a) || isNull(b)) return null;
        const inside = cmp(v, a) >= 0 && cmp(v, b) <= 0;
        return negated ? !inside : inside;
      };
    }
    case 'In': {
      const f = compileExpr(e.operand);
      const items = e.list.map(compileExpr);
      const eq = equalityFor(e.operandType);
      const negated = e.negated;
      return (row) => {
        const v = f(row);
        if (isNull(v)) return null;
        for (const item of items) {
          const x = item(row);
          if (!isNull(x) && eq(v, x)) return !negated;
        }
        return negated;
      };
    }
    case 'Case': {
      const whens = e.whens.map((w) => ({ when: compileExpr(w.when), then: compileExpr(w.then) }));
      const otherwise = e.else ? compileExpr(e.else) : () => null;
      return (row) => {
        for (const w of whens) if (w.when(row) === true) return w.then(row);
        return otherwise(row);
      };
    }
    case 'Subscript':
      return compileSubscript(e);
    case 'Dereference': {
      const f = compileExpr(e.base);
      const field = e.field;
      return (row) => {
        const s = f(row) as Record<string, unknown> | null | undefined;
        return isNull(s) ? null : (s![field] ?? null);
      };
    }
    case 'ArrayConstructor': {
      const items = e.items.map(compileExpr);
      return (row) => items.map((i) => i(row));
    }
    case 'MapConstructor': {
      const entries = e.entries.map((x) => ({ key: compileExpr(x.key), value: compileExpr(x.value) }));
      return (row) => {
        const m = new Map<unknown, unknown>();
        for (const x of entries) m.set(x.key(row), x.value(row));
        return m;
      };
    }
    case 'StructConstructor': {
      const fields = e.fields.map((f) => ({ name: f.name, value: compileExpr(f.value) }));
      return (row) => {
        const o: Record<string, unknown> = {};
        for (const f of fields) o[f.name] = f.value(row);
        return o;
      };
    }
  }
}

/** Evaluates a predicate as WHERE does: only TRUE keeps the row (NULL and FALSE drop it). */
export function compilePredicate(e: TypedExpr): (row: readonly unknown[]) => boolean {
  const f = compileExpr(e);
  return (row) => f(row) === true;
}

function comparisonTest(op: ComparisonOp, t: SqlType): (a: unknown, b: unknown) => boolean {
  if (op === '=' || op === '<>') {
    const eq = equalityFor(t);
    return op === '=' ? eq : (a, b) => !eq(a, b);
  }
  const cmp = comparatorFor(t);
  if (!cmp) throw new Error(`assertion: ordering comparison on ${t.kind}`);
  switch (op) {
    case '<':
      return (a, b) => cmp(a, b) < 0;
    case '<=':
      return (a, b) => cmp(a, b) <= 0;
    case '>':
      return (a, b) => cmp(a, b) > 0;
    case '>=':
      return (a, b) => cmp(a, b) >= 0;
  }
}

/** How many lambda bodies enclose what is being compiled (compiling is synchronous). */
let lambdaDepth = 0;

function compileLambdaBody(e: TypedExpr): CompiledExpr {
  lambdaDepth++;
  try {
    return compileExpr(e);
  } finally {
    lambdaDepth--;
  }
}

/** TRANSFORM / FILTER / REDUCE fail like any function call: reported, and NULL. */
function compileHigherOrderCall(e: TypedExpr & { kind: 'HigherOrder' }): CompiledExpr {
  const f = compileHigherOrder(e, compileExpr, compileLambdaBody);
  const report = callErrorHandler;
  return (row) => {
    try {
      return f(row);
    } catch (err) {
      const error = err instanceof ExpressionEvalError ? err : new ExpressionEvalError(`Error computing ${e.fn}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      if (!report) throw error;
      report(error, row);
      return null;
    }
  };
}

function compileCall(e: TypedExpr & { kind: 'Call' }): CompiledExpr {
  const args = e.args.map(compileExpr);
  const { impl, name } = e;
  const report = callErrorHandler;
  const invoke = (values: unknown[], row: readonly unknown[]): unknown => {
    try {
      return impl(values) ?? null;
    } catch (err) {
      const error =
        err instanceof ExpressionEvalError
          ? err
          : new ExpressionEvalError(`Error computing ${name}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      if (!report) throw error;
      report(error, row);
      return null;
    }
  };
  if (e.acceptsNulls) return (row) => invoke(args.map((a) => a(row)), row);
  return (row) => {
    const values = new Array<unknown>(args.length);
    for (let i = 0; i < args.length; i++) {
      const v = args[i]!(row);
      if (isNull(v)) return null;
      values[i] = v;
    }
    return invoke(values, row);
  };
}

function compileLike(e: TypedExpr & { kind: 'Like' }): CompiledExpr {
  const f = compileExpr(e.operand);
  const negated = e.negated;
  const constPattern = e.pattern.kind === 'Constant' && (!e.escape || e.escape.kind === 'Constant');
  if (constPattern) {
    const pattern = (e.pattern as { value: unknown }).value;
    const escape = e.escape ? (e.escape as { value: unknown }).value : undefined;
    if (isNull(pattern) || (e.escape && isNull(escape))) return () => null;
    const re = likeToRegExp(pattern as string, escape as string | undefined);
    return (row) => {
      const v = f(row);
      return isNull(v) ? null : re.test(v as string) !== negated;
    };
  }
  const p = compileExpr(e.pattern);
  const esc = e.escape ? compileExpr(e.escape) : undefined;
  const like = cachedLike();
  return (row) => {
    const v = f(row);
    const pat = p(row);
    const x = esc ? esc(row) : undefined;
    if (isNull(v) || isNull(pat) || (esc && isNull(x))) return null;
    return like(v as string, pat as string, x as string | undefined) !== negated;
  };
}

function compileSubscript(e: TypedExpr & { kind: 'Subscript' }): CompiledExpr {
  const base = compileExpr(e.base);
  const index = compileExpr(e.index);
  if (e.base.type.kind === 'ARRAY') {
    return (row) => {
      const arr = base(row) as readonly unknown[] | null;
      const i = index(row) as number | null;
      if (isNull(arr) || isNull(i)) return null;
      const pos = i! > 0 ? i! - 1 : arr!.length + i!;
      return i === 0 || pos < 0 || pos >= arr!.length ? null : (arr![pos] ?? null);
    };
  }
  if (e.base.type.kind !== 'MAP') throw new Error(`assertion: subscript on ${e.base.type.kind}`);
  const keyType = e.base.type.key;
  const primitiveKey = ['STRING', 'INTEGER', 'BIGINT', 'BOOLEAN', 'DOUBLE', 'TIMESTAMP', 'DATE', 'TIME'].includes(keyType.kind);
  const eq = equalityFor(keyType);
  return (row) => {
    const m = base(row) as ReadonlyMap<unknown, unknown> | null;
    const k = index(row);
    if (isNull(m) || isNull(k)) return null;
    if (primitiveKey) return m!.get(k) ?? null;
    for (const [key, v] of m!) if (!isNull(key) && eq(key, k)) return v ?? null;
    return null;
  };
}
