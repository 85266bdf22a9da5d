/**
 * EMIT FINAL over HOPPING windows by panes (Flink's window slicing): time is cut into panes of
 * gcd(size, advance); a record is folded into its one pane instead of into each of the
 * size/advance windows that contain it, and a window's row is the merge of its panes' accumulators
 * when it closes. For Nexmark q5 (10 s windows every 2 s) that is one accumulator update and at
 * most one state write per record instead of five.
 *
 * Only for aggregates whose `merge` is exact (AggregateOverload.exactMerge): merging panes in time
 * order must give what folding the records in arrival order gives.
 *
 * The rows are those of the per-window path (aggregate.ts), in the same order:
 * - a window closes when stream time passes its end plus grace, before the record that moved
 *   stream time is folded in (a record late for a window never reaches its row);
 * - a record folded into a pane reaches every window containing the pane that closes later, and
 *   those are exactly the windows it was on time for;
 * - within one window, groups come in the order their first record in the window arrived (the
 *   smallest sequence number of their panes in it), as the per-window closing index lists them;
 * - a record late for k windows counts k late records, and an aggregate that fails to add a
 *   record is reported once per window the record was on time for.
 * State: one entry per group and pane (key: group key, PANE_SEPARATOR, pane start), deleted when
 * the last window containing the pane closes.
 */
import type { AggregateOverload } from '../../functions/aggregate/aggregate-function.js';
import type { WindowSpec } from '../../sql/ast.js';
import type { KeyValueState } from '../state/key-value-state.js';
import { startText, windowStartsFor } from './time-windows.js';
import { slotAt, WindowSlots } from './window-slots.js';

/** Beyond this many panes per window a window's merge at close costs more than panes save. */
export const MAX_PANES_PER_WINDOW = 64;

/** Between a group's key and a pane's start in the pane's state key (windows use \u0002). */
const PANE_SEPARATOR = '\u0004';

type HoppingSpec = Extract<WindowSpec, { kind: 'HOPPING' }>;

/** A group's accumulators over one pane, or (merged) over one window. State-serializable. */
export interface PaneGroup {
  g: unknown[];
  a: unknown[];
  h: boolean;
  /** Start and end of the pane (of the window, once merged). */
  s: number;
  e: number;
  /** The latest record time folded in. */
  t: number;
  /** Sequence number of the pane's first record (the smallest of the panes, once merged). */
  q: number;
}

/** What the aggregate lends the panes. */
export interface PaneHost {
  readonly state: KeyValueState;
  readonly overloads: readonly AggregateOverload[];
  readonly grace: number;
  /** Adds the record's arguments (already computed) to the group; returns FOLDED or the error. */
  tryAdd(grp: PaneGroup): unknown;
  emit(grp: PaneGroup, ts: number, out: unknown[][], source: readonly unknown[]): void;
  onError(err: unknown, row: readonly unknown[]): void;
  onLateRecord(): void;
}

/** An add that succeeded (tryAdd's result). */
export const FOLDED = Symbol('folded');

