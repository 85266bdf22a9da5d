/**
 * A row may stand for a table tombstone (a deleted key): it keeps its key columns, its value
 * columns are NULL, and it carries this mark through the operators to the sink, which writes a
 * null value. A property on the array keeps rows plain arrays for everything else.
 */
const TOMBSTONE = Symbol('tombstone');

type Marked = unknown[] & { [TOMBSTONE]?: true };

export function markTombstone<T extends unknown[]>(row: T): T {
  (row as Marked)[TOMBSTONE] = true;
  return row;
}

export function isTombstone(row: readonly unknown[]): boolean {
  return (row as Marked)[TOMBSTONE] === true;
}

/**
 * The headers of the record a row came from: they travel with the row (projections copy them) so
 * that a sink writes them again, as ksqlDB's output records keep their input's headers.
 */
const HEADERS = Symbol('headers');

type WithHeaders = unknown[] & { [HEADERS]?: readonly (readonly [string, Uint8Array | null])[] };

export function setRecordHeaders<T extends unknown[]>(row: T, headers: readonly (readonly [string, Uint8Array | null])[]): T {
  if (headers.length > 0) (row as WithHeaders)[HEADERS] = headers;
  return row;
}

export function recordHeaders(row: readonly unknown[]): readonly (readonly [string, Uint8Array | null])[] {
  return (row as WithHeaders)[HEADERS] ?? [];
}
