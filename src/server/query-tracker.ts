/**
 * Queries streaming to clients right now, by id: /close-query aborts one, shutdown aborts all,
 * and the count is what "no leaked query" is checked against.
 */
export class QueryTracker {
  private readonly running = new Map<string, AbortController>();

  add(queryId: string, controller: AbortController): void {
    this.running.set(queryId, controller);
  }

  remove(queryId: string): void {
    this.running.delete(queryId);
  }

  /** False if no such query is running. */
  close(queryId: string): boolean {
    const c = this.running.get(queryId);
    if (!c) return false;
    c.abort();
    return true;
  }

  closeAll(): void {
    for (const c of this.running.values()) c.abort();
  }

  get size(): number {
    return this.running.size;
  }
}
