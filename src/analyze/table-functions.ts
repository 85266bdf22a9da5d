/**
 * Table functions in SELECT (EXPLODE, CUBE_EXPLODE): each call is replaced by a reference to a
 * synthetic column appended to the row; the plan's FlatMap step turns one input row into one row
 * per element, filling those columns (ksqlDB: shorter arrays pad with NULL).
 */
import type { Expr, Query } from '../sql/ast.js';
import { UserError } from '../sql/diagnostic.js';
import { exprKey, forEachExpr, mapExpr } from '../sql/expr-rewrite.js';
import { array, typeToString, type SqlType } from '../types/sql-type.js';
import { typeExpr, type Scope } from './expr/index.js';
import type { TypedExpr } from './typed-expr.js';

export type TableFunctionKind = 'EXPLODE' | 'CUBE_EXPLODE';

export interface TableFunctionCall {
  readonly kind: TableFunctionKind;
  readonly arg: TypedExpr;
}

const TABLE_FUNCTIONS: ReadonlySet<string> = new Set<TableFunctionKind>(['EXPLODE', 'CUBE_EXPLODE']);

export function isTableFunction(name: string): name is TableFunctionKind {
  return TABLE_FUNCTIONS.has(name.toUpperCase());
}

export function hasTableFunctions(q: Query): boolean {
  let found = false;
  for (const item of q.select) {
    if (item.kind === 'SelectExpr') forEachExpr(item.expr, (x) => (found ||= x.kind === 'FunctionCall' && isTableFunction(x.name)));
  }
  return found;
}

/** Rewrites the SELECT expressions; returns the calls and the scope extended by their columns. */
export function analyzeTableFunctions(q: Query, scope: Scope, qualifier: string): { calls: TableFunctionCall[]; scope: Scope; rewrite: (e: Expr) => Expr } {
  const calls: TableFunctionCall[] = [];
  const keys: string[] = [];
  const types: SqlType[] = [];
  const rewrite = (e: Expr): Expr =>
    mapExpr(e, (x) => {
      if (x.kind !== 'FunctionCall' || !isTableFunction(x.name)) return undefined;
      const key = exprKey(x);
      let i = keys.indexOf(key);
      if (i < 0) {
        if (x.args.length !== 1) throw new UserError('FUNCTION_ARGUMENTS', `${x.name} takes one ARRAY argument.`, x.span);
        const arg = typeExpr(x.args[0]!, scope);
        if (arg.type.kind !== 'ARRAY') {
          const name = x.name.toLowerCase(); // as ksqlDB declares it
          const alternatives = name === 'explode' ? ['explode(ARRAY<DECIMAL> input)', 'explode(ARRAY<T> list)'] : [`${name}(ARRAY<T> list)`];
          throw new UserError(
            'FUNCTION_ARGUMENTS',
            `Function '${name}' does not accept parameters (${typeToString(arg.type)}).\nValid alternatives are:\n${alternatives.join('\n')}`,
            x.span,
          );
        }
        const kind = x.name.toUpperCase() as TableFunctionKind;
        calls.push({ kind, arg });
        types.push(kind === 'EXPLODE' ? arg.type.element : array(arg.type.element));
        keys.push(key);
        i = calls.length - 1;
      }
      return { kind: 'ColumnRef', name: `KSQL_SYNTH_${i}`, span: x.span };
    });
  const rewritten = new Map<Expr, Expr>();
  for (const item of q.select) if (item.kind === 'SelectExpr') rewritten.set(item.expr, rewrite(item.expr));
  const extended: Scope = { columns: [...scope.columns, ...types.map((type, i) => ({ name: `KSQL_SYNTH_${i}`, type, source: qualifier }))] };
  return { calls, scope: extended, rewrite: (e) => rewritten.get(e) ?? rewrite(e) };
}
