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
