/**
 * Runs a physical pipeline: reads the source topic, decodes rows, pushes batches through the
 * operators and yields output row batches until the LIMIT is reached, the snapshot ends (pull) or
 * the signal aborts (push).
 */
import type { PhysicalPipeline } from '../plan/physical-plan.js';
import type { StoredRecord, TopicStore } from '../store/topic-store.js';
import { createOperator, type Operator } from './operators/operator.js';
import { createRowDecoder } from './source/row-decoder.js';
import type { Batch } from './batch.js';
import { readSources } from './source/multi-topic-reader.js';
import { readTopic } from './source/topic-reader.js';
import { isTombstone } from './row-flags.js';
import { MemoryState } from './state/key-value-state.js';
import { pullRecords, type PullLookups, type PullRange } from './pull/pull-source.js';

export interface QueryRunOptions {
  readonly store: TopicStore;
  readonly from: 'earliest' | 'latest';
  readonly mode: 'push' | 'snapshot';
  readonly signal?: AbortSignal;
  /** A record that cannot be decoded, or an expression that fails on a row. */
  readonly onRecordError: (error: unknown, where: { record?: StoredRecord; row?: readonly unknown[] }) => void;
  /** A pull query over a table: the keys to look up in its materialized index (absent: scan it). */
  readonly lookups?: PullLookups;
  /** A pull query over a table: the key range to seek to (absent: scan it all). */
  readonly range?: PullRange;
  /** Skip rows whose key columns are all null (a scalable push query: ksqlDB's registry ignores them). */
  readonly dropNullKeys?: boolean;
}

export type QueryEndReason = 'limit' | 'cancelled' | 'complete';

export interface QueryRun {
  readonly batches: AsyncGenerator<unknown[][], QueryEndReason>;
}

export async function* runPipeline(pipeline: PhysicalPipeline, opts: QueryRunOptions): AsyncGenerator<unknown[][], QueryEndReason> {
  const decoder = createRowDecoder(pipeline.source);
  // A transient query's state lives only as long as the query.
  const env = { state: new MemoryState(false), onLateRecord: () => undefined };
  const operators: Operator[] = pipeline.operators.map((spec) => createOperator(spec, (error, row) => opts.onRecordError(error, { row }), env));
  let remaining = pipeline.limit ?? Infinity;
  if (remaining <= 0) return 'limit';
  const runs = pipeline.others ? joinRuns(pipeline, opts) : singleRuns(pipeline, opts);
  const streamsDeletes = opts.mode === 'push' && resultIsTable(pipeline);
  // A table has no row for a null key (ksqlDB drops such records when it reads a table).
  const dropNullKeys = (opts.dropNullKeys === true || pipeline.source.kind === 'TABLE') && !pipeline.others && pipeline.source.keyColumns.length > 0;
  const nKeys = pipeline.source.keyColumns.length;
  const decoders = [decoder, ...(pipeline.others ?? []).map((s) => createRowDecoder(s))];
  try {
    for await (const run of runs) {
      let rows = decoders[run.side]!.decode(run.records, (error, record) => opts.onRecordError(error, { record }));
      if (dropNullKeys) rows = rows.filter((r) => !allNull(r, nKeys));
      let batch: Batch = { rows, side: run.side };
      for (const op of operators) {
        if (batch.rows.length === 0) break;
        batch = op.process(batch);
      }
      // A pull query's result shows live rows only; a push query over a table streams its deletes too.
      if (!streamsDeletes && batch.rows.some(isTombstone)) batch = { rows: batch.rows.filter((r) => !isTombstone(r)) };
      if (batch.rows.length === 0) continue;
      if (batch.rows.length >= remaining) {
        yield batch.rows.slice(0, remaining);
        return 'limit';
      }
      remaining -= batch.rows.length;
      yield batch.rows;
    }
  } finally {
    await runs.return(undefined);
  }
  return opts.signal?.aborted ? 'cancelled' : 'complete';
}

/** A table's changes: a query over a table, or an aggregation. */
function resultIsTable(pipeline: PhysicalPipeline): boolean {
  return pipeline.source.kind === 'TABLE' || pipeline.operators.some((o) => o.kind === 'aggregate');
}

function allNull(row: readonly unknown[], n: number): boolean {
  for (let i = 0; i < n; i++) if (row[i] !== null && row[i] !== undefined) return false;
  return true;
}

interface Run {
  readonly side: number;
  readonly records: readonly StoredRecord[];
}

async function* singleRuns(pipeline: PhysicalPipeline, opts: QueryRunOptions): AsyncGenerator<Run> {
  // A pull query over a table reads the table's materialized index: each key's latest row, no deleted keys.
  if (opts.mode === 'snapshot' && pipeline.source.kind === 'TABLE') {
    for (const records of await pullRecords(opts.store, pipeline.source, opts.lookups, opts.range)) yield { side: 0, records };
    return;
  }
  const reader = readTopic({
    store: opts.store,
    topic: pipeline.source.topic,
    from: opts.from,
    mode: opts.mode,
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  try {
    for await (const records of reader) yield { side: 0, records };
  } finally {
    await reader.return(undefined);
  }
}

async function* joinRuns(pipeline: PhysicalPipeline, opts: QueryRunOptions): AsyncGenerator<Run> {
  yield* readSources({
    store: opts.store,
    topics: [pipeline.source.topic, ...pipeline.others!.map((s) => s.topic)],
    from: opts.from,
    mode: opts.mode,
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
}
