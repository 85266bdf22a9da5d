/**
 * WHERE: keeps rows whose predicate is TRUE (NULL and FALSE drop the row). Over a table, a row
 * that fails becomes a tombstone of its key (the key leaves the filtered table), and tombstones
 * pass through.
 *
 * With `keyIndex` (a table-table join's result, whose inputs are materialized) the filter knows the
 * key's previous row, as Kafka Streams' table filter does when its parent sends old values: a
 * failing row or a tombstone of a key whose last row did not pass emits nothing (null → null).
 */
import type { OperatorSpec } from '../../plan/physical-plan.js';
import { valueKey } from '../../functions/aggregate/value-key.js';
import { compileExprReporting } from '../compile/index.js';
import { isTombstone, markTombstone } from '../row-flags.js';
import type { Operator, OperatorEnv, RowErrorHandler } from './operator.js';

/** Prefix of the filter's entries in the query's state (keys whose last row passed). */
const PASSED = 'f/';

export function createFilter(spec: Extract<OperatorSpec, { kind: 'filter' }>, onError: RowErrorHandler, env: OperatorEnv): Operator {
  const predicate = compileExprReporting(spec.predicate, onError);
  const { keyIndex } = spec;
  /** Records whether `row`'s key now passes; returns whether it passed before. */
  const passedBefore = (row: readonly unknown[], passes: boolean): boolean => {
    if (keyIndex === undefined) return true;
    const k = PASSED + valueKey(row[keyIndex]);
    const before = env.state.get(k) === true;
    if (passes && !before) env.state.put(k, true);
    else if (!passes && before) env.state.delete(k);
    return before;
  };
  return {
    process(batch) {
      const out: unknown[][] = [];
      for (const row of batch.rows) {
        if (isTombstone(row)) {
          // Tables: a deleted key stays deleted downstream. Streams: a null value fails any predicate.
          if (spec.table && passedBefore(row, false)) out.push(row);
          continue;
        }
        let keep: unknown;
        try {
          keep = predicate(row);
        } catch (err) {
          onError(err, row);
          continue;
        }
        if (keep === true) {
          passedBefore(row, true);
          out.push(row);
        } else if (spec.table && passedBefore(row, false)) out.push(markTombstone([...row]));
      }
      return { rows: out };
    },
  };
}
