/**
 * The processing log: records that fail to deserialize and expressions that fail on a row are
 * written here, and the query goes on. As ksqlDB's, it is a topic with a stream over it,
 * KSQL_PROCESSING_LOG, registered at engine open, so `SELECT * FROM KSQL_PROCESSING_LOG` (push or
 * pull) reads it. Entries use ksqlDB's processing-log schema (decision 0044).
 */
import { analyzeCreateSource } from '../analyze/create-source.js';
import type { SourceDef } from '../analyze/catalog.js';
import { parseStatements } from '../sql/parse.js';
import type { TopicStore } from '../store/topic-store.js';
import type { Catalog } from './catalog.js';

export const PROCESSING_LOG_TOPIC = '_streamsql_processing_log';
export const PROCESSING_LOG_STREAM = 'KSQL_PROCESSING_LOG';
/** Entries buffered before a flush is forced; beyond twice this, entries are counted and dropped. */
const FLUSH_AT = 100;
const RETENTION_MS = 7 * 24 * 3600 * 1000;

/** ksqlDB's MESSAGE->TYPE codes. */
const MESSAGE_TYPE = { DESERIALIZATION_ERROR: 0, EXPRESSION_ERROR: 1 } as const;

const PROCESSING_LOG_DDL = `CREATE STREAM ${PROCESSING_LOG_STREAM} (
  LOGGER STRING, LEVEL STRING, TIME BIGINT,
  MESSAGE STRUCT<
    TYPE INT,
    DESERIALIZATIONERROR STRUCT<TARGET STRING, ERRORMESSAGE STRING, RECORDB64 STRING, CAUSE ARRAY<STRING>, \`topic\` STRING>,
    RECORDPROCESSINGERROR STRUCT<ERRORMESSAGE STRING, RECORD STRING, CAUSE ARRAY<STRING>>,
    PRODUCTIONERROR STRUCT<ERRORMESSAGE STRING>,
    SERIALIZATIONERROR STRUCT<TARGET STRING, ERRORMESSAGE STRING, RECORD STRING, CAUSE ARRAY<STRING>, \`topic\` STRING>>
) WITH (kafka_topic='${PROCESSING_LOG_TOPIC}', value_format='JSON');`;

export interface ProcessingLogEntry {
  readonly queryId: string;
  readonly type: 'DESERIALIZATION_ERROR' | 'EXPRESSION_ERROR';
  readonly message: string;
  readonly topic?: string;
  readonly partition?: number;
  readonly offset?: number;
  /** The record's value bytes, for a record that did not deserialize (RECORDB64). */
  readonly recordValue?: Uint8Array | null;
  /** The row an expression failed on. */
  readonly row?: readonly unknown[];
}

/** The KSQL_PROCESSING_LOG stream's catalog entry. */
export function processingLogSource(): SourceDef {
  const stmt = parseStatements(PROCESSING_LOG_DDL).statements[0]?.statement;
  if (stmt?.kind !== 'CreateSource') throw new Error('the processing log DDL does not parse');
  return analyzeCreateSource(stmt, { getSource: () => undefined, listSources: () => [] }, PROCESSING_LOG_DDL).source;
}

/** One entry as ksqlDB writes it: LOGGER, LEVEL, TIME and MESSAGE with one error struct set. */
export function encodeEntry(e: ProcessingLogEntry, time: number): Record<string, unknown> {
  const where = e.topic === undefined ? '' : ` (topic ${e.topic}${e.partition === undefined ? '' : `, partition ${e.partition}, offset ${e.offset}`})`;
  const deserialization =
    e.type === 'DESERIALIZATION_ERROR'
      ? { TARGET: 'value', ERRORMESSAGE: e.message + where, RECORDB64: e.recordValue ? Buffer.from(e.recordValue).toString('base64') : null, CAUSE: [], topic: e.topic ?? null }
      : null;
  const processing = e.type === 'EXPRESSION_ERROR' ? { ERRORMESSAGE: e.message + where, RECORD: e.row ? rowText(e.row) : null, CAUSE: [] } : null;
  return {
    LOGGER: `processing.${e.queryId}`,
    LEVEL: 'ERROR',
    TIME: time,
    MESSAGE: { TYPE: MESSAGE_TYPE[e.type], DESERIALIZATIONERROR: deserialization, RECORDPROCESSINGERROR: processing, PRODUCTIONERROR: null, SERIALIZATIONERROR: null },
  };
}

/** A row as text for the log (BIGINT values are bigints, which JSON.stringify refuses). */
function rowText(row: readonly unknown[]): string {
  try {
    return JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v));
  } catch {
    return String(row);
  }
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

  /** Creates the topic if missing and registers KSQL_PROCESSING_LOG (unless a source has the name). */
  static async open(store: TopicStore, clock: () => number, catalog?: Catalog): Promise<ProcessingLog> {
    if (!store.describeTopic(PROCESSING_LOG_TOPIC)) {
      await store.createTopic(PROCESSING_LOG_TOPIC, { partitions: 1, replicationFactor: 1, retentionMs: RETENTION_MS, cleanupPolicy: 'delete' });
    }
    if (catalog && !catalog.getSource(PROCESSING_LOG_STREAM)) catalog.put(processingLogSource());
    return new ProcessingLog(store, clock);
  }

  log(entry: ProcessingLogEntry): void {
    // A query over the log itself that fails on an entry must not feed the log it reads.
    if (entry.topic === PROCESSING_LOG_TOPIC) return;
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
          entries.map((e) => ({ key: null, value: enc.encode(JSON.stringify(encodeEntry(e, now))), timestamp: now })),
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

/** The entry for a query's onRecordError: a record that did not decode, or a row an expression failed on. */
export function recordErrorEntry(
  queryId: string,
  topic: string,
  error: unknown,
  where: { record?: { partition: number; offset: number; value: Uint8Array | null }; row?: readonly unknown[] },
): ProcessingLogEntry {
  const base = { queryId, message: errorMessage(error), topic };
  return where.record
    ? { ...base, type: 'DESERIALIZATION_ERROR', partition: where.record.partition, offset: where.record.offset, recordValue: where.record.value }
    : { ...base, type: 'EXPRESSION_ERROR', ...(where.row ? { row: where.row } : {}) };
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
