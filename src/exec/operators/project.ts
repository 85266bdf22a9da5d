/**
 * SELECT list: computes the output row from the input row with compiled expressions. As in ksqlDB,
 * an expression that fails on one row yields NULL for that column and the error is logged.
 */
import type { OperatorSpec } from '../../plan/physical-plan.js';
import { compileExprReporting } from '../compile/index.js';
import { PSEUDO_COLUMNS } from '../../analyze/catalog.js';
import { isTombstone, markTombstone } from '../row-flags.js';

const PSEUDO_COLUMN_COUNT = PSEUDO_COLUMNS.length;
import type { Operator, RowErrorHandler } from './operator.js';

export function createProject(spec: Extract<OperatorSpec, { kind: 'project' }>, onError: RowErrorHandler): Operator {
  const fns = spec.columns.map((c) => compileExprReporting(c.expr, onError));
  const width = fns.length;
  return {
    process(batch) {
      const out: unknown[][] = new Array(batch.rows.length);
      let n = 0;
      for (const row of batch.rows) {
        if (spec.rekey && isTombstone(row)) {
          // A record without a value has no key to re-key by: null key, null value.
          const o = new Array<unknown>(width).fill(null);
          for (let i = 1; i <= PSEUDO_COLUMN_COUNT; i++) o[width - i] = fns[width - i]!(row);
          out[n++] = markTombstone(o);
          continue;
        }
        const o = new Array<unknown>(width);
        for (let i = 0; i < width; i++) {
          try {
            o[i] = fns[i]!(row);
          } catch (err) {
            onError(err, row);
            o[i] = null;
          }
        }
        out[n++] = isTombstone(row) ? markTombstone(o) : o;
      }
      out.length = n;
      return { rows: out };
    },
  };
}
