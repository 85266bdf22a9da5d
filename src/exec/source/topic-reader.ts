/**
 * Reads all partitions of a topic in batches. A push reader waits on the store's append wake-up
 * when it has caught up (no polling loop); a snapshot reader stops at the end offsets it saw when
 * it started (pull queries).
 */
import type { StoredRecord, TopicStore } from '../../store/topic-store.js';
import { MAX_BATCH_RECORDS } from '../batch.js';
import { wakeInTurn } from './wake-queue.js';

export interface TopicReaderOptions {
  readonly store: TopicStore;
  readonly topic: string;
  readonly from: 'earliest' | 'latest';
  readonly mode: 'push' | 'snapshot';
  readonly signal?: AbortSignal;
  /** Per-partition start offsets (e.g. a persistent query's committed offsets); others use `from`. */
  readonly start?: ReadonlyMap<number, number>;
}

export async function* readTopic(opts: TopicReaderOptions): AsyncGenerator<readonly StoredRecord[]> {
  const { store, topic, signal } = opts;
  const desc = store.describeTopic(topic);
  if (!desc) return;
  let wake: (() => void) | undefined;
  let dirty = false;
  const notify = (): void => {
    dirty = true;
    const w = wake;
    wake = undefined;
    // One reader per turn, so that requests are served between readers (wake-queue.ts).
    if (w) wakeInTurn(w);
  };
  // Subscribe before reading offsets, so an append between the two is never missed.
  const unsubscribe = store.onAppend(topic, notify);
  signal?.addEventListener('abort', notify);
  try {
    const n = desc.config.partitions;
    const position: number[] = [];
    const stopAt: number[] = [];
    for (let p = 0; p < n; p++) {
      const o = store.offsets(topic, p);
      position.push(opts.start?.get(p) ?? (opts.from === 'earliest' ? o.start : o.end));
      stopAt.push(o.end);
    }
    while (!signal?.aborted) {
      dirty = false;
      let readAny = false;
      for (let p = 0; p < n; p++) {
        if (opts.mode === 'snapshot' && position[p]! >= stopAt[p]!) continue;
        const max = opts.mode === 'snapshot' ? Math.min(MAX_BATCH_RECORDS, stopAt[p]! - position[p]!) : MAX_BATCH_RECORDS;
        let records = await store.read(topic, p, position[p]!, max);
        if (records.length === 0) {
          // Retention may have removed records below our position: skip ahead to the log start.
          const start = store.offsets(topic, p).start;
          if (start > position[p]!) {
            position[p] = start;
            records = await store.read(topic, p, start, max);
          }
        }
        if (records.length > 0) {
          readAny = true;
          position[p] = records[records.length - 1]!.offset + 1;
          yield records;
          if (signal?.aborted) return;
        }
      }
      if (opts.mode === 'snapshot' && position.every((pos, p) => pos >= stopAt[p]!)) return;
      if (!readAny && !dirty) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    }
  } finally {
    unsubscribe();
    signal?.removeEventListener('abort', notify);
  }
}
