/**
 * The open time windows of each group, kept in memory beside the aggregate's state. A hopping
 * aggregate updates size/advance windows per record; spelling each window's state key and looking
 * it up by that string was the largest cost of Nexmark q5's windowed count. A slot caches what
 * the state holds under its key (the same group object), so a record finds its windows by group
 * and start instead. Slots of windows that have closed (end + grace at or before stream time) are
 * dropped: records for them are late and never look them up, and EMIT FINAL deletes their state.
 */
export interface WindowSlot<G> {
  readonly start: number;
  /** The slot is dropped once this closes: its window's end (a pane's: its last window's end). */
  readonly end: number;
  /** The window's state key. */
  readonly key: string;
  readonly group: G;
  /** The processing step that last put the group (in place) into the state: once per step is enough. */
  putInStep: number;
}

/** Below this many groups the whole index is not swept for closed windows. */
export const SWEEP_MIN_GROUPS = 4096;

export class WindowSlots<G> {
  private readonly byGroup = new Map<string, WindowSlot<G>[]>();
  private sweepAt = SWEEP_MIN_GROUPS;

  /** The slots of group `gk` whose window ends after `closedBy`, to read and add to. */
  of(gk: string, closedBy: number): WindowSlot<G>[] {
    let slots = this.byGroup.get(gk);
    if (slots === undefined) {
      // A new group: now and then drop every group whose windows have all closed, so groups
      // that stop receiving records do not stay here forever.
      if (this.byGroup.size >= this.sweepAt) this.sweep(closedBy);
      this.byGroup.set(gk, (slots = []));
    } else dropClosed(slots, closedBy);
    return slots;
  }

  private sweep(closedBy: number): void {
    for (const [gk, slots] of this.byGroup) {
      dropClosed(slots, closedBy);
      if (slots.length === 0) this.byGroup.delete(gk);
    }
    this.sweepAt = Math.max(SWEEP_MIN_GROUPS, 2 * this.byGroup.size);
  }
}

function dropClosed<G>(slots: WindowSlot<G>[], closedBy: number): void {
  let n = 0;
  for (const s of slots) if (s.end > closedBy) slots[n++] = s;
  slots.length = n;
}

/** The slot of the window starting at `start`, if cached. */
export function slotAt<G>(slots: readonly WindowSlot<G>[], start: number): WindowSlot<G> | undefined {
  for (const s of slots) if (s.start === start) return s;
  return undefined;
}
