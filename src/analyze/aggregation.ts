/**
 * GROUP BY / aggregate analysis. Aggregate calls in SELECT and HAVING are replaced by references
 * to aggregate result columns, and GROUP BY expressions by references to group columns; the rest
 * of those expressions is then typed against the aggregation's row layout:
 *   [...group values, ...aggregate results, ROWTIME, WINDOWSTART, WINDOWEND]
 * so that HAVING and the projection compile like any other expression.
 */
import type { AggregateConfig, AggregateFunction, AggregateOverload } from '../functions/aggregate/aggregate-function.js';
import { getAggregateFunction, isAggregateFunction } from '../functions/aggregate/registry.js';
import { getFunction } from '../functions/registry.js';
import type { Expr, FunctionCall, Query, WindowSpec } from '../sql/ast.js';
import { UserError } from '../sql/diagnostic.js';
import { exprKey, forEachExpr, mapExpr } from '../sql/expr-rewrite.js';
import { isUntypedNull } from '../types/null-type.js';
import { BIGINT } from '../types/sql-type.js';
import type { ColumnSchema } from './catalog.js';
import { coerceTo } from './expr/coerce.js';
import { isHigherOrder } from './expr/higher-order.js';
import { formatExpr, typeExpr, type Scope } from './expr/index.js';
import { hasTableFunctions, isTableFunction } from './table-functions.js';
import type { TypedExpr } from './typed-expr.js';

export interface AggregateCall {
  readonly fn: AggregateFunction;
  readonly overload: AggregateOverload;
  /** Column arguments over the input row, coerced to the overload's params. */
  readonly args: readonly TypedExpr[];
}

export interface AnalyzedAggregation {
  /** Over the input row. */
  readonly groupBy: readonly TypedExpr[];
  readonly aggregates: readonly AggregateCall[];
  readonly window?: WindowSpec;
  /** Over `columns`. */
  readonly having?: TypedExpr;
  /** The aggregation's output row layout. */
  readonly columns: readonly ColumnSchema[];
  /**
   * Set when the input is a table changelog: the number of leading input columns that form the
   * input table's key. A change of a key retracts its previous row (the aggregates' `undo`)
   * before the new row is added, as ksqlDB's table aggregations do.
   */
  readonly tableKeyCount?: number;
  /** EMIT FINAL: a window's row is emitted once, when the window closes (windowed only). */
  readonly emitFinal?: boolean;
}

/** What the aggregation needs to know about its input and its query. */
export interface AggregationInput {
  /** Table changelog input (a table source, or a table-table join): its key column count. */
  readonly tableKeyCount?: number;
  /** A windowed source: WINDOWSTART and WINDOWEND are its columns, usable anywhere. */
  readonly windowedSource?: boolean;
  /** The columns `SELECT *` stands for, in order. */
  readonly starColumns?: readonly string[];
  /** The FROM source's name and value format (the aggregation's state is kept in that format). */
  readonly source?: { readonly name: string; readonly valueFormat: string };
  /** The input is a join: ksqlDB's SELECT cannot resolve the window bounds of its aggregation. */
  readonly join?: boolean;
  /** Function settings from the session (COLLECT_LIST's limit...). */
  readonly functionConfig?: AggregateConfig;
}

/** Value formats that cannot hold an aggregate's STRUCT, ARRAY or MAP intermediate value. */
const FLAT_VALUE_FORMATS: ReadonlySet<string> = new Set(['DELIMITED', 'KAFKA']);

export const AGG_ROWTIME = 'ROWTIME';
export const WINDOWSTART = 'WINDOWSTART';
export const WINDOWEND = 'WINDOWEND';

/** Columns an aggregation's SELECT may read besides groups and aggregates. */
const PSEUDO_OUTPUT_COLUMNS: readonly string[] = [AGG_ROWTIME, WINDOWSTART, WINDOWEND];

export function hasAggregates(q: Query): boolean {
  let found = false;
  const visit = (e: Expr): void =>
    forEachExpr(e, (x) => {
      if (x.kind === 'FunctionCall' && isAggregateFunction(x.name)) found = true;
    });
  for (const item of q.select) if (item.kind === 'SelectExpr') visit(item.expr);
  if (q.having) visit(q.having);
  return found;
}

export interface AggregationScopes {
  readonly aggregation: AnalyzedAggregation;
  /** Rewrites a SELECT expression into one over the aggregation row. */
  readonly rewrite: (e: Expr, clause: 'SELECT' | 'HAVING') => Expr;
  readonly scope: Scope;
}

