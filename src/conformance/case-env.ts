/**
 * One case's world: a fresh engine on a temporary data dir, and the few things a test driver does
 * to it from outside — set properties, pre-create topics, run statements, produce input records
 * the way a Kafka producer would, read a topic back. Deleted when the case ends.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../engine/engine.js';
import type { EngineEvent } from '../engine/events.js';
import type { Session } from '../engine/session.js';
import type { Diagnostic } from '../sql/diagnostic.js';
import { partitionForKey } from '../store/partitioner.js';
import { TopicStoreError, type ProducerRecord, type StoredRecord, type TopicConfig } from '../store/topic-store.js';
import type { QttRecord, QttTopic } from './qtt-case.js';
import { topicCodec } from './record-codec.js';

/** Partitions of a topic the case uses but nothing declares (QTT's default). */
export const DEFAULT_TEST_PARTITIONS = 1;
/** Records per store read when draining a topic. */
export const READ_BATCH = 1_000;
/** Upper bound on records read back from one topic partition. */
export const MAX_RECORDS_PER_PARTITION = 100_000;

export interface StatementRun {
  readonly events: readonly EngineEvent[];
  readonly error?: Diagnostic;
}

export class CaseEnv {
  private readonly nullKeyCursor = new Map<string, number>();

  private constructor(
    readonly dir: string,
    readonly engine: Engine,
    readonly session: Session,
  ) {}

  static async open(clock?: () => number): Promise<CaseEnv> {
    const dir = await mkdtemp(join(tmpdir(), 'streamsql-qtt-'));
    try {
      const engine = await Engine.open({ dataDir: dir, ...(clock ? { clock } : {}) });
      return new CaseEnv(dir, engine, engine.createSession());
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      throw err;
    }
  }

  /** A case world over an engine someone else owns and closes (a server's); close() is not for it. */
  static over(engine: Engine): CaseEnv {
    return new CaseEnv('', engine, engine.createSession());
  }

  async close(): Promise<void> {
    try {
      await this.engine.close();
    } finally {
      await rm(this.dir, { recursive: true, force: true });
    }
  }

  /** Runs one script; collects its events; stops at the first error (the session does too). */
  async run(sql: string, signal?: AbortSignal): Promise<StatementRun> {
    const events: EngineEvent[] = [];
    for await (const e of this.session.execute(sql, signal ? { signal } : {})) {
      events.push(e);
      if (e.type === 'error') return { events, error: e.diagnostic };
    }
    return { events };
  }

  /** `SET 'name'='value';` in the session, as QTT passes properties to the engine. */
  async setProperty(name: string, value: string): Promise<Diagnostic | undefined> {
    const q = (s: string): string => `'${s.replaceAll("'", "''")}'`;
    return (await this.run(`SET ${q(name)}=${q(value)};`)).error;
  }

  async createTopics(topics: readonly QttTopic[]): Promise<void> {
    for (const t of topics) await this.ensureTopic(t.name, t.partitions ?? DEFAULT_TEST_PARTITIONS);
  }

  private async ensureTopic(name: string, partitions: number): Promise<void> {
    if (this.engine.store.describeTopic(name)) return;
    const config: TopicConfig = { partitions, replicationFactor: 1, retentionMs: -1, cleanupPolicy: 'delete' };
    try {
      await this.engine.store.createTopic(name, config);
    } catch (err) {
      if (!(err instanceof TopicStoreError && err.code === 'TOPIC_EXISTS')) throw err;
    }
  }

  /**
   * Produces the records in order, encoded with the serdes of the source on each topic. A record
   * without a partition goes where Kafka's default partitioner would put it (murmur2 of the key
   * bytes; null keys round-robin). Missing timestamps are 0, as in QTT.
   */
  async produce(records: readonly QttRecord[], declared: readonly QttTopic[]): Promise<void> {
    const store = this.engine.store;
    // Consecutive records for the same partition go in one append; order across topics is kept.
    let pending: { topic: string; partition: number; records: ProducerRecord[] } | undefined;
    const flush = async (): Promise<void> => {
      if (pending) await store.append(pending.topic, pending.partition, pending.records);
      pending = undefined;
    };
    for (const r of records) {
      await this.ensureTopic(r.topic, DEFAULT_TEST_PARTITIONS);
      const n = store.describeTopic(r.topic)!.config.partitions;
      const encoded = topicCodec(r.topic, this.engine.catalog, declared).encode(r);
      let partition: number;
      if (r.partition !== undefined) partition = r.partition;
      else if (encoded.key === null) {
        const c = this.nullKeyCursor.get(r.topic) ?? 0;
        this.nullKeyCursor.set(r.topic, c + 1);
        partition = c % n;
      } else partition = partitionForKey(encoded.key, n);
      const record: ProducerRecord = { key: encoded.key, value: encoded.value, timestamp: r.timestamp ?? 0, headers: encoded.headers };
      if (pending && pending.topic === r.topic && pending.partition === partition) pending.records.push(record);
      else {
        await flush();
        pending = { topic: r.topic, partition, records: [record] };
      }
    }
    await flush();
  }

  /** Every record of every partition of `topic`, per partition in offset order; undefined if no such topic. */
  async readTopic(topic: string): Promise<StoredRecord[][] | undefined> {
    const store = this.engine.store;
    const desc = store.describeTopic(topic);
    if (!desc) return undefined;
    const out: StoredRecord[][] = [];
    for (let p = 0; p < desc.config.partitions; p++) {
      const records: StoredRecord[] = [];
      let from = store.offsets(topic, p).start;
      for (;;) {
        const batch = await store.read(topic, p, from, READ_BATCH);
        records.push(...batch);
        if (batch.length < READ_BATCH || records.length >= MAX_RECORDS_PER_PARTITION) break;
        from = batch[batch.length - 1]!.offset + 1;
      }
      out.push(records);
    }
    return out;
  }

  /** Ids of running persistent queries (their consumer groups), from SHOW QUERIES. */
  async persistentQueryIds(): Promise<string[]> {
    const { events } = await this.run('SHOW QUERIES;');
    const ids: string[] = [];
    for (const e of events) {
      if (e.type === 'result' && e.result['@type'] === 'queries') {
        for (const q of e.result.queries) if (q.queryType === 'PERSISTENT') ids.push(q.id);
      }
    }
    return ids;
  }
}
