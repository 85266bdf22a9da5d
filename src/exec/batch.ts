/** Records move through operators in batches of array rows (DESIGN: batches, not records). */
export interface Batch {
  readonly rows: unknown[][];
  /** In a join pipeline, before the joins: which source the rows come from (0 = FROM, i = i-th JOIN). */
  readonly side?: number;
}

/** Upper bound on records read from one partition per batch. */
export const MAX_BATCH_RECORDS = 2000;