export function analyzeAggregation(
  q: Query,
  inputScope: Scope,
  qualifier: string,
  sinkKind: 'STREAM' | 'TABLE' | undefined,
  input: AggregationInput = {},
): AggregationScopes {
  const groupAst = q.groupBy ?? [];
  if (input.source?.valueFormat.toUpperCase() === 'KAFKA') {
    throw new UserError('NOT_SUPPORTED', `Source(s) ${input.source.name} are using the 'KAFKA' value format. This format does not yet support GROUP BY.`, q.span);
  }
  const windowBounds = input.windowedSource ? [] : [WINDOWSTART, WINDOWEND];
  rejectWindowBoundsOutsideSelect(q, windowBounds);
  if (q.emit === 'FINAL' && !q.window) {
    throw new UserError('EMIT_FINAL', 'EMIT FINAL is only supported for windowed aggregations.', q.span);
  }
  rejectUnknownFunctions(q);
  if (hasTableFunctions(q)) throw new UserError('NOT_SUPPORTED', 'Table functions cannot be used with aggregations.', q.span);
  // A transient query may aggregate without GROUP BY: every row falls in one group.
  if (groupAst.length === 0 && sinkKind !== undefined) {
    rejectNonAggregateItems(q, [], input.starColumns ?? []);
    const first = firstAggregate(q);
    throw new UserError(
      'MISSING_GROUP_BY',
      `${sinkKind === 'STREAM' ? 'CREATE STREAM' : 'CREATE TABLE'} AS SELECT statement does not support aggregate function [${first ? formatAggregate(first) : ''}] without a GROUP BY clause.`,
      first?.span ?? q.span,
    );
  }
  if (groupAst.length === 0) rejectNonAggregateItems(q, [], input.starColumns ?? []);
  if (!hasAggregates(q)) {
    throw new UserError('NO_AGGREGATES', 'GROUP BY requires aggregate functions in either the SELECT or HAVING clause.', q.span);
  }
  rejectNonAggregateItems(q, groupAst.map(exprKey), input.starColumns ?? []);
  const seen = new Set<string>();
  const groupBy = groupAst.map((g) => {
    forEachExpr(g, (x) => {
      if (x.kind === 'FunctionCall' && isAggregateFunction(x.name)) {
        throw new UserError('AGGREGATE_IN_GROUP_BY', `GROUP BY does not support aggregate functions: ${x.name} is an aggregate function.`, x.span);
      }
    });
    const key = exprKey(g);
    if (seen.has(key)) {
      const text = g.kind === 'ColumnRef' ? `${g.source ?? qualifier}.${g.name}` : `${qualifier}.${formatExpr(g)}`;
      throw new UserError('DUPLICATE_GROUP_BY', `Duplicate GROUP BY expression: ${text}`, g.span);
    }
    seen.add(key);
    return typeExpr(g, inputScope);
  });
  const groupKeys = groupAst.map(exprKey);

  const calls: { key: string; call: AggregateCall; type: ColumnSchema['type'] }[] = [];
  const aggColumnName = (j: number): string => `KSQL_AGG_VARIABLE_${j}`;
  const groupColumnName = (i: number): string => {
    const g = groupAst[i]!;
    // A pseudo column (GROUP BY ROWTIME) gets a name of its own: the row keeps ROWTIME apart.
    return g.kind === 'ColumnRef' && g.name !== AGG_ROWTIME ? g.name : `KSQL_GROUPBY_${i}`;
  };

  const registerAggregate = (call: FunctionCall): string => {
    const key = exprKey(call);
    const existing = calls.findIndex((c) => c.key === key);
    if (existing >= 0) return aggColumnName(existing);
    const fn = getAggregateFunction(call.name)!;
    const nConst = call.star ? 0 : (fn.constantArgs?.(call.args.length) ?? 0);
    const columnArgs = call.args.slice(0, call.args.length - nConst);
    const constantArgs = call.args.slice(call.args.length - nConst);
    for (const a of columnArgs) {
      forEachExpr(a, (x) => {
        if (x.kind === 'FunctionCall' && isAggregateFunction(x.name)) {
          throw new UserError('NESTED_AGGREGATE', `Aggregate functions can not be nested: ${call.name.toUpperCase()}(${x.name.toUpperCase()}())`, x.span);
        }
      });
    }
    const typedArgs = columnArgs.map((a) => typeExpr(a, inputScope));
    const constants = constantArgs.map((a, j) => {
      const t = typeExpr(a, inputScope);
      if (t.kind !== 'Constant') {
        throw new UserError(
          'FUNCTION_ARGUMENTS',
          `Parameter ${columnArgs.length + j + 1} passed to function ${call.name.toUpperCase()} must be a literal constant, but was expression: '${formatExpr(a)}'`,
          a.span,
        );
      }
      return t.value;
    });
    const overload = fn.resolve(
      typedArgs.map((t) => (isUntypedNull(t.type) ? null : t.type)),
      constants,
      input.functionConfig,
    );
    if (typeof overload === 'string') throw new UserError('FUNCTION_ARGUMENTS', overload, call.span);
    const args = typedArgs.map((t, i) => coerceTo(t, overload.params[i] ?? t.type));
    calls.push({ key, call: { fn, overload, args }, type: overload.returnType });
    return aggColumnName(calls.length - 1);
  };

  const rewrite = (e: Expr, clause: 'SELECT' | 'HAVING'): Expr =>
    mapExpr(e, (x) => {
      const gi = groupKeys.indexOf(exprKey(x));
      if (gi >= 0) return { kind: 'ColumnRef', name: groupColumnName(gi), span: x.span };
      if (x.kind === 'FunctionCall' && isAggregateFunction(x.name)) {
        return { kind: 'ColumnRef', name: registerAggregate(x), span: x.span };
      }
      if (x.kind === 'ColumnRef' && !['WINDOWSTART', 'WINDOWEND', 'ROWTIME'].includes(x.name)) {
        throw new UserError(
          'NON_AGGREGATE',
          clause === 'SELECT'
            ? `Non-aggregate SELECT expression(s) not part of GROUP BY: ${formatExpr(e)}\nEither add the column(s) to the GROUP BY or remove them from the SELECT.`
            : `Non-aggregate HAVING expression not part of GROUP BY: ${formatExpr(x)}`,
          x.span,
        );
      }
      return undefined;
    });

  // Register every aggregate first so the scope below knows all aggregate columns.
  const rewritten = new Map<Expr, Expr>();
  for (const item of q.select) if (item.kind === 'SelectExpr') rewritten.set(item.expr, rewrite(item.expr, 'SELECT'));
  const havingAst = q.having ? rewrite(q.having, 'HAVING') : undefined;
  if (input.tableKeyCount !== undefined) rejectNonTableAggregates(calls.map((c) => c.call), q);
  if (input.source && FLAT_VALUE_FORMATS.has(input.source.valueFormat.toUpperCase()) && calls.some((c) => c.call.fn.structuredState)) {
    throw new UserError(
      'UNSUPPORTED_INTERMEDIATE',
      'One of the functions used in the statement has an intermediate type that the value format can not handle. Please remove the function or change the format.',
      q.span,
    );
  }

  const columns: ColumnSchema[] = [
    ...groupBy.map((g, i) => ({ name: groupColumnName(i), type: g.type })),
    ...calls.map((c, j) => ({ name: aggColumnName(j), type: c.type })),
    { name: AGG_ROWTIME, type: BIGINT },
    ...(q.window ? [{ name: WINDOWSTART, type: BIGINT }, { name: WINDOWEND, type: BIGINT }] : []),
  ];
  // Over a join, ksqlDB does not resolve WINDOWSTART / WINDOWEND in the SELECT ("SELECT column
  // 'WINDOWSTART' cannot be resolved."); the sink still gets its windowed key.
  const visible = input.join ? columns.filter((c) => c.name !== WINDOWSTART && c.name !== WINDOWEND) : columns;
  const scope: Scope = { columns: visible.map((c) => ({ name: c.name, type: c.type, source: qualifier })) };
  let having: TypedExpr | undefined;
  if (havingAst) {
    having = typeExpr(havingAst, scope);
    if (having.type.kind !== 'BOOLEAN') {
      throw new UserError('TYPE_MISMATCH', 'Type error in HAVING expression: Should evaluate to boolean.', q.having!.span);
    }
  }
  return {
    aggregation: {
      groupBy,
      aggregates: calls.map((c) => c.call),
      ...(q.window ? { window: q.window } : {}),
      ...(having ? { having } : {}),
      columns,
      ...(input.tableKeyCount !== undefined ? { tableKeyCount: input.tableKeyCount } : {}),
      ...(q.emit === 'FINAL' ? { emitFinal: true } : {}),
    },
    rewrite: (e) => rewritten.get(e) ?? rewrite(e, 'SELECT'),
    scope,
  };
}

