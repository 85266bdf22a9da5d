/**
 * Waiting until persistent queries have processed the produced input. The runner cannot see
 * inside the engine's query threads, so it watches the store: the case has settled when no topic
 * has grown for a quiet period and every known consumer group (a persistent query commits its
 * input offsets under its query id) has caught up with the topics it reads. Time is injected so
 * the loop is testable and bounded.
 */
import type { TopicStore } from '../store/topic-store.js';

export const SETTLE_QUIET_MS = 200;
/** Shorter quiet period once every known query group has caught up. */
export const SETTLE_QUIET_CAUGHT_UP_MS = 50;
export const SETTLE_TIMEOUT_MS = 5_000;
export const SETTLE_POLL_MS = 10;

export interface SettleOptions {
  readonly quietMs?: number;
  readonly quietCaughtUpMs?: number;
  readonly timeoutMs?: number;
  readonly pollMs?: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export type SettleResult = 'settled' | 'timeout';

/**
 * Resolves once the store is quiet and `groups()` are caught up, or after the timeout.
 * `groups` is re-read on every poll: queries may start while we wait.
 */
export async function waitUntilSettled(store: TopicStore, groups: () => readonly string[], options: SettleOptions = {}): Promise<SettleResult> {
  const quietMs = options.quietMs ?? SETTLE_QUIET_MS;
  const quietCaughtUpMs = options.quietCaughtUpMs ?? SETTLE_QUIET_CAUGHT_UP_MS;
  const timeoutMs = options.timeoutMs ?? SETTLE_TIMEOUT_MS;
  const pollMs = options.pollMs ?? SETTLE_POLL_MS;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const deadline = now() + timeoutMs;
  let last = storeSnapshot(store);
  let quietSince = now();
  for (;;) {
    await sleep(pollMs);
    const t = now();
    const snap = storeSnapshot(store);
    if (snap !== last) {
      last = snap;
      quietSince = t;
    }
    const known = groups();
    const caughtUp = groupsCaughtUp(store, known);
    const needed = known.length > 0 && caughtUp ? quietCaughtUpMs : quietMs;
    if (caughtUp && t - quietSince >= needed) return 'settled';
    if (t >= deadline) return 'timeout';
  }
}

/** End offsets of every partition of every topic, as one comparable string. */
export function storeSnapshot(store: TopicStore): string {
  const parts: string[] = [];
  for (const t of store.listTopics()) {
    for (let p = 0; p < t.config.partitions; p++) parts.push(`${t.name}:${p}:${store.offsets(t.name, p).end}`);
  }
  return parts.join('|');
}

/**
 * A group has caught up when, on every topic it has committed on, each non-empty partition's
 * committed offset has reached the end. A group that has not committed anything yet is judged
 * by the quiet period alone.
 */
export function groupsCaughtUp(store: TopicStore, groups: readonly string[]): boolean {
  for (const group of groups) {
    for (const t of store.listTopics()) {
      const committed = store.committedOffsets(group, t.name);
      if (committed.size === 0) continue;
      for (let p = 0; p < t.config.partitions; p++) {
        const { start, end } = store.offsets(t.name, p);
        if (end > start && (committed.get(p) ?? start) < end) return false;
      }
    }
  }
  return true;
}
