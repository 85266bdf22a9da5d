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
import { addUsedColumns } from './used-columns.js';

export type OperatorSpec =
  /**
   * The first operator of a join pipeline: batches carry the side (0 left, 1 right) they come from.
   * `used`: the positions of its output row that later operators read (absent: all of them).
   */
  | { readonly kind: 'join'; readonly join: AnalyzedJoin; readonly used?: readonly number[] }
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
  operators.forEach((op, i) => {
    if (op.kind !== 'join') return;
    const used = usedAfter(operators, i);
    if (used) operators[i] = { ...op, used };
  });
  const stateful = operators.some((o) => o.kind === 'aggregate' || o.kind === 'join');
  return { source, inputColumns: columns, operators, outputColumns: output, stateful, ...(limit === undefined ? {} : { limit }), ...(others.length > 0 ? { others } : {}) };
}

/**
 * The positions of operator `at`'s output that the operators after it read, up to the first one
 * that builds a new row (a projection or an aggregation); undefined when the pipeline ends first.
 */
function usedAfter(operators: readonly OperatorSpec[], at: number): number[] | undefined {
  const used = new Set<number>();
  const done = (): number[] => [...used].sort((a, b) => a - b);
  for (const op of operators.slice(at + 1)) {
    switch (op.kind) {
      case 'filter':
        addUsedColumns(op.predicate, used);
        op.keySlots.forEach((k) => used.add(k));
        break;
      case 'flatMap':
        // Its rows are the input row followed by the generated columns: positions carry on.
        for (const f of op.functions) addUsedColumns(f.arg, used);
        break;
      case 'join': {
        // A later join keeps the earlier result's columns at their positions.
        const j = op.join;
        addUsedColumns(j.leftKey, used);
        used.add(j.rowtimeIndex);
        j.windowIndexes?.[0].forEach((x) => used.add(x));
        for (let k = 0; k < (j.leftPrimaryKeyWidth ?? 0); k++) used.add(k);
        break;
      }
      case 'aggregate': {
        const a = op.aggregation;
        a.groupBy.forEach((g) => addUsedColumns(g, used));
        for (const call of a.aggregates) call.args.forEach((x) => addUsedColumns(x, used));
        used.add(op.rowtimeIndex);
        for (let k = 0; k < (a.tableKeyCount ?? 0); k++) used.add(k);
        return done();
      }
      case 'project':
        op.columns.forEach((c) => addUsedColumns(c.expr, used));
        return done();
    }
  }
  return undefined;
}
