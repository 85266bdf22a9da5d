/**
 * Turns output rows of a persistent query into records of its sink topic: key columns through the
 * key serde, value columns through the value serde (a tombstone row gets a null value), partition
 * by murmur2 of the key bytes (as Kafka's producer would), timestamp from the row's ROWTIME column
 * or, for a sink WITH (TIMESTAMP='col'), from that column (a row without a valid time is skipped).
 * Windowed sinks append the window to the key bytes as Kafka Streams does: 8-byte start (time
 * windows) or 8-byte end then 8-byte start (session windows), big-endian; the partition is chosen
 * by the key without its window.
 */
import type { SourceDef } from '../analyze/catalog.js';
import { partitionForKey, roundRobinChooser } from '../store/partitioner.js';
import type { PartitionWrite, ProducerRecord } from '../store/topic-store.js';
import { isTombstone, recordHeaders } from './row-flags.js';
import { sourceSerdes } from './source/row-decoder.js';
import { createTimestampExtractor } from './source/timestamp-extractor.js';
import { latin1Text } from '../serde/utf8.js';

export interface SinkWriter {
  /** Rows are [...key columns, ...value columns, ROWTIME(, WINDOWSTART, WINDOWEND)]. */
  toWrites(rows: readonly (readonly unknown[])[], onError: (err: unknown, row: readonly unknown[]) => void): PartitionWrite[];
}

function withWindow(key: Uint8Array, start: bigint, end: bigint, session: boolean): Uint8Array {
  const out = new Uint8Array(key.length + (session ? 16 : 8));
  out.set(key, 0);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  if (session) {
    view.setBigInt64(key.length, end);
    view.setBigInt64(key.length + 8, start);
  } else view.setBigInt64(key.length, start);
  return out;
}

export interface SinkWriterOptions {
  /** The query re-keys by PARTITION BY (see the key rule in toWrites). */
  readonly partitionedBy?: boolean;
  /** Keep only the last record of each key per call (a table sink under a record cache). */
  readonly lastPerKey?: boolean;
}

/** The records with a key whose later record (same key bytes) follows them are dropped; order kept. */
export function lastRecordPerKey(records: readonly ProducerRecord[]): ProducerRecord[] {
  const seen = new Set<string>();
  const out: ProducerRecord[] = [];
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i]!;
    if (r.key !== null) {
      const k = latin1Text(r.key);
      if (seen.has(k)) continue;
      seen.add(k);
    }
    out.push(r);
  }
  return out.reverse();
}

export function createSinkWriter(sink: SourceDef, partitions: number, options: SinkWriterOptions = {}): SinkWriter {
  const { key, value } = sourceSerdes(sink);
  const nKey = sink.keyColumns.length;
  const nValue = sink.valueColumns.length;
  const windowed = sink.windowType !== undefined;
  const session = sink.windowType === 'SESSION';
  const nullKeyPartition = roundRobinChooser();
  // WITH (TIMESTAMP='col'): the records' time is that column's, not the row's ROWTIME.
  const eventTime = createTimestampExtractor(sink, [...sink.keyColumns, ...sink.valueColumns]);
  // A table sink under a record cache keeps the last change per key and step: rows superseded
  // later in the same call are dropped before they are serialized (lastRecordPerKey below still
  // decides by key bytes, for the rows this cannot tell apart).
  const superseded = (rows: readonly (readonly unknown[])[]): Set<number> | undefined => {
    if (!options.lastPerKey || rows.length < 2 || nKey === 0) return undefined;
    const seen = new Set<string>();
    const out = new Set<number>();
    for (let i = rows.length - 1; i >= 0; i--) {
      const row = rows[i]!;
      const k = scalarKeyText(row, nKey, windowed ? nKey + nValue + 1 : -1);
      if (k === undefined) continue;
      if (seen.has(k)) out.add(i);
      else seen.add(k);
    }
    return out;
  };
  return {
    toWrites(rows, onError) {
      const byPartition = new Map<number, ProducerRecord[]>();
      const skip = superseded(rows);
      for (let i = 0; i < rows.length; i++) {
        if (skip?.has(i)) continue;
        const row = rows[i]!;
        let keyBytes: Uint8Array | null;
        let valueBytes: Uint8Array | null;
        let timestamp = Number(row[nKey + nValue]);
        try {
          if (eventTime) timestamp = eventTime(row);
          // A key whose every column is NULL is a null record key, whatever the format, except
          // that PARTITION BY's computed keys of several columns stay records (e.g. JSON
          // {"A":null,"B":null}), as in ksqlDB.
          const keyValues = row.slice(0, nKey);
          let allNull = true;
          for (const v of keyValues) if (v !== null && v !== undefined) allNull = false;
          keyBytes = nKey === 0 || (allNull && (nKey === 1 || !options.partitionedBy)) ? null : key.serialize(keyValues);
          valueBytes = isTombstone(row) ? null : value.serialize(row.slice(nKey, nKey + nValue));
        } catch (err) {
          onError(err, row);
          continue;
        }
        const partition = keyBytes === null ? nullKeyPartition(sink.topic, partitions) : partitionForKey(keyBytes, partitions);
        if (windowed) {
          const at = nKey + nValue + 1;
          keyBytes = withWindow(keyBytes ?? new Uint8Array(0), row[at] as bigint, row[at + 1] as bigint, session);
        }
        let list = byPartition.get(partition);
        if (!list) byPartition.set(partition, (list = []));
        const headers = recordHeaders(row);
        list.push(headers.length > 0 ? { key: keyBytes, value: valueBytes, timestamp, headers } : { key: keyBytes, value: valueBytes, timestamp });
      }
      return [...byPartition].map(([partition, records]) => ({
        topic: sink.topic,
        partition,
        records: options.lastPerKey && records.length > 1 ? lastRecordPerKey(records) : records,
      }));
    },
  };
}

/**
 * Text that tells a row's key (and window) apart from every other key's, for keys of scalar
 * values; undefined for an all-NULL key (no record key) or any other kind of value.
 */
function scalarKeyText(row: readonly unknown[], nKey: number, windowAt: number): string | undefined {
  let text = '';
  let allNull = true;
  for (let i = 0; i < nKey; i++) {
    const v = row[i];
    if (v === null || v === undefined) text += '\u0001';
    else if (typeof v === 'string') text += 's' + v.length + ':' + v;
    else if (typeof v === 'bigint' || (typeof v === 'number' && !Object.is(v, -0))) text += 'n' + String(v) + '\u0001';
    else if (typeof v === 'boolean') text += v ? 't' : 'f';
    else return undefined; // -0 (its own key bytes), DECIMAL, BYTES, structures: left to the byte check
    if (v !== null && v !== undefined) allNull = false;
  }
  if (allNull) return undefined;
  if (windowAt >= 0) text += String(row[windowAt]) + '/' + String(row[windowAt + 1]);
  return text;
}
