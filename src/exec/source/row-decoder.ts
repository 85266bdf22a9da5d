/**
 * Turns stored records into rows in the source's row layout:
 * [...key columns, ...value columns, ROWTIME, ROWPARTITION, ROWOFFSET].
 * Serdes are built once per query; a record that fails to deserialize goes to the error handler
 * and is skipped (ksqlDB: processing log, query goes on).
 */
import type { SourceDef } from '../../analyze/catalog.js';
import { createSerde, type Serde } from '../../serde/format.js';
import type { StoredRecord } from '../../store/topic-store.js';
import { UserError } from '../../sql/diagnostic.js';
import { markTombstone } from '../row-flags.js';

export type RecordErrorHandler = (error: unknown, record: StoredRecord) => void;

export interface RowDecoder {
  decode(records: readonly StoredRecord[], onError: RecordErrorHandler): unknown[][];
}

export function sourceSerdes(source: SourceDef): { key: Serde; value: Serde } {
  const key = createSerde(source.keyFormat as never, source.keyColumns, { isKey: true });
  if ('error' in key) throw new UserError('INVALID_FORMAT', `Key format ${source.keyFormat}: ${key.error}`);
  const value = createSerde(source.valueFormat as never, source.valueColumns, {
    isKey: false,
    ...(source.wrapSingleValue === undefined ? {} : { wrapSingleValue: source.wrapSingleValue }),
  });
  if ('error' in value) throw new UserError('INVALID_FORMAT', `Value format ${source.valueFormat}: ${value.error}`);
  return { key, value };
}

/** Windowed keys end with the window (Kafka Streams layout): 8-byte start, or end + start for sessions. */
export function windowKeyBytes(source: SourceDef): number {
  return source.windowType === undefined ? 0 : source.windowType === 'SESSION' ? 16 : 8;
}

export function createRowDecoder(source: SourceDef): RowDecoder {
  const { key, value } = sourceSerdes(source);
  const nKey = source.keyColumns.length;
  const nValue = source.valueColumns.length;
  const windowBytes = windowKeyBytes(source);
  const width = nKey + nValue + 3 + (windowBytes > 0 ? 2 : 0);
  const tsIndex = source.timestampColumn === undefined ? -1 : [...source.keyColumns, ...source.valueColumns].findIndex((c) => c.name === source.timestampColumn);
  return {
    decode(records, onError) {
      const rows: unknown[][] = [];
      for (const r of records) {
        let row: unknown[];
        try {
          let keyBytes = r.key;
          let windowStart = 0n;
          let windowEnd = 0n;
          if (windowBytes > 0) {
            if (!keyBytes || keyBytes.length < windowBytes) throw new Error(`windowed key shorter than its window (${keyBytes?.length ?? 0} bytes)`);
            const view = new DataView(keyBytes.buffer, keyBytes.byteOffset + keyBytes.length - windowBytes, windowBytes);
            if (windowBytes === 16) {
              windowEnd = view.getBigInt64(0);
              windowStart = view.getBigInt64(8);
            } else {
              windowStart = view.getBigInt64(0);
              windowEnd = windowStart + BigInt(source.windowSizeMs ?? 0);
            }
            keyBytes = keyBytes.subarray(0, keyBytes.length - windowBytes);
          }
          const k = nKey === 0 ? [] : key.deserialize(keyBytes);
          // A record without a value: for a table it deletes its key; for a stream it is a row
          // whose value is null (a filter drops it, a projection writes a null value).
          const tombstone = r.value === null;
          const v = tombstone ? [] : value.deserialize(r.value);
          row = new Array<unknown>(width);
          if (windowBytes > 0) {
            row[nKey + nValue + 3] = windowStart;
            row[nKey + nValue + 4] = windowEnd;
          }
          for (let i = 0; i < nKey; i++) row[i] = k[i] ?? null;
          for (let i = 0; i < nValue; i++) row[nKey + i] = v[i] ?? null;
          if (tombstone) markTombstone(row);
        } catch (err) {
          onError(err, r);
          continue;
        }
        let ts = r.timestamp;
        if (tsIndex >= 0) {
          const t = row[tsIndex];
          if (t === null || t === undefined) {
            onError(new Error(`Timestamp column ${source.timestampColumn} is NULL`), r);
            continue;
          }
          ts = Number(t);
        }
        row[nKey + nValue] = BigInt(ts);
        row[nKey + nValue + 1] = r.partition;
        row[nKey + nValue + 2] = BigInt(r.offset);
        rows.push(row);
      }
      return rows;
    },
  };
}
