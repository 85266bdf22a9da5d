/**
 * A persistent query (CREATE STREAM/TABLE AS SELECT, INSERT INTO ... SELECT): reads its source from
 * the offsets it committed last (or auto.offset.reset the first time), runs the operators, and
 * writes each step's output records, its state changes (to its changelog topic) and its input
 * offsets in one store transaction, so a crash at any point neither loses nor duplicates output
 * and state always matches the offsets (exactly-once by construction).
 */
import type { SourceDef } from '../analyze/catalog.js';
import type { PhysicalPipeline } from '../plan/physical-plan.js';
import type { Batch } from './batch.js';
import type { PartitionWrite, StoredRecord, TopicStore } from '../store/topic-store.js';
import { createOperator, type Operator } from './operators/operator.js';
import { createSinkWriter } from './sink-writer.js';
import { createRowDecoder } from './source/row-decoder.js';
import { readSources, type SourceRun } from './source/multi-topic-reader.js';
import { readTopic } from './source/topic-reader.js';
import { InvalidTimestampError } from './source/timestamp-extractor.js';
import { MemoryState } from './state/key-value-state.js';
import { utf8Bytes } from '../serde/utf8.js';
import { decodeState, encodeState } from './state/state-codec.js';

export interface PersistentQueryOptions {
  readonly store: TopicStore;
  /** Also the consumer group under which input offsets are committed. */
  readonly queryId: string;
  /** Output columns must be [...sink key columns, ...sink value columns, ROWTIME(, WINDOWSTART, WINDOWEND)]. */
  readonly pipeline: PhysicalPipeline;
  readonly sink: SourceDef;
  readonly from: 'earliest' | 'latest';
  readonly signal: AbortSignal;
  readonly onRecordError: (error: unknown, where: { record?: StoredRecord; row?: readonly unknown[] }) => void;
  readonly onLateRecord?: () => void;
  /** The sink is a table and changes of one key within a step may be merged (last one wins). */
  readonly coalesceTableChanges?: boolean;
  /** ksql.timestamp.throw.on.invalid: a record whose event time cannot be read stops the query. */
  readonly failOnInvalidTimestamp?: boolean;
}

/** Records read per restore step. */
const RESTORE_BATCH = 1000;

export function changelogTopic(queryId: string): string {
  return `_streamsql_${queryId}_changelog`;
}

async function restoreState(store: TopicStore, topic: string, state: MemoryState): Promise<void> {
  const decoder = new TextDecoder();
  let offset = store.offsets(topic, 0).start;
  for (;;) {
    const records = await store.read(topic, 0, offset, RESTORE_BATCH);
    if (records.length === 0) return;
    for (const r of records) {
      if (r.key) state.restore(decoder.decode(r.key), r.value ? decodeState(r.value) : undefined);
      offset = r.offset + 1;
    }
  }
}

export async function runPersistentQuery(opts: PersistentQueryOptions): Promise<void> {
  const { store, pipeline, sink } = opts;
  const sourceTopic = pipeline.source.topic;
  const sinkTopic = store.describeTopic(sink.topic);
  if (!sinkTopic) throw new Error(`sink topic ${sink.topic} does not exist`);
  const state = new MemoryState(pipeline.stateful);
  const stateTopic = changelogTopic(opts.queryId);
  if (pipeline.stateful) {
    if (!store.describeTopic(stateTopic)) {
      await store.createTopic(stateTopic, { partitions: 1, replicationFactor: 1, retentionMs: -1, cleanupPolicy: 'compact' });
    }
    await restoreState(store, stateTopic, state);
  }
  const env = { state, onLateRecord: opts.onLateRecord ?? (() => undefined) };
  const decoder = createRowDecoder(pipeline.source);
  const operators: Operator[] = pipeline.operators.map((spec) => createOperator(spec, (error, row) => opts.onRecordError(error, { row }), env));
  const partitionedBy = pipeline.operators.some((o) => o.kind === 'project' && o.rekey !== undefined);
  const writer = createSinkWriter(sink, sinkTopic.config.partitions, { partitionedBy, lastPerKey: opts.coalesceTableChanges === true });
  const decoders = [decoder, ...(pipeline.others ?? []).map((s) => createRowDecoder(s))];
  const topics = [sourceTopic, ...(pipeline.others ?? []).map((s) => s.topic)];
  const runs = pipeline.others
    ? readSources({ store, topics, from: opts.from, mode: 'push', signal: opts.signal, start: topics.map((t) => store.committedOffsets(opts.queryId, t)) })
    : singleSource(store, sourceTopic, opts);
  for await (const run of runs) {
    const onDecodeError = (error: unknown, record: StoredRecord): void => {
      if (opts.failOnInvalidTimestamp && error instanceof InvalidTimestampError) {
        // Kafka Streams' wording: the query stops (ERROR) before this step commits anything.
        throw new Error(`Fatal user code error in TimestampExtractor callback for record ${run.topic}-${record.partition}@${record.offset}: ${error.message}`);
      }
      opts.onRecordError(error, { record });
    };
    const records = run.records;
    let batch: Batch = { rows: decoders[run.side]!.decode(records, onDecodeError), side: run.side };
    for (const op of operators) {
      if (batch.rows.length === 0) break;
      batch = op.process(batch);
    }
    const writes: PartitionWrite[] = writer.toWrites(batch.rows, (error, row) => opts.onRecordError(error, { row }));
    if (pipeline.stateful) {
      const changes = state.takeChanges();
      if (changes.length > 0) {
        writes.push({
          topic: stateTopic,
          partition: 0,
          records: changes.map(([k, v]) => ({ key: utf8Bytes(k), value: v === undefined ? null : encodeState(v) })),
        });
      }
    }
    const last = records[records.length - 1]!;
    await store.appendAtomic(writes, { group: opts.queryId, topic: run.topic, offsets: new Map([[last.partition, last.offset + 1]]) });
  }
}

async function* singleSource(store: TopicStore, topic: string, opts: PersistentQueryOptions): AsyncGenerator<SourceRun> {
  const reader = readTopic({ store, topic, from: opts.from, mode: 'push', signal: opts.signal, start: store.committedOffsets(opts.queryId, topic) });
  for await (const records of reader) yield { side: 0, topic, partition: records[0]!.partition, records };
}
