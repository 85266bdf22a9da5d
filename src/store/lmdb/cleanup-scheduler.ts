/**
 * Runs the store's cleaner (retention, compaction) every `intervalMs`, one run at a time: the next
 * run is scheduled when the previous one ends, so a slow run never overlaps the next. The timer is
 * unref'd (it never keeps a process alive) and its functions are injectable for tests.
 */

import { NODE_TIMERS, type Timers } from '../timers.js';

/** Kafka's log.retention.check.interval.ms default. */
export const DEFAULT_CLEANUP_INTERVAL_MS = 300_000;

export type { Timers } from '../timers.js';

export class CleanupScheduler {
  private handle: unknown;
  private stopped = false;

  constructor(
    private readonly intervalMs: number,
    private readonly run: () => Promise<unknown>,
    private readonly timers: Timers = NODE_TIMERS,
    /** Where a failed run is reported; the cleaner keeps running. */
    private readonly onError: (err: unknown) => void = (err) => process.emitWarning(`topic store cleanup failed: ${String(err)}`),
  ) {}

  start(): void {
    if (!this.stopped && this.handle === undefined) this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.handle !== undefined) this.timers.clearTimeout(this.handle);
    this.handle = undefined;
  }

  private schedule(): void {
    this.handle = this.timers.setTimeout(() => {
      this.handle = undefined;
      if (this.stopped) return;
      this.run().then(
        () => this.stopped || this.schedule(),
        (err: unknown) => {
          if (this.stopped) return;
          this.onError(err);
          this.schedule();
        },
      );
    }, this.intervalMs);
  }
}
