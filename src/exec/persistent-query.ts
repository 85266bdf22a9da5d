/**
 * A persistent query (CREATE STREAM AS SELECT, INSERT INTO ... SELECT): reads its source from the
 * offsets it committed last (or auto.offset.reset the first time), runs the operators, and writes
 * each step's output records together with the input offsets in one store transaction, so a crash
 * at any point neither loses nor duplicates output (exactly-once by construction).
 */
import type { SourceDef } from '../analyze/catalog.js';
import type { PhysicalPipeline } from '../plan/physical-plan.js';
import type { StoredRecord, TopicStore } from '../store/topic-store.js';
import { createOperator, type Operator } from './operators/operator.js';
import { createSinkWriter } from './sink-writer.js';
import { createRowDecoder } from './source/row-decoder.js';
import { readTopic } from './source/topic-reader.js';

export interface PersistentQueryOptions {
  readonly store: TopicStore;
  /** Also the consumer group under which input offsets are committed. */
  readonly queryId: string;
  /** Output columns must be [...sink key columns, ...sink value columns, ROWTIME]. */
  readonly pipeline: PhysicalPipeline;
  readonly sink: SourceDef;
  readonly from: 'earliest' | 'latest';
  readonly signal: AbortSignal;
  readonly onRecordError: (error: unknown, where: { record?: StoredRecord; row?: readonly unknown[] }) => void;
}

export async function runPersistentQuery(opts: PersistentQueryOptions): Promise<void> {
  const { store, pipeline, sink } = opts;
  const sourceTopic = pipeline.source.topic;
  const sinkTopic = store.describeTopic(sink.topic);
  if (!sinkTopic) throw new Error(`sink topic ${sink.topic} does not exist`);
  const decoder = createRowDecoder(pipeline.source);
  const operators: Operator[] = pipeline.operators.map((spec) => createOperator(spec, (error, row) => opts.onRecordError(error, { row })));
  const writer = createSinkWriter(sink, sinkTopic.config.partitions);
  const reader = readTopic({
    store,
    topic: sourceTopic,
    from: opts.from,
    mode: 'push',
    signal: opts.signal,
    start: store.committedOffsets(opts.queryId, sourceTopic),
  });
  for await (const records of reader) {
    let batch = { rows: decoder.decode(records, (error, record) => opts.onRecordError(error, { record })) };
    for (const op of operators) {
      if (batch.rows.length === 0) break;
      batch = op.process(batch);
    }
    const writes = writer.toWrites(batch.rows, (error, row) => opts.onRecordError(error, { row }));
    const last = records[records.length - 1]!;
    await store.appendAtomic(writes, { group: opts.queryId, topic: sourceTopic, offsets: new Map([[last.partition, last.offset + 1]]) });
  }
}
