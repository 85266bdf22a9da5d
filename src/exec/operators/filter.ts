/**
 * WHERE: keeps rows whose predicate is TRUE (NULL and FALSE drop the row). Over a table, a row
 * that fails becomes a tombstone of its key (the key leaves the filtered table), and tombstones
 * pass through.
 */
import type { OperatorSpec } from '../../plan/physical-plan.js';
import { compileExprReporting } from '../compile/index.js';
import { isTombstone, markTombstone } from '../row-flags.js';
import type { Operator, RowErrorHandler } from './operator.js';

export function createFilter(spec: Extract<OperatorSpec, { kind: 'filter' }>, onError: RowErrorHandler): Operator {
  const predicate = compileExprReporting(spec.predicate, onError);
  return {
    process(batch) {
      const out: unknown[][] = [];
      for (const row of batch.rows) {
        if (isTombstone(row)) {
          // Tables: a deleted key stays deleted downstream. Streams: a null value fails any predicate.
          if (spec.table) out.push(row);
          continue;
        }
        let keep: unknown;
        try {
          keep = predicate(row);
        } catch (err) {
          onError(err, row);
          continue;
        }
        if (keep === true) out.push(row);
        else if (spec.table) out.push(markTombstone([...row]));
      }
      return { rows: out };
    },
  };
}
