/**
 * The physical pipeline: one source scan feeding a chain of synchronous operators, then the sink's
 * row limit. Built from the logical plan by walking it bottom-up.
 */
import type { AnalyzedAggregation } from '../analyze/aggregation.js';
import type { ColumnSchema, SourceDef } from '../analyze/catalog.js';
import type { AnalyzedJoin } from '../analyze/join.js';
import type { TableFunctionCall } from '../analyze/table-functions.js';
import type { OutputColumn } from '../analyze/query.js';
import type { TypedExpr } from '../analyze/typed-expr.js';
import type { PlanNode } from './logical-plan.js';

export type OperatorSpec =
  /** The first operator of a join pipeline: batches carry the side (0 left, 1 right) they come from. */
  | { readonly kind: 'join'; readonly join: AnalyzedJoin }
  /** `table`: a row that fails the predicate becomes a tombstone instead of disappearing. */
  | { readonly kind: 'filter'; readonly predicate: TypedExpr; readonly table: boolean; readonly keySlots: readonly number[] }
  | { readonly kind: 'aggregate'; readonly aggregation: AnalyzedAggregation; readonly rowtimeIndex: number }
  | { readonly kind: 'flatMap'; readonly functions: readonly TableFunctionCall[] }
  | { readonly kind: 'project'; readonly columns: readonly OutputColumn[]; readonly rekey?: readonly boolean[] };

export type OperatorKind = OperatorSpec['kind'];

export interface PhysicalPipeline {
  readonly source: SourceDef;
  readonly inputColumns: readonly ColumnSchema[];
  readonly operators: readonly OperatorSpec[];
  readonly outputColumns: readonly ColumnSchema[];
  readonly limit?: number;
  /** A join's other sources, read alongside `source` (batch side i + 1 is others[i]). */
  readonly others?: readonly SourceDef[];
  /** Whether an operator keeps state (then a persistent query needs a changelog). */
  readonly stateful: boolean;
}

export function toPhysical(root: PlanNode): PhysicalPipeline {
  const operators: OperatorSpec[] = [];
  let limit: number | undefined;
  const others: SourceDef[] = [];
  let output: readonly ColumnSchema[] = [];
  const walk = (n: PlanNode): { source: SourceDef; columns: readonly ColumnSchema[] } => {
    switch (n.kind) {
      case 'Scan':
        output = n.columns;
        return { source: n.source, columns: n.columns };
      case 'Join': {
        const s = walk(n.input);
        operators.push({ kind: 'join', join: n.join });
        others.push(n.join.right);
        return s;
      }
      case 'Filter': {
        const s = walk(n.input);
        operators.push({ kind: 'filter', predicate: n.predicate, table: n.table, keySlots: n.keySlots });
        return s;
      }
      case 'Aggregate': {
        const s = walk(n.input);
        operators.push({ kind: 'aggregate', aggregation: n.aggregation, rowtimeIndex: n.rowtimeIndex });
        output = n.aggregation.columns;
        return s;
      }
      case 'FlatMap': {
        const s = walk(n.input);
        operators.push({ kind: 'flatMap', functions: n.functions });
        return s;
      }
      case 'Project': {
        const s = walk(n.input);
        operators.push({ kind: 'project', columns: n.columns, ...(n.rekey ? { rekey: n.rekey } : {}) });
        output = n.columns.map((c) => ({ name: c.name, type: c.expr.type }));
        return s;
      }
      case 'Limit': {
        const s = walk(n.input);
        limit = n.limit;
        return s;
      }
    }
  };
  const { source, columns } = walk(root);
  const stateful = operators.some((o) => o.kind === 'aggregate' || o.kind === 'join');
  return { source, inputColumns: columns, operators, outputColumns: output, stateful, ...(limit === undefined ? {} : { limit }), ...(others.length > 0 ? { others } : {}) };
}
