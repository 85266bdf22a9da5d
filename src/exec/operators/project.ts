/**
 * SELECT list: computes the output row from the input row with compiled expressions. As in ksqlDB,
 * an expression that fails on one row yields NULL for that column and the error is logged.
 */
import type { OperatorSpec } from '../../plan/physical-plan.js';
import { compileExprReporting } from '../compile/index.js';
import { isTombstone, markTombstone, recordHeaders, setRecordHeaders } from '../row-flags.js';
import type { Operator, RowErrorHandler } from './operator.js';

export function createProject(spec: Extract<OperatorSpec, { kind: 'project' }>, onError: RowErrorHandler): Operator {
  const fns = spec.columns.map((c) => compileExprReporting(c.expr, onError));
  const width = fns.length;
  return {
    process(batch) {
      const out: unknown[][] = new Array(batch.rows.length);
      let n = 0;
      for (const row of batch.rows) {
        const rekey = spec.rekey;
        const nullValue = rekey !== undefined && isTombstone(row);
        const o = new Array<unknown>(width);
        for (let i = 0; i < width; i++) {
          // PARTITION BY of a record without a value: only what it can compute without one.
          if (nullValue && !rekey[i]) {
            o[i] = null;
            continue;
          }
          try {
            o[i] = fns[i]!(row);
          } catch (err) {
            onError(err, row);
            o[i] = null;
          }
        }
        setRecordHeaders(o, recordHeaders(row));
        out[n++] = isTombstone(row) ? markTombstone(o) : o;
      }
      out.length = n;
      return { rows: out };
    },
  };
}
