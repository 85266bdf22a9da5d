/**
 * The records a pull query over a table reads: looked up by key in the table's index, or the
 * whole index in scan order, cut into batches.
 */
import type { SourceDef } from '../../analyze/catalog.js';
import type { TypedExpr } from '../../analyze/typed-expr.js';
import type { StoredRecord, TopicStore } from '../../store/topic-store.js';
import { MAX_BATCH_RECORDS } from '../batch.js';
import { compileExpr } from '../compile/index.js';
import { sourceSerdes, windowKeyBytes } from '../source/row-decoder.js';
import { tableIndexFor } from './table-index.js';

/** Per key to look up, its key column values as constant expressions. */
export type PullLookups = readonly (readonly TypedExpr[])[];

const NO_ROW: readonly unknown[] = [];

export async function pullRecords(store: TopicStore, source: SourceDef, lookups: PullLookups | undefined): Promise<StoredRecord[][]> {
  const index = tableIndexFor(store, source.topic, source.statementText, windowKeyBytes(source));
  await index.catchUp();
  const records = lookups ? index.lookup(serializeKeys(source, lookups)) : index.scan();
  const batches: StoredRecord[][] = [];
  for (let i = 0; i < records.length; i += MAX_BATCH_RECORDS) batches.push(records.slice(i, i + MAX_BATCH_RECORDS));
  return batches;
}

function serializeKeys(source: SourceDef, lookups: PullLookups): Uint8Array[] {
  const { key } = sourceSerdes(source);
  const out: Uint8Array[] = [];
  for (const tuple of lookups) {
    const values = tuple.map((e) => compileExpr(e)(NO_ROW));
    // A NULL key matches nothing (tables have no null keys).
    if (values.some((v) => v === null || v === undefined)) continue;
    const bytes = key.serialize(values);
    if (bytes) out.push(bytes);
  }
  return out;
}
