/**
 * Table functions: one output row per element. The row gets one extra column per function; with
 * several functions, the longest array sets the count and shorter ones give NULL (ksqlDB).
 * CUBE_EXPLODE yields every combination of the array's values and NULLs.
 */
import type { OperatorSpec } from '../../plan/physical-plan.js';
import { valueKey } from '../../functions/aggregate/value-key.js';
import { compileExpr } from '../compile/index.js';
import { isTombstone } from '../row-flags.js';
import type { Operator, RowErrorHandler } from './operator.js';

/** The distinct arrays where each position holds the value or NULL, all-NULL first (ksqlDB's order). */
function cube(values: readonly unknown[]): unknown[][] {
  const n = values.length;
  const out: unknown[][] = [];
  const seen = new Set<string>();
  for (let mask = 0; mask < 1 << n; mask++) {
    const combo = values.map((v, i) => ((mask >> (n - 1 - i)) & 1 ? (v ?? null) : null));
    const key = valueKey(combo);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(combo);
  }
  return out;
}

export function createFlatMap(spec: Extract<OperatorSpec, { kind: 'flatMap' }>, onError: RowErrorHandler): Operator {
  const fns = spec.functions.map((f) => ({ kind: f.kind, arg: compileExpr(f.arg) }));
  return {
    process(batch) {
      const out: unknown[][] = [];
      for (const row of batch.rows) {
        if (isTombstone(row)) continue;
        let lists: unknown[][];
        try {
          lists = fns.map((f) => {
            const a = f.arg(row) as unknown[] | null;
            if (a === null || a === undefined) return [];
            return f.kind === 'EXPLODE' ? a : cube(a);
          });
        } catch (err) {
          onError(err, row);
          continue;
        }
        const n = Math.max(0, ...lists.map((l) => l.length));
        for (let i = 0; i < n; i++) out.push([...row, ...lists.map((l) => (i < l.length ? (l[i] ?? null) : null))]);
      }
      return { rows: out };
    },
  };
}
