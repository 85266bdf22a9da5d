/**
 * The physical pipeline: one source scan feeding a chain of synchronous operators, then the sink's
 * row limit. Built from the logical plan by walking it bottom-up.
 */
import type { ColumnSchema, SourceDef } from '../analyze/catalog.js';
import type { OutputColumn } from '../analyze/query.js';
import type { TypedExpr } from '../analyze/typed-expr.js';
import type { PlanNode } from './logical-plan.js';

export type OperatorSpec =
  | { readonly kind: 'filter'; readonly predicate: TypedExpr }
  | { readonly kind: 'project'; readonly columns: readonly OutputColumn[] };

export type OperatorKind = OperatorSpec['kind'];

export interface PhysicalPipeline {
  readonly source: SourceDef;
  readonly inputColumns: readonly ColumnSchema[];
  readonly operators: readonly OperatorSpec[];
  readonly outputColumns: readonly ColumnSchema[];
  readonly limit?: number;
}

export function toPhysical(root: PlanNode): PhysicalPipeline {
  const operators: OperatorSpec[] = [];
  let limit: number | undefined;
  let output: readonly ColumnSchema[] = [];
  const walk = (n: PlanNode): { source: SourceDef; columns: readonly ColumnSchema[] } => {
    switch (n.kind) {
      case 'Scan':
        output = n.columns;
        return { source: n.source, columns: n.columns };
      case 'Filter': {
        const s = walk(n.input);
        operators.push({ kind: 'filter', predicate: n.predicate });
        return s;
      }
      case 'Project': {
        const s = walk(n.input);
        operators.push({ kind: 'project', columns: n.columns });
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
  return { source, inputColumns: columns, operators, outputColumns: output, ...(limit === undefined ? {} : { limit }) };
}
