/**
 * WHERE: keeps rows whose predicate is TRUE (NULL and FALSE drop the row). Over a table, the
 * filtered table changes: a row that fails, or a tombstone, deletes its key — but only a key the
 * filtered table holds (a Kafka Streams table filter forwards no change from nothing to nothing), so
 * the operator remembers which keys passed, in the query's state.
 */
import type { OperatorSpec } from '../../plan/physical-plan.js';
import { valueKey } from '../../functions/aggregate/value-key.js';
import { compileExprReporting } from '../compile/index.js';
import { isTombstone, markTombstone } from '../row-flags.js';
import type { Operator, OperatorEnv, RowErrorHandler } from './operator.js';

/** Prefix of the filter's keys in the query's shared state. */
const LIVE_PREFIX = 'f/';

/**
 * The keys that passed, per query state, in memory beside the state entries (which persist them):
 * a query's state also holds e.g. a join's rows, and a failing row's lookup in that big map cost
 * more than the filter itself (Nexmark q5: most joined rows fail the WHERE). Rebuilt from the
 * state's entries when a query starts; shared by the filters of one query, as the keys are.
 */
const liveKeysByState = new WeakMap<OperatorEnv['state'], Set<string>>();

function liveKeys(state: OperatorEnv['state']): Set<string> {
  let live = liveKeysByState.get(state);
  if (!live) {
    live = new Set();
    for (const [k] of state.entries()) if (k.startsWith(LIVE_PREFIX)) live.add(k);
    liveKeysByState.set(state, live);
  }
  return live;
}

export function createFilter(spec: Extract<OperatorSpec, { kind: 'filter' }>, onError: RowErrorHandler, env: OperatorEnv): Operator {
  const predicate = compileExprReporting(spec.predicate, onError);
  const live = spec.table ? liveKeys(env.state) : undefined;
  const keyOf = (row: readonly unknown[]): string => LIVE_PREFIX + spec.keySlots.map((i) => valueKey(row[i] ?? null)).join('\u0000');
  /** The key leaves the filtered table: a tombstone if it was there, else nothing. */
  const remove = (row: unknown[], out: unknown[][]): void => {
    const k = keyOf(row);
    if (!live!.delete(k)) return;
    env.state.delete(k);
    out.push(isTombstone(row) ? row : markTombstone([...row]));
  };
  return {
    process(batch) {
      const out: unknown[][] = [];
      for (const row of batch.rows) {
        if (isTombstone(row)) {
          // Streams: a null value fails any predicate.
          if (spec.table) remove(row, out);
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
          out.push(row);
          if (spec.table) {
            const k = keyOf(row);
            if (!live!.has(k)) {
              live!.add(k);
              env.state.put(k, true);
            }
          }
        } else if (spec.table) remove(row, out);
      }
      return { rows: out };
    },
  };
}
