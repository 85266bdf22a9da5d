/**
 * Reads the sources of a join together. Each round takes what is available on every partition
 * of both topics and merges the partitions as Kafka Streams does: each partition in offset order,
 * the next record taken from the partition whose head has the lowest record time (ties: later
 * sources first, so a table row stored at the same time as a stream row is seen by it). Offsets
 * of a partition so only move forward, and yields runs of consecutive records from one
 * (source, partition) — a persistent query commits each run's offsets with its output. A push
 * reader waits on the store's append wake-up when both topics are caught up.
 */
import type { StoredRecord, TopicStore } from '../../store/topic-store.js';
import { MAX_BATCH_RECORDS } from '../batch.js';
import { wakeInTurn } from './wake-queue.js';

export interface SourceRun {
  readonly side: number;
  readonly topic: string;
  readonly partition: number;
  readonly records: readonly StoredRecord[];
}

export interface MultiTopicReaderOptions {
  readonly store: TopicStore;
  readonly topics: readonly string[];
  readonly from: 'earliest' | 'latest';
  readonly mode: 'push' | 'snapshot';
  readonly signal?: AbortSignal;
  /** Per topic, per-partition start offsets (committed offsets); others use `from`. */
  readonly start?: readonly ReadonlyMap<number, number>[];
}

interface Cursor {
  readonly side: number;
  readonly topic: string;
  readonly partition: number;
  position: number;
  readonly stopAt: number;
}

export async function* readSources(opts: MultiTopicReaderOptions): AsyncGenerator<SourceRun> {
  const { store, signal } = opts;
  let wake: (() => void) | undefined;
  let dirty = false;
  const notify = (): void => {
    dirty = true;
    const w = wake;
    wake = undefined;
    // One reader per turn, so that requests are served between readers (wake-queue.ts).
    if (w) wakeInTurn(w);
  };
  const unsubscribe = opts.topics.map((t) => store.onAppend(t, notify));
  signal?.addEventListener('abort', notify);
  try {
    const cursors: Cursor[] = [];
    opts.topics.forEach((topic, i) => {
      const desc = store.describeTopic(topic);
      if (!desc) return;
      for (let p = 0; p < desc.config.partitions; p++) {
        const o = store.offsets(topic, p);
        cursors.push({ side: i, topic, partition: p, position: opts.start?.[i]?.get(p) ?? (opts.from === 'earliest' ? o.start : o.end), stopAt: o.end });
      }
    });
    while (!signal?.aborted) {
      dirty = false;
      const round: { c: Cursor; r: StoredRecord }[] = [];
      for (const c of cursors) {
        if (opts.mode === 'snapshot' && c.position >= c.stopAt) continue;
        const max = opts.mode === 'snapshot' ? Math.min(MAX_BATCH_RECORDS, c.stopAt - c.position) : MAX_BATCH_RECORDS;
        const records = await store.read(c.topic, c.partition, c.position, max);
        for (const r of records) round.push({ c, r });
        if (records.length > 0) c.position = records[records.length - 1]!.offset + 1;
      }
      orderByHeads(round);
      let i = 0;
      while (i < round.length) {
        const c = round[i]!.c;
        const run: StoredRecord[] = [];
        while (i < round.length && round[i]!.c === c) run.push(round[i++]!.r);
        yield { side: c.side, topic: c.topic, partition: c.partition, records: run };
        if (signal?.aborted) return;
      }
      if (opts.mode === 'snapshot' && cursors.every((c) => c.position >= c.stopAt)) return;
      if (round.length === 0 && !dirty) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    }
  } finally {
    for (const u of unsubscribe) u();
    signal?.removeEventListener('abort', notify);
  }
}

/** Stable merge of the round's partitions by head record time, keeping each partition's order. */
function orderByHeads(round: { c: Cursor; r: StoredRecord }[]): void {
  const byCursor = new Map<Cursor, StoredRecord[]>();
  for (const x of round) {
    const list = byCursor.get(x.c);
    if (list) list.push(x.r);
    else byCursor.set(x.c, [x.r]);
  }
  const queues = [...byCursor].map(([c, records]) => ({ c, records, at: 0 }));
  let n = 0;
  while (n < round.length) {
    let best: (typeof queues)[number] | undefined;
    for (const q of queues) {
      if (q.at >= q.records.length) continue;
      const t = q.records[q.at]!.timestamp;
      if (!best || t < best.records[best.at]!.timestamp || (t === best.records[best.at]!.timestamp && q.c.side > best.c.side)) best = q;
    }
    round[n++] = { c: best!.c, r: best!.records[best!.at++]! };
  }
}
