/**
 * JOIN of two sources on key equality. Rows arrive in batches tagged with their side; the output
 * row is [...left source columns, ...right row, result key, result time] (a missing side is all
 * NULL). The left input of a later join is an earlier join's output, whose key and time slots are
 * dropped here and written anew.
 * - stream-table: the table side is kept (latest row per key, tombstones delete); each stream row
 *   looks it up (INNER drops a miss, LEFT pads it).
 * - table-table: both sides kept; a change on either side emits the key's new join result, or a
 *   tombstone when the result disappears. Foreign-key joins: join-foreign-key.ts.
 * - stream-stream: join-stream-stream.ts.
 */
import type { OperatorSpec } from '../../plan/physical-plan.js';
import { valueKey } from '../../functions/aggregate/value-key.js';
import { compileExpr } from '../compile/index.js';
import { isTombstone, markTombstone, recordHeaders, setRecordHeaders } from '../row-flags.js';
import type { KeyValueState } from '../state/key-value-state.js';
import type { Operator, OperatorEnv, RowErrorHandler } from './operator.js';
import { foreignKeyJoin } from './join-foreign-key.js';
import { streamStreamJoin } from './join-stream-stream.js';

export type JoinSpec = Extract<OperatorSpec, { kind: 'join' }>['join'];
export type Side = 0 | 1;

/** Builds output rows and reads sides' times: shared by the join kinds. */
export interface JoinRows {
  combine(left: readonly unknown[] | undefined, right: readonly unknown[] | undefined, t: number, key: unknown): unknown[];
  /** A side-only row (the other side NULL). */
  padded(side: Side, row: readonly unknown[], t: number, key: unknown): unknown[];
  timeOf(row: readonly unknown[], side: Side): number;
  /**
   * The copy of a stream-stream or stream-table join's row that its state keeps: positions that
   * nothing after the join reads are NULL (the state holds such rows for the whole join window).
   */
  stored(side: Side, row: unknown[]): unknown[];
  readonly outer: readonly [boolean, boolean];
}

/** One join step over a row whose key is `k` (its valueKey) and `key` (the value). */
export type JoinStep = (side: Side, k: string, key: unknown, row: unknown[], out: unknown[][]) => void;

/** The state under this join's own prefix: several joins share the query's state. */
export function joinState(shared: KeyValueState, j: JoinSpec): KeyValueState {
  return shared.namespace(`j${j.rightSide}/`);
}

/** Per side, the positions of its rows that no one reads after the join (undefined: none). */
function unreadPositions(j: JoinSpec, used: readonly number[] | undefined): [number[] | undefined, number[] | undefined] {
  if (used === undefined) return [undefined, undefined];
  const read = new Set(used);
  const unread = (from: number, width: number): number[] | undefined => {
    const out: number[] = [];
    for (let i = 0; i < width; i++) if (!read.has(from + i)) out.push(i);
    return out.length > 0 ? out : undefined;
  };
  return [unread(0, j.leftWidth), unread(j.leftWidth, j.rightWidth)];
}

function joinRows(j: JoinSpec, used: readonly number[] | undefined): JoinRows {
  const widths = [j.leftWidth, j.rightWidth] as const;
  const unread = unreadPositions(j, used);
  const nulls = (n: number): unknown[] => new Array<unknown>(n).fill(null);
  const combine = (left: readonly unknown[] | undefined, right: readonly unknown[] | undefined, t: number, key: unknown): unknown[] => {
    return [...(left ? left.slice(0, widths[0]) : nulls(widths[0])), ...(right ?? nulls(widths[1])), key, BigInt(t)];
  };
  return {
    combine,
    padded: (side, row, t, key) => (side === 0 ? combine(row, undefined, t, key) : combine(undefined, row, t, key)),
    timeOf: (row, side) => Number(row[side === 0 ? j.rowtimeIndex : j.rightRowtimeIndex]),
    stored: (side, row) => {
      const drop = unread[side];
      if (drop === undefined) return row;
      const copy = row.slice();
      for (const i of drop) copy[i] = null;
      return copy;
    },
    outer: [j.type === 'LEFT' || j.type === 'FULL', j.type === 'RIGHT' || j.type === 'FULL'],
  };
}

