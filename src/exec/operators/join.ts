/**
 * JOIN of two sources on key equality. Rows arrive in batches tagged with their side; the output
 * row is [...left row, ...right row] (a missing side is all NULL) with the result time written to
 * the left ROWTIME slot.
 * - stream-table: the table side is kept (latest row per key, tombstones delete); each stream row
 *   looks it up (INNER drops a miss, LEFT pads it).
 * - table-table: both sides kept; a change on either side emits the key's new join result, or a
 *   tombstone when the result disappears.
 * - stream-stream: each side buffers its rows per key for the WITHIN window; a row joins the
 *   other side's rows within [t - before, t + after]; an unmatched row is padded at once for the
 *   outer side(s).
 */
import type { OperatorSpec } from '../../plan/physical-plan.js';
import { valueKey } from '../../functions/aggregate/value-key.js';
import { compileExpr } from '../compile/index.js';
import { isTombstone, markTombstone } from '../row-flags.js';
import type { Operator, OperatorEnv, RowErrorHandler } from './operator.js';
import { DEFAULT_GRACE_MS } from './time-windows.js';

interface Timed {
  t: number;
  row: unknown[];
}

export function createJoin(spec: Extract<OperatorSpec, { kind: 'join' }>, onError: RowErrorHandler, env: OperatorEnv): Operator {
  const j = spec.join;
  // Several joins share the query's state: each keeps its keys under its own prefix.
  const shared = env.state;
  const ns = `j${j.rightSide}/`;
  const state = {
    get: (k: string): unknown => shared.get(ns + k),
    put: (k: string, v: unknown): void => shared.put(ns + k, v),
    delete: (k: string): void => shared.delete(ns + k),
  };
  const keyFns = [compileExpr(j.leftKey), compileExpr(j.rightKey)] as const;
  const widths = [j.leftWidth, j.rightWidth] as const;
  const rtIndex = j.rowtimeIndex;
  const nullsOf = (side: 0 | 1): unknown[] => new Array<unknown>(widths[side]).fill(null);
  const rightRtIndex = j.rightRowtimeIndex;
  const timeOf = (row: readonly unknown[], side: 0 | 1): number => Number(row[side === 0 ? rtIndex : rightRtIndex]);
  const combine = (left: unknown[] | undefined, right: unknown[] | undefined, t: number): unknown[] => {
    const out = [...(left ?? nullsOf(0)), ...(right ?? nullsOf(1))];
    out[rtIndex] = BigInt(t);
    return out;
  };
  const outerLeft = j.type === 'LEFT' || j.type === 'FULL';
  const outerRight = j.type === 'RIGHT' || j.type === 'FULL';
  let streamTime = -Infinity;

  const tableTable = (side: 0 | 1, k: string, row: unknown[], out: unknown[][]): void => {
    const own = `${side}:${k}`;
    if (isTombstone(row)) state.delete(own);
    else state.put(own, row);
    const left = state.get(`0:${k}`) as unknown[] | undefined;
    const right = state.get(`1:${k}`) as unknown[] | undefined;
    const has = (left !== undefined && (right !== undefined || outerLeft)) || (right !== undefined && outerRight);
    const t = Math.max(left ? timeOf(left, 0) : -Infinity, right ? timeOf(right, 1) : -Infinity, timeOf(row, side));
    const flag = `J:${k}`;
    if (has) {
      state.put(flag, true);
      out.push(combine(left, right, t));
    } else if (state.get(flag)) {
      state.delete(flag);
      // The key's join result is gone: a tombstone keyed like the last result.
      const template = side === 0 ? combine(row, undefined, t) : combine(undefined, row, t);
      out.push(markTombstone(template));
    }
  };

  const streamTable = (side: 0 | 1, k: string, row: unknown[], out: unknown[][]): void => {
    if (side === 1) {
      if (isTombstone(row)) state.delete(`1:${k}`);
      else state.put(`1:${k}`, row);
      return;
    }
    if (isTombstone(row)) return;
    const right = state.get(`1:${k}`) as unknown[] | undefined;
    if (right || outerLeft) out.push(combine(row, right, timeOf(row, 0)));
  };

  const streamStream = (side: 0 | 1, k: string, row: unknown[], out: unknown[][]): void => {
    if (isTombstone(row)) return;
    const w = j.within!;
    const grace = w.grace ?? DEFAULT_GRACE_MS;
    const t = timeOf(row, side);
    if (t > streamTime) streamTime = t;
    const other = (1 - side) as 0 | 1;
    // Other-side rows within the window: for a left row at t, right rows in [t - before, t + after].
    const lo = side === 0 ? t - w.before : t - w.after;
    const hi = side === 0 ? t + w.after : t + w.before;
    const buffered = ((state.get(`${other}:${k}`) as Timed[] | undefined) ?? []).filter((x) => x.t >= lo && x.t <= hi);
    for (const x of buffered) {
      out.push(side === 0 ? combine(row, x.row, Math.max(t, x.t)) : combine(x.row, row, Math.max(t, x.t)));
    }
    if (buffered.length === 0 && ((side === 0 && outerLeft) || (side === 1 && outerRight))) {
      out.push(side === 0 ? combine(row, undefined, t) : combine(undefined, row, t));
    }
    const keep = Math.max(w.before, w.after) + grace;
    const own = ((state.get(`${side}:${k}`) as Timed[] | undefined) ?? []).filter((x) => x.t >= streamTime - keep);
    own.push({ t, row });
    state.put(`${side}:${k}`, own);
  };

  const step = j.kind === 'TABLE_TABLE' ? tableTable : j.kind === 'STREAM_TABLE' ? streamTable : streamStream;
  return {
    process(batch) {
      // Sources joined later pass through to their own join; earlier ones (and joined rows) are left.
      if (batch.side !== undefined && batch.side > j.rightSide) return batch;
      const side: 0 | 1 = batch.side === j.rightSide ? 1 : 0;
      const keyFn = keyFns[side];
      const out: unknown[][] = [];
      for (const row of batch.rows) {
        let key: unknown;
        try {
          key = keyFn(row);
        } catch (err) {
          onError(err, row);
          continue;
        }
        // A NULL join key matches nothing; outer sides of stream joins still emit their row.
        if (key === null || key === undefined) {
          if (j.kind !== 'TABLE_TABLE' && !isTombstone(row) && ((side === 0 && outerLeft) || (side === 1 && outerRight))) {
            out.push(side === 0 ? combine(row, undefined, timeOf(row, 0)) : combine(undefined, row, timeOf(row, 1)));
          }
          continue;
        }
        step(side, valueKey(key), row, out);
      }
      return { rows: out };
    },
  };
}
