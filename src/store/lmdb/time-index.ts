/**
 * A sparse time index per partition, as Kafka's .timeindex: it answers "first offset whose
 * timestamp >= t" without scanning the log, although timestamps need not grow with offsets.
 *
 * Let max(o) be the largest timestamp among offsets <= o. The first record with timestamp >= t is
 * exactly the first record that raised max(o) to >= t: a "new maximum". So only new maxima need
 * indexing, and their timestamps strictly increase with their offsets, so the index is keyed by
 * timestamp and a range read finds them. To keep the index small we index a new maximum only when
 * at least TIME_INDEX_INTERVAL records passed since the last entry; an unindexed new maximum then
 * lies within TIME_INDEX_INTERVAL records after the previous entry, which bounds the scan.
 */

/** Records between two index entries at most (except where no new maximum occurs). */
export const TIME_INDEX_INTERVAL = 128;

/** What the index needs to remember about a partition, kept in the partition's state. */
export interface TimeIndexState {
  /** Largest timestamp ever appended to the partition, null before the first record. */
  readonly maxTimestamp: number | null;
  /** Offset of the last index entry, -1 when there is none. */
  readonly lastIndexedOffset: number;
}

/** Whether the record at `offset` with `timestamp` gets an index entry; returns the next state. */
export function indexRecord(state: TimeIndexState, offset: number, timestamp: number): { state: TimeIndexState; index: boolean } {
  if (state.maxTimestamp !== null && timestamp <= state.maxTimestamp) return { state, index: false };
  const index = state.lastIndexedOffset < 0 || offset - state.lastIndexedOffset >= TIME_INDEX_INTERVAL;
  return { state: { maxTimestamp: timestamp, lastIndexedOffset: index ? offset : state.lastIndexedOffset }, index };
}

/**
 * Which offsets to scan (inclusive) for the first timestamp >= t, given the log's [start, end),
 * the offset of the last entry with timestamp < t (`below`) and of the first entry with timestamp
 * >= t (`atOrAbove`). Undefined means the answer is `end` without scanning.
 * Records below `start` are gone (retention); if the entry `below` is among them, the maxima it
 * summarised are gone too and we scan from `start` up to the next entry.
 */
export function scanBounds(
  start: number,
  end: number,
  below: number | undefined,
  atOrAbove: number | undefined,
): { from: number; to: number } | undefined {
  if (start >= end) return undefined;
  let from = start;
  let to = end - 1;
  if (below !== undefined && below + 1 >= start) {
    from = below + 1;
    to = Math.min(to, below + TIME_INDEX_INTERVAL);
  }
  if (atOrAbove !== undefined && atOrAbove >= from) to = Math.min(to, atOrAbove);
  return from <= to ? { from, to } : undefined;
}