export function createJoin(spec: Extract<OperatorSpec, { kind: 'join' }>, onError: RowErrorHandler, env: OperatorEnv): Operator {
  const j = spec.join;
  const state = joinState(env.state, j);
  const keyFns = [compileExpr(j.leftKey), compileExpr(j.rightKey)] as const;
  const rows = joinRows(j, spec.used);
  // Windowed keys match only within the same window: the window is part of the state key.
  const w = j.windowIndexes;
  const stateKey = (key: unknown, row: readonly unknown[], side: Side): string =>
    w === undefined ? valueKey(key) : valueKey([key, row[w[side][0]], j.sessionWindows ? row[w[side][1]] : null]);
  const { combine, timeOf, outer } = rows;

  const tableTable: JoinStep = (side, k, key, row, out) => {
    const own = `${side}:${k}`;
    if (isTombstone(row)) state.delete(own);
    else state.put(own, row);
    const left = state.get(`0:${k}`) as unknown[] | undefined;
    const right = state.get(`1:${k}`) as unknown[] | undefined;
    const has = (left !== undefined && (right !== undefined || outer[0])) || (right !== undefined && outer[1]);
    const t = Math.max(left ? timeOf(left, 0) : -Infinity, right ? timeOf(right, 1) : -Infinity, timeOf(row, side));
    const flag = `J:${k}`;
    if (has) {
      state.put(flag, true);
      out.push(combine(left, right, t, key));
    } else if (state.get(flag)) {
      state.delete(flag);
      // The key's join result is gone: a tombstone keyed like the last result.
      out.push(markTombstone(rows.padded(side, row, t, key)));
    }
  };

  const streamTable: JoinStep = (side, k, key, row, out) => {
    if (side === 1) {
      if (isTombstone(row)) state.delete(`1:${k}`);
      else state.put(`1:${k}`, rows.stored(1, row));
      return;
    }
    if (isTombstone(row)) return;
    const right = state.get(`1:${k}`) as unknown[] | undefined;
    if (right || outer[0]) out.push(combine(row, right, timeOf(row, 0), key));
  };

  const step: JoinStep = j.foreignKey
    ? foreignKeyJoin(j, state, rows, onError)
    : j.kind === 'TABLE_TABLE'
      ? tableTable
      : j.kind === 'STREAM_TABLE'
        ? streamTable
        : streamStreamJoin(j, state, rows);
  /** Joins one input row, pushing its results to `out`. */
  const joinRow = (row: unknown[], side: Side, out: unknown[][]): void => {
    let key: unknown;
    try {
      key = keyFns[side](row);
    } catch (err) {
      onError(err, row);
      return;
    }
    // A NULL join key matches nothing; outer sides of stream joins still emit their row.
    // (A foreign-key join's left rows are keyed by their primary key: it handles NULLs itself.)
    if ((key === null || key === undefined) && !(j.foreignKey && side === 0)) {
      if (j.kind !== 'TABLE_TABLE' && !isTombstone(row) && outer[side]) out.push(rows.padded(side, row, timeOf(row, side), null));
      return;
    }
    step(side, key === null || key === undefined ? '' : stateKey(key, row, side), key, row, out);
  };

  return {
    process(batch) {
      // Sources joined later pass through to their own join; earlier ones (and joined rows) are left.
      if (batch.side !== undefined && batch.side > j.rightSide) return batch;
      const side: Side = batch.side === j.rightSide ? 1 : 0;
      const out: unknown[][] = [];
      for (const row of batch.rows) {
        const first = out.length;
        joinRow(row, side, out);
        // Results carry the headers of the record that produced them, as Kafka Streams forwards them.
        const headers = recordHeaders(row);
        for (let i = first; i < out.length; i++) setRecordHeaders(out[i]!, headers);
      }
      return { rows: out };
    },
  };
}