/** The pane width for this window and these aggregates, or undefined when panes do not apply. */
export function paneWidth(window: WindowSpec | undefined, emitFinal: boolean, overloads: readonly AggregateOverload[]): number | undefined {
  if (!window || window.kind !== 'HOPPING' || !emitFinal) return undefined;
  const size = window.size.ms;
  const advance = window.advance.ms;
  if (!(advance > 0 && advance < size) || !overloads.every((o) => o.exactMerge === true && o.merge !== undefined)) return undefined;
  const width = gcd(size, advance);
  return size / width <= MAX_PANES_PER_WINDOW ? width : undefined;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

const mod = (x: number, m: number): number => ((x % m) + m) % m;

function isPane(v: unknown): v is PaneGroup {
  return typeof v === 'object' && v !== null && Array.isArray((v as PaneGroup).a) && typeof (v as PaneGroup).q === 'number' && typeof (v as PaneGroup).t === 'number';
}

/** Whether the state holds panes (a query that ran with them must go on with them). */
export function holdsPanes(state: KeyValueState): boolean {
  for (const [key, value] of state.entries()) if (key.includes(PANE_SEPARATOR) && isPane(value)) return true;
  return false;
}

interface PaneEntry {
  readonly gk: string;
  readonly key: string;
  readonly pane: PaneGroup;
}

export class HoppingPanes {
  private readonly size: number;
  private readonly advance: number;
  /** Each pane's groups, by pane start, in the order they were created. */
  private readonly byPane = new Map<number, PaneEntry[]>();
  private readonly slots = new WindowSlots<PaneGroup>();
  private readonly starts: number[] = [];
  private seq = 0;
  /** Windows ending at or before this have closed. */
  private closedThrough: number;
  /** The first window end after closedThrough: nothing to close before stream time reaches it. */
  private nextEnd: number;

  constructor(
    private readonly window: HoppingSpec,
    private readonly width: number,
    private readonly host: PaneHost,
    streamTime: number,
  ) {
    this.size = window.size.ms;
    this.advance = window.advance.ms;
    // A restarted query: its panes come back from the state, and every window that ended by the
    // restored stream time was closed (and emitted) before the restart.
    const restored: PaneEntry[] = [];
    for (const [key, value] of host.state.entries()) {
      const at = key.indexOf(PANE_SEPARATOR);
      if (at >= 0 && isPane(value)) restored.push({ gk: key.slice(0, at), key, pane: value });
    }
    restored.sort((x, y) => x.pane.q - y.pane.q);
    for (const entry of restored) {
      this.listOf(entry.pane.s).push(entry);
      this.seq = Math.max(this.seq, entry.pane.q + 1);
    }
    this.closedThrough = streamTime - host.grace;
    this.nextEnd = Number.isFinite(this.closedThrough) ? this.endAfter(this.closedThrough) : -Infinity;
  }

  /**
   * One record of group `gk` at time `ts`; stream time has already moved to `streamTime`. Windows
   * that closed by it are emitted to `out` first.
   */
  add(gk: string, g: unknown[], ts: number, streamTime: number, step: number, row: readonly unknown[], out: unknown[][]): void {
    const host = this.host;
    this.close(streamTime, out, row);
    const count = windowStartsFor(this.window, ts, this.starts);
    let open = 0;
    for (let i = 0; i < count; i++) {
      if (this.starts[i]! + this.size + host.grace <= streamTime) host.onLateRecord();
      else open++;
    }
    if (open === 0) return;
    const start = ts - mod(ts, this.width);
    const slots = this.slots.of(gk, streamTime - host.grace);
    let slot = slotAt(slots, start);
    let created: PaneEntry | undefined;
    if (slot === undefined) {
      const key = gk + PANE_SEPARATOR + startText(start);
      let pane = host.state.get(key) as PaneGroup | undefined;
      if (pane === undefined) {
        pane = { g, a: host.overloads.map((o) => o.init()), h: false, s: start, e: start + this.width, t: ts, q: this.seq++ };
        created = { gk, key, pane };
        this.listOf(start).push(created);
      }
      // A slot lives as long as the last window containing its pane.
      slots.push((slot = { start, end: start - mod(start, this.advance) + this.size, key, group: pane, putInStep: -1 }));
    }
    const pane = slot.group;
    const error = host.tryAdd(pane);
    if (error !== FOLDED) {
      for (let i = 0; i < open; i++) host.onError(error, row);
      if (created) {
        // A pane that has no state yet gets none from a record that failed.
        slots.splice(slots.indexOf(slot), 1);
        const list = this.byPane.get(start)!;
        list.splice(list.indexOf(created), 1);
      }
      return;
    }
    pane.t = Math.max(pane.t, ts);
    // The pane is changed in place: the state needs to hear of it once per step.
    if (slot.putInStep !== step) {
      host.state.put(slot.key, pane);
      slot.putInStep = step;
    }
  }

  /**
   * Closes the windows that end by stream time minus grace: emits those still retained (as the
   * per-window path does, after a jump in stream time only the windows within RETENTION) and
   * deletes the panes whose last window that was.
   */
  private close(streamTime: number, out: unknown[][], source: readonly unknown[]): void {
    const closeTime = streamTime - this.host.grace;
    if (closeTime < this.nextEnd) return;
    const from = this.closedThrough;
    const size = this.size;
    const advance = this.advance;
    const closing = new Set<number>();
    for (const start of this.byPane.keys()) {
      for (let s = start - mod(start, advance); s > start - size && s >= 0; s -= advance) {
        if (s + size > from && s + size <= closeTime) closing.add(s);
      }
    }
    const retentionMs = Math.max(this.window.retention?.ms ?? 0, size + this.host.grace);
    const oldestRetainedEnd = streamTime - retentionMs + size;
    for (const s of [...closing].sort((x, y) => x - y)) {
      if (s + size >= oldestRetainedEnd) this.emitWindow(s, out, source);
      // Panes in [s, s + advance) are in no later window.
      for (let p = s; p < s + advance; p += this.width) this.dropPane(p);
    }
    this.closedThrough = closeTime;
    this.nextEnd = this.endAfter(closeTime);
  }

  private emitWindow(s: number, out: unknown[][], source: readonly unknown[]): void {
    const overloads = this.host.overloads;
    const merged = new Map<string, PaneGroup>();
    for (let p = s; p < s + this.size; p += this.width) {
      for (const { gk, pane } of this.byPane.get(p) ?? []) {
        const m = merged.get(gk);
        if (m === undefined) {
          merged.set(gk, { g: pane.g, a: pane.a.slice(), h: false, s, e: s + this.size, t: pane.t, q: pane.q });
          continue;
        }
        for (let j = 0; j < overloads.length; j++) m.a[j] = overloads[j]!.merge!(m.a[j], pane.a[j]);
        m.t = Math.max(m.t, pane.t);
        m.q = Math.min(m.q, pane.q);
      }
    }
    const groups = [...merged.values()].sort((x, y) => x.q - y.q);
    for (const grp of groups) this.host.emit(grp, grp.t, out, source);
  }

  private dropPane(start: number): void {
    const list = this.byPane.get(start);
    if (list === undefined) return;
    for (const { key } of list) this.host.state.delete(key);
    this.byPane.delete(start);
  }

  private listOf(start: number): PaneEntry[] {
    let list = this.byPane.get(start);
    if (list === undefined) this.byPane.set(start, (list = []));
    return list;
  }

  /** The first window end after t (window ends are size plus a multiple of advance). */
  private endAfter(t: number): number {
    return t - mod(t - this.size, this.advance) + this.advance;
  }
}
