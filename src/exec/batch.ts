/** Records move through operators in batches of array rows (DESIGN: batches, not records). */
export interface Batch {
  readonly rows: unknown[][];
  /** In a join pipeline, before the join: which source the rows come from (0 left, 1 right). */
  readonly side?: 0 | 1;
}

/** Upper bound on records read from one partition per batch. */
export const MAX_BATCH_RECORDS = 500;
