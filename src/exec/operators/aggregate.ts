/**
 * GROUP BY [WINDOW]: keeps accumulators per group (and window) in a KeyValueState, and for every
 * input row emits the group's new row [...group values, ...aggregate results, ROWTIME,
 * (WINDOWSTART, WINDOWEND)]. HAVING is applied here with table-filter semantics: a group that
 * stops passing it emits a tombstone once; one that never passed emits nothing.
 * Windows: records in a window that closed (end + grace <= stream time) are dropped and counted;
 * session windows merge when a record falls within the gap, emitting tombstones for the merged
 * ones (as Kafka Streams does).
 */
import type { OperatorSpec } from '../../plan/physical-plan.js';
import { compileExpr, type CompiledExpr } from '../compile/index.js';
import { valueKey } from '../../functions/aggregate/value-key.js';
import { isTombstone, markTombstone, recordHeaders, setRecordHeaders } from '../row-flags.js';
import type { KeyValueState } from '../state/key-value-state.js';
import type { Operator, OperatorEnv, RowErrorHandler } from './operator.js';
import { ClosingIndex } from './aggregate-final.js';
import { FOLDED, holdsPanes, HoppingPanes, paneWidth } from './aggregate-panes.js';
import { graceMs, startText, windowStartsFor } from './time-windows.js';
import { slotAt, WindowSlots } from './window-slots.js';

interface Group {
  /** Group values. */
  g: unknown[];
  /** Accumulators, one per aggregate. */
  a: unknown[];
  /** Whether the last emitted row passed HAVING. */
  h: boolean;
  /** Window start and end (time and session windows); t: the latest record time folded in. */
  s?: number;
  e?: number;
  t?: number;
}

interface SessionSet {
  sessions: Group[];
}

const STREAM_TIME_KEY = '\u0000streamTime';

/** Table input: what each input key last contributed — its group and aggregate arguments. */
interface PreviousRow {
  k: string;
  g: unknown[];
  a: unknown[][];
}

const PREVIOUS_PREFIX = '\u0003';

/** Between a group's key and a time window's start in the window's state key. */
const WINDOW_SEPARATOR = '\u0002';

function isGroup(v: unknown): v is Group {
  return typeof v === 'object' && v !== null && Array.isArray((v as Group).a) && typeof (v as Group).e === 'number';
}

/** A restarted EMIT FINAL query finds its open windows again in the restored state. */
function rebuildClosingIndex(state: KeyValueState): ClosingIndex {
  const index = new ClosingIndex();
  for (const [key, value] of state.entries()) {
    if (key.includes(WINDOW_SEPARATOR) && isGroup(value)) index.add(value.e!, key);
    const sessions = (value as Partial<SessionSet> | null)?.sessions;
    if (Array.isArray(sessions)) for (const x of sessions) if (isGroup(x)) index.add(x.e!, key);
  }
  return index;
}