function firstAggregate(q: Query): FunctionCall | undefined {
  let found: FunctionCall | undefined;
  for (const item of q.select) {
    if (item.kind !== 'SelectExpr') continue;
    forEachExpr(item.expr, (x) => {
      if (!found && x.kind === 'FunctionCall' && isAggregateFunction(x.name)) found = x;
    });
  }
  return found;
}

/**
 * Over a table, a changed or deleted row must be taken out of its group again: only aggregates
 * that can `undo` apply (ksqlDB's TableUdafs), the others are rejected by name, in query order.
 */
function rejectNonTableAggregates(calls: readonly AggregateCall[], q: Query): void {
  const names = calls.filter((c) => !c.overload.undo).map((c) => c.fn.name);
  if (names.length === 0) return;
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
  throw new UserError(
    'NOT_TABLE_AGGREGATE',
    `The aggregation function${names.length > 1 ? 's' : ''} ${list} cannot be applied to a table source, only to a stream source.`,
    q.span,
  );
}

/** ksqlDB prints COUNT(*) and COUNT() as COUNT(ROWTIME), the column it counts. */
function formatAggregate(call: FunctionCall): string {
  return call.star || call.args.length === 0 ? `${call.name.toUpperCase()}(ROWTIME)` : formatExpr(call);
}

