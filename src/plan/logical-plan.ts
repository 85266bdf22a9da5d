/**
 * Logical plan nodes: a closed union. A query over one source is
 *   Scan → [Filter] → [Aggregate (with HAVING)] → Project → [Limit]
 * Joins and repartitions will be new kinds.
 */
import type { AnalyzedAggregation } from '../analyze/aggregation.js';
import type { ColumnSchema, SourceDef } from '../analyze/catalog.js';
import type { AnalyzedQuery, OutputColumn } from '../analyze/query.js';
import type { TypedExpr } from '../analyze/typed-expr.js';

export type PlanNode =
  | { readonly kind: 'Scan'; readonly source: SourceDef; readonly columns: readonly ColumnSchema[] }
  | { readonly kind: 'Filter'; readonly input: PlanNode; readonly predicate: TypedExpr; readonly table: boolean }
  | { readonly kind: 'Aggregate'; readonly input: PlanNode; readonly aggregation: AnalyzedAggregation; readonly rowtimeIndex: number }
  | { readonly kind: 'Project'; readonly input: PlanNode; readonly columns: readonly OutputColumn[] }
  | { readonly kind: 'Limit'; readonly input: PlanNode; readonly limit: number };

export type PlanKind = PlanNode['kind'];

/**
 * `output` are the final columns: the query's projection (transient queries), or the sink's
 * layout [...key columns, ...value columns, ROWTIME(, WINDOWSTART, WINDOWEND)] (persistent).
 */
export function planQuery(q: AnalyzedQuery, output: readonly OutputColumn[] = q.projection): PlanNode {
  let node: PlanNode = { kind: 'Scan', source: q.source, columns: q.inputColumns };
  if (q.where) node = { kind: 'Filter', input: node, predicate: q.where, table: q.source.kind === 'TABLE' };
  if (q.aggregation) {
    const rowtimeIndex = q.source.keyColumns.length + q.source.valueColumns.length;
    node = { kind: 'Aggregate', input: node, aggregation: q.aggregation, rowtimeIndex };
  }
  node = { kind: 'Project', input: node, columns: output };
  if (q.limit !== undefined) node = { kind: 'Limit', input: node, limit: q.limit };
  return node;
}
