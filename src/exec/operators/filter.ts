/** WHERE: keeps rows whose predicate is TRUE (NULL and FALSE drop the row). */
import type { OperatorSpec } from '../../plan/physical-plan.js';
import { compileExpr } from '../compile/index.js';
import type { Operator, RowErrorHandler } from './operator.js';

export function createFilter(spec: Extract<OperatorSpec, { kind: 'filter' }>, onError: RowErrorHandler): Operator {
  const predicate = compileExpr(spec.predicate);
  return {
    process(batch) {
      const out: unknown[][] = [];
      for (const row of batch.rows) {
        let keep: unknown;
        try {
          keep = predicate(row);
        } catch (err) {
          onError(err, row);
          continue;
        }
        if (keep === true) out.push(row);
      }
      return { rows: out };
    },
  };
}
