/**
 * Event time from a column (WITH (TIMESTAMP='col' [, TIMESTAMP_FORMAT='pattern'])): on a source
 * it replaces the record time as ROWTIME; on a sink it is the time of the records written.
 * A BIGINT or TIMESTAMP column is epoch milliseconds; a STRING column is parsed with the Java
 * pattern (UTC unless the text names a zone). A NULL, negative or unparsable time throws: the
 * caller logs the record to the processing log and skips it, as ksqlDB's default extractor does.
 */
import type { ColumnSchema, SourceDef } from '../../analyze/catalog.js';
import { parseInstant } from '../../functions/datetime-format.js';
import { UTC_ZONE } from '../../functions/time-zone.js';

/** A record's event time could not be read (the row decoder wraps the extractor's error in it). */
export class InvalidTimestampError extends Error {}

/** Reads the event time of a row whose first columns are `columns`. */
export type TimestampExtractor = (row: readonly unknown[]) => number;

export function createTimestampExtractor(
  source: Pick<SourceDef, 'timestampColumn' | 'timestampFormat'>,
  columns: readonly ColumnSchema[],
): TimestampExtractor | undefined {
  const name = source.timestampColumn;
  if (name === undefined) return undefined;
  const index = columns.findIndex((c) => c.name === name);
  if (index < 0) throw new Error(`timestamp column ${name} is not in the row`);
  const format = source.timestampFormat;
  return (row) => {
    const v = row[index];
    if (v === null || v === undefined) throw new Error(`Timestamp column ${name} is NULL`);
    let ms: number;
    if (typeof v === 'string') {
      if (format === undefined) throw new Error(`Timestamp column ${name} is a STRING but no TIMESTAMP_FORMAT is set`);
      try {
        ms = parseInstant(v, format, UTC_ZONE);
      } catch (err) {
        throw new Error(`Failed to parse timestamp '${v}' with formatter '${format}': ${err instanceof Error ? err.message : String(err)}`);
      }
    } else ms = Number(v);
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`Invalid (negative) timestamp ${ms} in column ${name}`);
    return ms;
  };
}
