/** Records move through operators in batches of array rows (DESIGN: batches, not records). */
export interface Batch {
  readonly rows: unknown[][];
}

/** Upper bound on records read from one partition per batch. */
export const MAX_BATCH_RECORDS = 500;
