/**
 * Logical plan nodes: a closed union. A query over one source is
 *   Scan → [Filter] → [Aggregate (with HAVING)] → Project → [Limit]
 * Joins and repartitions will be new kinds.
 */
import type { AnalyzedAggregation } from '../analyze/aggregation.js';
import type { ColumnSchema, SourceDef } from '../analyze/catalog.js';
import type { AnalyzedJoin } from '../analyze/join.js';
import type { TableFunctionCall } from '../analyze/table-functions.js';
import type { AnalyzedQuery, OutputColumn } from '../analyze/query.js';
import type { TypedExpr } from '../analyze/typed-expr.js';

export type PlanNode =
  | { readonly kind: 'Scan'; readonly source: SourceDef; readonly columns: readonly ColumnSchema[] }
  /** Joins what the input yields with one more source, read alongside the scanned one. */
  | { readonly kind: 'Join'; readonly input: PlanNode; readonly join: AnalyzedJoin }
  /** `keySlots`: over a table, where the input row holds its key (with a window's bounds). */
  | { readonly kind: 'Filter'; readonly input: PlanNode; readonly predicate: TypedExpr; readonly table: boolean; readonly keySlots: readonly number[] }
  | { readonly kind: 'Aggregate'; readonly input: PlanNode; readonly aggregation: AnalyzedAggregation; readonly rowtimeIndex: number }
  | { readonly kind: 'FlatMap'; readonly input: PlanNode; readonly functions: readonly TableFunctionCall[] }
  /**
   * `rekey`: PARTITION BY's re-keying step; per column, whether it is computed for a record with a
   * null value (the others are NULL).
   */
  | { readonly kind: 'Project'; readonly input: PlanNode; readonly columns: readonly OutputColumn[]; readonly rekey?: readonly boolean[] }
  | { readonly kind: 'Limit'; readonly input: PlanNode; readonly limit: number };

export type PlanKind = PlanNode['kind'];

/**
 * `output` are the final columns: the query's projection (transient queries), or the sink's
 * layout [...key columns, ...value columns, ROWTIME(, WINDOWSTART, WINDOWEND)] (persistent).
 */
export function planQuery(q: AnalyzedQuery, output: readonly OutputColumn[] = q.projection): PlanNode {
  let node: PlanNode = { kind: 'Scan', source: q.scanned, columns: q.inputColumns };
  for (const join of q.joins ?? []) node = { kind: 'Join', input: node, join };
  const lastJoin = q.joins?.[q.joins.length - 1];
  const tableRows = lastJoin ? lastJoin.kind === 'TABLE_TABLE' : q.scanned.kind === 'TABLE';
  if (q.where) node = { kind: 'Filter', input: node, predicate: q.where, table: tableRows, keySlots: tableRows ? tableKeySlots(q) : [] };
  if (q.rekey) node = { kind: 'Project', input: node, columns: q.rekey, rekey: q.rekeyOnNullValue ?? q.rekey.map(() => true) };
  if (q.aggregation) {
    // A join's result time is the last slot of its row.
    const rowtimeIndex = q.joins ? q.inputColumns.length - 1 : q.scanned.keyColumns.length + q.scanned.valueColumns.length;
    node = { kind: 'Aggregate', input: node, aggregation: q.aggregation, rowtimeIndex };
  }
  if (q.tableFunctions) node = { kind: 'FlatMap', input: node, functions: q.tableFunctions };
  node = { kind: 'Project', input: node, columns: output };
  if (q.limit !== undefined) node = { kind: 'Limit', input: node, limit: q.limit };
  return node;
}

/** Where a table row holds its key before the projection: a join's key slot, else the key columns and window bounds. */
function tableKeySlots(q: AnalyzedQuery): number[] {
  // A join's row ends with its key and its time.
  if (q.joins) return [q.inputColumns.length - 2];
  const bounds = q.scanned.windowType ? ['WINDOWSTART', 'WINDOWEND'].map((n) => q.inputColumns.findIndex((c) => c.name === n)).filter((i) => i >= 0) : [];
  return [...q.scanned.keyColumns.map((_, i) => i), ...bounds];
}