export function createAggregate(spec: Extract<OperatorSpec, { kind: 'aggregate' }>, onError: RowErrorHandler, env: OperatorEnv): Operator {
  const agg = spec.aggregation;
  const state: KeyValueState = env.state;
  const groupFns = agg.groupBy.map((g) => compileExpr(g));
  const argFns: CompiledExpr[][] = agg.aggregates.map((a) => a.args.map((x) => compileExpr(x)));
  const overloads = agg.aggregates.map((a) => a.overload);
  const argBuffers: unknown[][] = argFns.map((fns) => new Array<unknown>(fns.length));
  const having = agg.having ? compileExpr(agg.having) : undefined;
  const window = agg.window;
  // EMIT FINAL without a GRACE PERIOD closes windows at their end (ksqlDB's QTT cases); EMIT
  // CHANGES keeps the 24-hour default for late records.
  const grace = !window ? 0 : agg.emitFinal && !window.grace ? 0 : graceMs(window);
  const rowtimeIndex = spec.rowtimeIndex;
  let streamTime = (state.get(STREAM_TIME_KEY) as number | undefined) ?? -Infinity;
  const tableKeyCount = agg.tableKeyCount;
  // EMIT FINAL: window rows wait in state until their window closes (see closeWindows).
  const closing = window && agg.emitFinal ? rebuildClosingIndex(state) : undefined;
  let lastCloseTime = -Infinity;
  const windowSlots = new WindowSlots<Group>();
  let step = 0; // process() calls: the state's changes are taken between them
  const windowStarts: number[] = [];

  const outputRow = (grp: Group, ts: number): unknown[] => {
    const row: unknown[] = [...grp.g];
    for (let j = 0; j < overloads.length; j++) row.push(overloads[j]!.result(grp.a[j]));
    row.push(BigInt(ts));
    if (window) row.push(BigInt(grp.s!), BigInt(grp.e!));
    return row;
  };

  /**
   * Applies HAVING and emits the group's row (or its tombstone). An update carries the headers of
   * the record that caused it, as Kafka Streams forwards it; EMIT FINAL's rows, emitted when a
   * later record closes their window, carry none.
   */
  const emit = (grp: Group, ts: number, out: unknown[][], source: readonly unknown[]): void => {
    const headers = closing ? [] : recordHeaders(source);
    const row = setRecordHeaders(outputRow(grp, ts), headers);
    if (!having) {
      grp.h = true;
      out.push(row);
      return;
    }
    let pass: unknown;
    try {
      pass = having(row);
    } catch (err) {
      onError(err, source);
      pass = false;
    }
    if (pass === true) {
      grp.h = true;
      out.push(row);
    } else if (grp.h) {
      grp.h = false;
      out.push(setRecordHeaders(tombstoneOf(grp, ts), headers));
    }
  };

  const tombstoneOf = (grp: Group, ts: number): unknown[] => {
    const row: unknown[] = [...grp.g, ...overloads.map(() => null), BigInt(ts)];
    if (window) row.push(BigInt(grp.s!), BigInt(grp.e!));
    return markTombstone(row);
  };

  /**
   * Computes the row's aggregate arguments, once per record however many windows it folds into.
   * An argument that fails is logged and NULL, as ksqlDB's pre-aggregation projection does.
   */
  const evalArgs = (row: readonly unknown[]): void => {
    for (let j = 0; j < argFns.length; j++) {
      // One argument array per aggregate, refilled per row (overloads read it, never keep it).
      const fns = argFns[j]!;
      const args = argBuffers[j]!;
      for (let i = 0; i < fns.length; i++) {
        try {
          args[i] = fns[i]!(row);
        } catch (err) {
          onError(err, row);
          args[i] = null;
        }
      }
    }
  };

  /** Adds the arguments evalArgs computed to the group; returns FOLDED or what was thrown. */
  const tryAdd = (grp: Group): unknown => {
    try {
      for (let j = 0; j < overloads.length; j++) grp.a[j] = overloads[j]!.add(grp.a[j], argBuffers[j]!);
      return FOLDED;
    } catch (err) {
      return err;
    }
  };

  const fold = (grp: Group, row: readonly unknown[]): boolean => {
    const error = tryAdd(grp);
    if (error === FOLDED) return true;
    onError(error, row);
    return false;
  };

  const groupValues = (row: readonly unknown[]): unknown[] | undefined => {
    let g: unknown[];
    try {
      g = groupFns.map((f) => f(row));
    } catch (err) {
      onError(err, row);
      return undefined;
    }
    // ksqlDB drops rows whose grouping key is NULL.
    if (g.some((v) => v === null || v === undefined)) {
      onError(new Error('Group-by column with NULL value: record skipped'), row);
      return undefined;
    }
    return g;
  };

  const advanceStreamTime = (ts: number): void => {
    if (ts > streamTime) {
      streamTime = ts;
      state.put(STREAM_TIME_KEY, streamTime);
    }
  };

  const newGroup = (g: unknown[]): Group => ({ g, a: overloads.map((o) => o.init()), h: false });

  // EMIT FINAL hopping windows fold each record into one pane (aggregate-panes.ts). A query whose
  // state holds open windows of the per-window layout (written before panes existed) keeps that.
  const width = paneWidth(window, agg.emitFinal === true, overloads);
  const usePanes = width !== undefined && window?.kind === 'HOPPING' && closing !== undefined && closing.isEmpty();
  if (!usePanes && window?.kind === 'HOPPING' && holdsPanes(state)) throw new Error('assertion failed: state holds window panes, but this aggregation does not use them');
  const panes = usePanes
    ? new HoppingPanes(window, width, { state, overloads, grace, tryAdd, emit, onError, onLateRecord: env.onLateRecord }, streamTime)
    : undefined;

  return {
    process(batch) {
      step++;
      const out: unknown[][] = [];
      for (const row of batch.rows) {
        if (tableKeyCount !== undefined) {
          tableUpdate(row, out);
          continue;
        }
        if (isTombstone(row)) continue; // a stream has no deletes (a stream-table join's misses)
        const g = groupValues(row);
        if (!g) continue;
        const ts = Number(row[rowtimeIndex]);
        advanceStreamTime(ts);
        evalArgs(row);
        const gk = g.map(valueKey).join('\u0001');
        if (!window) {
          const grp = (state.get(gk) as Group | undefined) ?? newGroup(g);
          if (!fold(grp, row)) continue;
          // A group's row carries the latest time of the records folded into it (Kafka Streams).
          grp.t = Math.max(grp.t ?? ts, ts);
          emit(grp, grp.t, out, row);
          state.put(gk, grp);
          continue;
        }
        if (window.kind === 'SESSION') {
          sessionUpdate(gk, g, ts, row, out);
          if (closing) closeWindows(out, row);
          continue;
        }
        if (panes) {
          panes.add(gk, g, ts, streamTime, step, row, out);
          continue;
        }
        const slots = windowSlots.of(gk, streamTime - grace);
        const count = windowStartsFor(window, ts, windowStarts);
        for (let i = 0; i < count; i++) {
          const start = windowStarts[i]!;
          const end = start + window.size.ms;
          if (end + grace <= streamTime) {
            env.onLateRecord();
            continue;
          }
          let slot = slotAt(slots, start);
          let isNew = false;
          if (slot === undefined) {
            const key = gk + WINDOW_SEPARATOR + startText(start);
            let grp = state.get(key) as Group | undefined;
            if (!grp) {
              grp = { g, a: overloads.map((o) => o.init()), h: false, s: start, e: end };
              closing?.add(end, key);
              isNew = true;
            }
            slots.push((slot = { start, end, key, group: grp, putInStep: -1 }));
          }
          const grp = slot.group;
          if (!fold(grp, row)) {
            // A window that has no state yet gets none from a record that failed.
            if (isNew) slots.splice(slots.indexOf(slot), 1);
            continue;
          }
          grp.t = Math.max(grp.t ?? ts, ts);
          if (!closing) emit(grp, grp.t, out, row);
          // The group is changed in place: the state needs to hear of it once per step.
          if (slot.putInStep !== step) {
            state.put(slot.key, grp);
            slot.putInStep = step;
          }
        }
        if (closing) closeWindows(out, row);
      }
      return { rows: out };
    },
  };

  function sessionUpdate(gk: string, g: unknown[], ts: number, row: readonly unknown[], out: unknown[][]): void {
    const gap = (window as Extract<typeof window, { kind: 'SESSION' }>).gap.ms;
    const set = (state.get(gk) as SessionSet | undefined) ?? { sessions: [] };
    if (ts + gap + grace <= streamTime && ts + grace <= streamTime) {
      // A record whose own session would already be closed.
      env.onLateRecord();
      return;
    }
    const overlapping = set.sessions.filter((s) => s.s! - gap <= ts && ts <= s.e! + gap);
    const merged: Group = { g, a: overloads.map((o) => o.init()), h: false, s: ts, e: ts, t: ts };
    for (const s of overlapping) {
      merged.s = Math.min(merged.s!, s.s!);
      merged.e = Math.max(merged.e!, s.e!);
      merged.a = merged.a.map((acc, j) => {
        const m = overloads[j]!.merge;
        return m ? m(acc, s.a[j]) : s.a[j];
      });
      if (s.h && !closing) out.push(tombstoneOf(s, s.t ?? s.e!));
    }
    if (!fold(merged, row)) return;
    // A merged session's record time is the latest of its parts (Kafka Streams).
    const outTs = Math.max(ts, ...overlapping.map((s) => s.t ?? s.e!));
    merged.t = outTs;
    if (closing) closing.add(merged.e!, gk);
    else emit(merged, outTs, out, row);
    set.sessions = [...set.sessions.filter((s) => !overlapping.includes(s)), merged];
    state.put(gk, set);
  }

  /**
   * EMIT FINAL: once stream time passes a window's end plus grace, the window is closed; its row
   * is emitted and its state dropped (records for it are late from now on). Time windows follow
   * Kafka Streams' emit-on-window-close over a window store with retention
   * max(RETENTION, size + grace): when the close time (stream time − grace) moves, the closed
   * windows still retained — start ≥ stream time − retention — are emitted, older ones close
   * silently. Without RETENTION that is exactly the windows ending at the new close time, as
   * ksqlDB's QTT cases show (docs/decisions/0042-aggregation.md).
   * Sessions close once their end is before the close time, and all of them are emitted.
   */
  function closeWindows(out: unknown[][], source: readonly unknown[]): void {
    const closeTime = streamTime - grace;
    if (closeTime <= lastCloseTime) return;
    lastCloseTime = closeTime;
    if (window!.kind === 'SESSION') {
      for (const { key: gk } of closing!.takeEndingBy(closeTime - 1)) {
        const set = state.get(gk) as SessionSet | undefined;
        if (!set) continue;
        const closed = set.sessions.filter((x) => x.e! < closeTime).sort((a, b) => a.e! - b.e!);
        if (closed.length === 0) continue;
        for (const x of closed) emit(x, x.t ?? x.e!, out, source);
        set.sessions = set.sessions.filter((x) => !closed.includes(x));
        if (set.sessions.length > 0) state.put(gk, set);
        else state.delete(gk);
      }
      return;
    }
    const sizeMs = window!.size.ms;
    const retentionMs = Math.max(window!.retention?.ms ?? 0, sizeMs + grace);
    const oldestRetainedEnd = streamTime - retentionMs + sizeMs;
    for (const { end, key } of closing!.takeEndingBy(closeTime)) {
      const grp = state.get(key) as Group | undefined;
      if (!grp) continue;
      if (end >= oldestRetainedEnd) emit(grp, grp.t ?? grp.e!, out, source);
      state.delete(key);
    }
  }

  /**
   * A table changelog row: retract the previous row of the same input key from its group (undo),
   * then add the new one (none for a tombstone). Within one group that is one update; across
   * groups each group emits its own row (Kafka Streams' KTable groupBy/aggregate).
   */
  function tableUpdate(row: readonly unknown[], out: unknown[][]): void {
    const inputKey = PREVIOUS_PREFIX + row.slice(0, tableKeyCount).map(valueKey).join('\u0001');
    const prev = state.get(inputKey) as PreviousRow | undefined;
    const next = isTombstone(row) ? undefined : tableRow(row);
    const ts = Number(row[rowtimeIndex]);
    advanceStreamTime(ts);
    const apply = (gk: string, g: unknown[], undo: readonly unknown[][] | undefined, add: readonly unknown[][] | undefined): void => {
      const grp = (state.get(gk) as Group | undefined) ?? newGroup(g);
      try {
        for (let j = 0; j < overloads.length; j++) {
          const o = overloads[j]!;
          if (undo && o.undo) grp.a[j] = o.undo(grp.a[j], undo[j]!);
          if (add) grp.a[j] = o.add(grp.a[j], add[j]!);
        }
      } catch (err) {
        onError(err, row);
        return;
      }
      grp.t = Math.max(grp.t ?? ts, ts);
      emit(grp, grp.t, out, row);
      state.put(gk, grp);
    };
    if (prev && next && prev.k === next.k) {
      apply(prev.k, prev.g, prev.a, next.a);
    } else {
      if (prev) apply(prev.k, prev.g, prev.a, undefined);
      if (next) apply(next.k, next.g, undefined, next.a);
    }
    if (next) state.put(inputKey, next);
    else if (prev) state.delete(inputKey);
  }

  /** The group and the aggregate arguments of a table row (undefined: it joins no group). */
  function tableRow(row: readonly unknown[]): PreviousRow | undefined {
    const g = groupValues(row);
    if (!g) return undefined;
    // Kept with the row for its undo, so copied out of the shared argument buffers.
    evalArgs(row);
    return { k: g.map(valueKey).join('\u0001'), g, a: argBuffers.map((args) => args.slice()) };
  }
}
