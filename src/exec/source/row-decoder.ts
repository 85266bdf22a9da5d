/**
 * Turns stored records into rows in the source's row layout:
 * [...key columns, ...value columns, ROWTIME, ROWPARTITION, ROWOFFSET].
 * Serdes are built once per source definition; a record that fails to deserialize goes to the error handler
 * and is skipped (ksqlDB: processing log, query goes on).
 */
import type { SourceDef } from '../../analyze/catalog.js';
import { createSerde, formatSchemaError, type Serde } from '../../serde/format.js';
import type { StoredRecord } from '../../store/topic-store.js';
import { UserError } from '../../sql/diagnostic.js';
import { isTombstone, markTombstone, setRecordHeaders } from '../row-flags.js';
import { headerReader } from './header-columns.js';
import { createTimestampExtractor, InvalidTimestampError } from './timestamp-extractor.js';

export type RecordErrorHandler = (error: unknown, record: StoredRecord) => void;

export interface RowDecoder {
  decode(records: readonly StoredRecord[], onError: RecordErrorHandler): unknown[][];
}

/**
 * Serdes and decoders are compiled closures without state, so one per source definition serves
 * every query over it: a pull query would otherwise compile them anew (allocations for the GC on
 * the hot path). Keyed by the catalog's immutable SourceDef object; an ALTER makes a new one.
 */
const serdesBySource = new WeakMap<SourceDef, { key: Serde; value: Serde }>();
const decoderBySource = new WeakMap<SourceDef, RowDecoder>();

export function sourceSerdes(source: SourceDef): { key: Serde; value: Serde } {
  let serdes = serdesBySource.get(source);
  if (!serdes) serdesBySource.set(source, (serdes = compileSerdes(source)));
  return serdes;
}

function compileSerdes(source: SourceDef): { key: Serde; value: Serde } {
  const key = createSerde(source.keyFormat as never, source.keyColumns, { isKey: true, ...delimiterOption(source.keyDelimiter) });
  if ('error' in key) throw new UserError('INVALID_FORMAT', formatSchemaError('Key', source.keyFormat, source.keyColumns, true, [], key.error));
  const value = createSerde(source.valueFormat as never, serializedValueColumns(source), {
    isKey: false,
    ...(source.wrapSingleValue === undefined ? {} : { wrapSingleValue: source.wrapSingleValue }),
    ...delimiterOption(source.valueDelimiter),
  });
  if ('error' in value) {
    const features = source.wrapSingleValue === undefined ? [] : [source.wrapSingleValue ? 'WRAP_SINGLES' : 'UNWRAP_SINGLES'];
    throw new UserError('INVALID_FORMAT', formatSchemaError('Value', source.valueFormat, serializedValueColumns(source), false, features, value.error));
  }
  return { key, value };
}

/** Windowed keys end with the window (Kafka Streams layout): 8-byte start, or end + start for sessions. */
export function windowKeyBytes(source: SourceDef): number {
  return source.windowType === undefined ? 0 : source.windowType === 'SESSION' ? 16 : 8;
}


/** The value columns the value format holds: header columns are read from the record's headers. */
export function serializedValueColumns(source: SourceDef): SourceDef['valueColumns'] {
  return source.valueColumns.some((c) => c.header) ? source.valueColumns.filter((c) => !c.header) : source.valueColumns;
}

const delimiterOption = (d: string | undefined): { delimiter?: string } => (d === undefined ? {} : { delimiter: d });

export function createRowDecoder(source: SourceDef): RowDecoder {
  let decoder = decoderBySource.get(source);
  if (!decoder) decoderBySource.set(source, (decoder = compileRowDecoder(source)));
  return decoder;
}

function compileRowDecoder(source: SourceDef): RowDecoder {
  const { key, value } = sourceSerdes(source);
  const nKey = source.keyColumns.length;
  const nValue = source.valueColumns.length;
  const windowBytes = windowKeyBytes(source);
  const width = nKey + nValue + 3 + (windowBytes > 0 ? 2 : 0);
  const eventTime = createTimestampExtractor(source, [...source.keyColumns, ...source.valueColumns]);
  const headerReaders = source.valueColumns.some((c) => c.header) ? source.valueColumns.map((c) => (c.header ? headerReader(c.header.key) : undefined)) : undefined;
  const timeInKey = source.keyColumns.some((c) => c.name === source.timestampColumn);
  // A table is a changelog by key: a record without a key changes no row, and Kafka Streams'
  // table source drops it (no processing-log entry, as in ksqlDB).
  const dropKeyless = source.kind === 'TABLE' && nKey > 0;
  return {
    decode(records, onError) {
      const rows: unknown[][] = [];
      for (const r of records) {
        if (dropKeyless && r.key === null) continue;
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
          if (headerReaders === undefined) for (let i = 0; i < nValue; i++) row[nKey + i] = v[i] ?? null;
          else {
            let j = 0;
            for (let i = 0; i < nValue; i++) {
              const read = headerReaders[i];
              row[nKey + i] = read ? read(r.headers) : (v[j++] ?? null);
            }
          }
          setRecordHeaders(row, r.headers);
          if (tombstone) markTombstone(row);
        } catch (err) {
          onError(err, r);
          continue;
        }
        let ts = r.timestamp;
        // A record without a value has no value columns to take its time from: it keeps its own.
        if (eventTime && !(isTombstone(row) && !timeInKey)) {
          try {
            ts = eventTime(row);
          } catch (err) {
            onError(new InvalidTimestampError(err instanceof Error ? err.message : String(err)), r);
            continue;
          }
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
