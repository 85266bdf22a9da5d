/**
 * Logical plan nodes: a closed union. A query over one source is Scan → [Filter] → Project →
 * [Limit]; later issues add Aggregate, Join, Window, Repartition as new kinds.
 */
import type { ColumnSchema, SourceDef } from '../analyze/catalog.js';
import type { AnalyzedQuery, OutputColumn } from '../analyze/query.js';
import type { TypedExpr } from '../analyze/typed-expr.js';

export type PlanNode =
  | { readonly kind: 'Scan'; readonly source: SourceDef; readonly columns: readonly ColumnSchema[] }
  | { readonly kind: 'Filter'; readonly input: PlanNode; readonly predicate: TypedExpr }
  | { readonly kind: 'Project'; readonly input: PlanNode; readonly columns: readonly OutputColumn[] }
  | { readonly kind: 'Limit'; readonly input: PlanNode; readonly limit: number };

export type PlanKind = PlanNode['kind'];

export function planQuery(q: AnalyzedQuery): PlanNode {
  let node: PlanNode = { kind: 'Scan', source: q.source, columns: q.inputColumns };
  if (q.where) node = { kind: 'Filter', input: node, predicate: q.where };
  node = { kind: 'Project', input: node, columns: q.projection };
  if (q.limit !== undefined) node = { kind: 'Limit', input: node, limit: q.limit };
  return node;
}