/** An unknown function is reported as such, before any GROUP BY rule about its arguments. */
function rejectUnknownFunctions(q: Query): void {
  for (const item of q.select) {
    if (item.kind !== 'SelectExpr') continue;
    forEachExpr(item.expr, (x) => {
      if (x.kind !== 'FunctionCall' || isAggregateFunction(x.name) || getFunction(x.name) || isTableFunction(x.name) || isHigherOrder(x.name)) return;
      throw new UserError('UNKNOWN_FUNCTION', `Can't find any functions with the name '${x.name.toUpperCase()}'`, x.span);
    });
  }
}

/** WINDOWSTART / WINDOWEND of a windowed aggregation are results: readable in SELECT only. */
function rejectWindowBoundsOutsideSelect(q: Query, bounds: readonly string[]): void {
  if (bounds.length === 0) return;
  const check = (e: Expr): void =>
    forEachExpr(e, (x) => {
      if (x.kind === 'ColumnRef' && bounds.includes(x.name)) {
        throw new UserError('WINDOW_BOUNDS', `Window bounds column ${x.name} can only be used in the SELECT clause of windowed aggregations`, x.span);
      }
    });
  for (const g of q.groupBy ?? []) check(g);
  if (q.having) check(q.having);
  for (const item of q.select) {
    if (item.kind !== 'SelectExpr') continue;
    forEachExpr(item.expr, (x) => {
      if (x.kind === 'FunctionCall' && isAggregateFunction(x.name)) for (const a of x.args) check(a);
    });
  }
}

/**
 * Every SELECT item must be built from GROUP BY expressions, aggregates and window bounds; the
 * ones that are not are listed together, as ksqlDB does (`SELECT *` stands for every column).
 */
function rejectNonAggregateItems(q: Query, groupKeys: readonly string[], starColumns: readonly string[]): void {
  const bad: string[] = [];
  const grouped = (e: Expr): boolean => {
    let ok = true;
    mapExpr(e, (x) => {
      if (groupKeys.includes(exprKey(x))) return x;
      if (x.kind === 'FunctionCall' && isAggregateFunction(x.name)) return x;
      if (x.kind === 'ColumnRef' && !PSEUDO_OUTPUT_COLUMNS.includes(x.name)) ok = false;
      return undefined;
    });
    return ok;
  };
  for (const item of q.select) {
    if (item.kind === 'AllColumns') {
      for (const name of starColumns) if (!grouped({ kind: 'ColumnRef', name, span: item.span })) bad.push(name);
    } else if (!grouped(item.expr)) {
      bad.push(formatExpr(item.expr));
    }
  }
  if (bad.length === 0) return;
  throw new UserError(
    'NON_AGGREGATE',
    `Non-aggregate SELECT expression(s) not part of GROUP BY: ${bad.join(', ')}\nEither add the column(s) to the GROUP BY or remove them from the SELECT.`,
    q.span,
  );
}
