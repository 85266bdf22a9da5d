/**
 * Stream-stream join (WITHIN before/after [GRACE PERIOD g]), with Kafka Streams' window-store
 * semantics so results match ksqlDB's:
 * - each side keeps its rows per key for retention = before + after + grace (default grace 24 h);
 *   a row whose time is behind its side's observed time by more than that is not kept (the store
 *   drops whole segments of max(retention / 2, 60 s), as a segmented store does);
 * - a row joins the other side's kept rows in [t - before, t + after] that are still within the
 *   other side's retention;
 * - an unmatched row of an outer side: without GRACE PERIOD it is padded with NULLs at once (the
 *   pre-0.23 eager behaviour); with GRACE PERIOD it waits until its window closes (stream time past
 *   t + window + grace) and is emitted only if nothing matched it meanwhile. A row whose window
 *   has already closed when it arrives is padded at once.
 */
import { isTombstone } from '../row-flags.js';
import type { KeyValueState } from '../state/key-value-state.js';
import { DEFAULT_GRACE_MS } from './time-windows.js';
import type { JoinRows, JoinSpec, JoinStep, Side } from './join.js';

interface Timed {
  readonly t: number;
  readonly row: unknown[];
}

/** A kept row and the id of its own state entry. */
interface Kept extends Timed {
  readonly id: number;
}

/** An outer-side row waiting for its window to close. */
interface Pending extends Timed {
  readonly side: Side;
  readonly k: string;
  readonly key: unknown;
}

/** Smallest segment of a segmented window store. */
const MIN_SEGMENT_MS = 60_000;

/**
 * Each kept row is its own state entry (`r<side>:<key>` + NUL + id), so a step's changelog carries
 * the rows it added or dropped, not every row of a key again; the rows per key live in memory
 * (arrival order) and are rebuilt from those entries on restart.
 */
const rowEntry = (list: string, id: number): string => `r${list}\u0000${id}`;

export function streamStreamJoin(j: JoinSpec, state: KeyValueState, rows: JoinRows): JoinStep {
  const w = j.within!;
  const grace = w.grace ?? DEFAULT_GRACE_MS;
  const deferOuter = w.grace !== undefined;
  const retention = w.before + w.after + grace;
  const segment = Math.max(Math.floor(retention / 2), MIN_SEGMENT_MS);
  const segmentOf = (t: number): number => Math.trunc(t / segment);
  // How far after its own time a side's row can still be joined.
  const ahead = (side: Side): number => (side === 0 ? w.after : w.before);
  const num = (key: string, dflt: number): number => (state.get(key) as number | undefined) ?? dflt;
  let nextId = num('nextId', 0);
  nextId = migrateLists(state, nextId);
  const kept = rebuildKept(state);

  const emitClosed = (streamTime: number, out: unknown[][]): void => {
    const pending = (state.get('pending') as Pending[] | undefined) ?? [];
    const closed = pending.filter((p) => p.t + ahead(p.side) + grace < streamTime);
    if (closed.length === 0) return;
    closed.sort((a, b) => a.t - b.t);
    for (const p of closed) out.push(rows.padded(p.side, p.row, p.t, p.key));
    state.put('pending', pending.filter((p) => !closed.includes(p)));
  };

  const unpend = (side: Side, k: string, t: number): void => {
    const pending = state.get('pending') as Pending[] | undefined;
    if (!pending?.some((p) => p.side === side && p.k === k && p.t === t)) return;
    state.put('pending', pending.filter((p) => !(p.side === side && p.k === k && p.t === t)));
  };

  /** Drops the rows of a list whose segment expired (rows arrive roughly in time order: check the oldest first). */
  const expire = (list: string, own: Kept[], live: number): void => {
    if (own.length === 0 || segmentOf(own[0]!.t) >= live) return;
    let n = 0;
    for (const x of own) {
      if (segmentOf(x.t) >= live) own[n++] = x;
      else state.delete(rowEntry(list, x.id));
    }
    own.length = n;
  };

  return (side, k, key, row, out) => {
    if (isTombstone(row)) return;
    const t = rows.timeOf(row, side);
    const other = (1 - side) as Side;
    const before = num('time', -Infinity);
    const streamTime = Math.max(before, t);
    if (streamTime !== before) state.put('time', streamTime);
    if (deferOuter && t === streamTime) emitClosed(streamTime, out);

    // Keep the row on its own side unless its segment has expired.
    const seenBefore = num(`seen${side}`, -Infinity);
    const observed = Math.max(seenBefore, t);
    if (observed !== seenBefore) state.put(`seen${side}`, observed);
    const live = segmentOf(observed - retention);
    if (segmentOf(t) >= live) {
      const list = `${side}:${k}`;
      let own = kept.get(list);
      if (own === undefined) kept.set(list, (own = []));
      else expire(list, own, live);
      const id = nextId++;
      const keptRow = rows.stored(side, row);
      own.push({ t, row: keptRow, id });
      // The row lives in `kept`; the state only writes it to the changelog.
      state.record(rowEntry(list, id), { t, row: keptRow });
      state.put('nextId', nextId);
    }

    // Other-side rows within the window: for a left row at t, right rows in [t - before, t + after].
    const lo = Math.max(side === 0 ? t - w.before : t - w.after, num(`seen${other}`, -Infinity) - retention + 1);
    const hi = t + ahead(side);
    let matched = false;
    for (const x of kept.get(`${other}:${k}`) ?? []) {
      if (x.t < lo || x.t > hi) continue;
      matched = true;
      if (deferOuter) unpend(other, k, x.t);
      out.push(side === 0 ? rows.combine(row, x.row, Math.max(t, x.t), key) : rows.combine(x.row, row, Math.max(t, x.t), key));
    }
    if (matched || !rows.outer[side]) return;
    if (!deferOuter || hi < streamTime) {
      out.push(rows.padded(side, row, t, key));
      return;
    }
    const pending = (state.get('pending') as Pending[] | undefined) ?? [];
    state.put('pending', [...pending, { side, k, key, t, row: rows.stored(side, row) }]);
  };
}

/** The kept rows per `<side>:<key>`, in arrival order, from the state's row entries. */
function rebuildKept(state: KeyValueState): Map<string, Kept[]> {
  const kept = new Map<string, Kept[]>();
  for (const [key, value] of state.entries()) {
    if (!key.startsWith('r')) continue;
    const cut = key.lastIndexOf('\u0000');
    const list = key.slice(1, cut);
    const { t, row } = value as Timed;
    let own = kept.get(list);
    if (own === undefined) kept.set(list, (own = []));
    own.push({ t, row, id: Number(key.slice(cut + 1)) });
  }
  for (const own of kept.values()) own.sort((a, b) => a.id - b.id);
  return kept;
}

/** State written before row entries kept a key's rows as one list under `<side>:<key>`: split it. */
function migrateLists(state: KeyValueState, nextId: number): number {
  const lists = [...state.entries()].filter(([key, value]) => /^[01]:/.test(key) && Array.isArray(value));
  for (const [list, value] of lists) {
    for (const x of value as Timed[]) state.put(rowEntry(list, nextId++), { t: x.t, row: x.row });
    state.delete(list);
  }
  if (lists.length > 0) state.put('nextId', nextId);
  return nextId;
}
