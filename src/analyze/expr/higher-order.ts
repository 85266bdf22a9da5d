/**
 * TRANSFORM, FILTER and REDUCE: functions whose trailing arguments are lambdas. A lambda's params
 * are typed as extra columns after the scope's columns; at run time the compiled body sees the
 * row extended by the param values (see exec/compile/higher-order.ts).
 */
import type { Expr, FunctionCall, Lambda } from '../../sql/ast.js';
import { UserError } from '../../sql/diagnostic.js';
import { array, BOOLEAN, map, typeToString, type SqlType } from '../../types/sql-type.js';
import type { HigherOrder, TypedExpr } from '../typed-expr.js';
import { coerceTo } from './coerce.js';
import type { Scope } from './scope.js';

export const HIGHER_ORDER_FUNCTIONS = ['TRANSFORM', 'FILTER', 'REDUCE'] as const;
export type HigherOrderName = (typeof HIGHER_ORDER_FUNCTIONS)[number];

export function isHigherOrder(name: string): name is HigherOrderName {
  return (HIGHER_ORDER_FUNCTIONS as readonly string[]).includes(name);
}

type TypeIn = (e: Expr, scope: Scope) => TypedExpr;

function lambdaOf(e: Expr | undefined, params: number, call: FunctionCall): Lambda {
  if (!e || e.kind !== 'Lambda' || e.params.length !== params) {
    throw new UserError('FUNCTION_ARGUMENTS', `${call.name}: expected a lambda with ${params} parameter(s).`, e?.span ?? call.span);
  }
  return e;
}

function typeLambda(l: Lambda, paramTypes: readonly SqlType[], scope: Scope, typeIn: TypeIn): { body: TypedExpr; base: number } {
  const base = scope.columns.length;
  const inner: Scope = { columns: [...scope.columns, ...l.params.map((name, i) => ({ name, type: paramTypes[i]! }))] };
  return { body: typeIn(l.body, inner), base };
}

export function typeHigherOrder(call: FunctionCall, scope: Scope, typeIn: TypeIn): HigherOrder {
  const name = call.name as HigherOrderName;
  const collection = typeIn(call.args[0] ?? (undefined as never), scope);
  const t = collection.type;
  if (t.kind !== 'ARRAY' && t.kind !== 'MAP') {
    throw new UserError('FUNCTION_ARGUMENTS', `${name} expects an ARRAY or MAP as its first argument, got ${typeToString(t)}.`, call.span);
  }
  const elems: SqlType[] = t.kind === 'ARRAY' ? [t.element] : [t.key, t.value];
  switch (name) {
    case 'TRANSFORM': {
      if (t.kind === 'ARRAY') {
        const f = typeLambda(lambdaOf(call.args[1], 1, call), elems, scope, typeIn);
        return { kind: 'HigherOrder', fn: name, collection, lambdas: [f], type: array(f.body.type), span: call.span };
      }
      const k = typeLambda(lambdaOf(call.args[1], 2, call), elems, scope, typeIn);
      const v = typeLambda(lambdaOf(call.args[2], 2, call), elems, scope, typeIn);
      return { kind: 'HigherOrder', fn: name, collection, lambdas: [k, v], type: map(k.body.type, v.body.type), span: call.span };
    }
    case 'FILTER': {
      const f = typeLambda(lambdaOf(call.args[1], elems.length, call), elems, scope, typeIn);
      if (f.body.type.kind !== 'BOOLEAN') throw new UserError('TYPE_MISMATCH', `FILTER's lambda must return BOOLEAN, got ${typeToString(f.body.type)}.`, call.span);
      return { kind: 'HigherOrder', fn: name, collection, lambdas: [{ ...f, body: coerceTo(f.body, BOOLEAN) }], type: t, span: call.span };
    }
    case 'REDUCE': {
      const init = typeIn(call.args[1] ?? (undefined as never), scope);
      const f = typeLambda(lambdaOf(call.args[2], elems.length + 1, call), [init.type, ...elems], scope, typeIn);
      const body = typeToString(f.body.type) === typeToString(init.type) ? f.body : coerceTo(f.body, init.type);
      return { kind: 'HigherOrder', fn: name, collection, init, lambdas: [{ ...f, body }], type: init.type, span: call.span };
    }
  }
}
