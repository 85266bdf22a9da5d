/**
 * The processing log: records that fail to deserialize and expressions that fail on a row are
 * written here (a topic, as ksqlDB's processing log), and the query goes on.
 */
import type { TopicStore } from '../store/topic-store.js';

export const PROCESSING_LOG_TOPIC = '_streamsql_processing_log';
/** Entries buffered before a flush is forced; beyond twice this, entries are counted and dropped. */
const FLUSH_AT = 100;

export interface ProcessingLogEntry {
  readonly queryId: string;
  readonly type: 'DESERIALIZATION_ERROR' | 'EXPRESSION_ERROR';
  readonly message: string;
  readonly topic?: string;
  readonly partition?: number;
  readonly offset?: number;
}

export class ProcessingLog {
  private buffer: ProcessingLogEntry[] = [];
  private flushing: Promise<void> | undefined;
  dropped = 0;
  written = 0;

  private constructor(
    private readonly store: TopicStore,
    private readonly clock: () => number,
  ) {}

  static async open(store: TopicStore, clock: () => number): Promise<ProcessingLog> {
    if (!store.describeTopic(PROCESSING_LOG_TOPIC)) {
      await store.createTopic(PROCESSING_LOG_TOPIC, { partitions: 1, replicationFactor: 1, retentionMs: 7 * 24 * 3600 * 1000, cleanupPolicy: 'delete' });
    }
    return new ProcessingLog(store, clock);
  }

  log(entry: ProcessingLogEntry): void {
    if (this.buffer.length >= 2 * FLUSH_AT) {
      this.dropped++;
      return;
    }
    this.buffer.push(entry);
    if (!this.flushing) this.flushing = Promise.resolve().then(() => this.flush());
  }

  async flush(): Promise<void> {
    const entries = this.buffer;
    this.buffer = [];
    try {
      if (entries.length > 0) {
        const enc = new TextEncoder();
        const now = this.clock();
        await this.store.append(
          PROCESSING_LOG_TOPIC,
          0,
          entries.map((e) => ({ key: null, value: enc.encode(JSON.stringify({ level: 'ERROR', time: now, ...e })), timestamp: now })),
        );
        this.written += entries.length;
      }
    } catch {
      this.dropped += entries.length; // the store is closing; nothing better to do with a log line
    } finally {
      this.flushing = undefined;
      if (this.buffer.length > 0) this.flushing = Promise.resolve().then(() => this.flush());
    }
  }
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
