/**
 * EMIT FINAL bookkeeping for windowed aggregations: which state keys hold windows that end when,
 * so that stream-time progress finds the windows that closed without scanning every group.
 * The index lives in memory; a restarted query rebuilds it from its restored state.
 */
export class ClosingIndex {
  // Lists, not sets: a key listed twice for one end (a session merged again, a restart) is found
  // already closed the second time, and a list is much cheaper to grow per new window.
  private readonly byEnd = new Map<number, string[]>();

  /** Whether no window is waiting to close. */
  isEmpty(): boolean {
    return this.byEnd.size === 0;
  }

  /** `key` holds a window (or, for sessions, a group with a session) ending at `end`. */
  add(end: number, key: string): void {
    const keys = this.byEnd.get(end);
    if (keys === undefined) this.byEnd.set(end, [key]);
    else keys.push(key);
  }

  /**
   * Removes and returns the keys of windows ending at or before `last`, earliest end first, in
   * the order they were added within one end (a key may come twice: callers skip closed ones).
   */
  takeEndingBy(last: number): { end: number; key: string }[] {
    const ends = [...this.byEnd.keys()].filter((e) => e <= last).sort((a, b) => a - b);
    const out: { end: number; key: string }[] = [];
    for (const end of ends) {
      for (const key of this.byEnd.get(end)!) out.push({ end, key });
      this.byEnd.delete(end);
    }
    return out;
  }
}
