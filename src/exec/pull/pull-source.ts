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
import { tableIndexFor, type TableIndex } from './table-index.js';
import type { Serde } from '../../serde/format.js';

/** Per disjunct of the WHERE, per key to look up, its key column values as constant expressions. */
export type PullLookups = readonly (readonly (readonly TypedExpr[])[])[];

/** Constant bounds of a single STRING key (KAFKA format): lows and highs, all inclusive. */
export interface PullRange {
  readonly lows: readonly TypedExpr[];
  readonly highs: readonly TypedExpr[];
}

const NO_ROW: readonly unknown[] = [];

export async function pullRecords(store: TopicStore, source: SourceDef, lookups: PullLookups | undefined, range?: PullRange): Promise<StoredRecord[][]> {
  const index = tableIndexFor(store, source.topic, source.statementText, windowKeyBytes(source));
  await index.catchUp();
  const records = lookups ? lookupAll(index, source, lookups) : range ? seek(index, range) : index.scan();
  const batches: StoredRecord[][] = [];
  for (let i = 0; i < records.length; i += MAX_BATCH_RECORDS) batches.push(records.slice(i, i + MAX_BATCH_RECORDS));
  return batches;
}

/**
 * The keys of each disjunct in the order written (an IN list keeps its order); disjuncts in the
 * order of the partition their first key lives in, as ksqlDB's per-partition lookups answer
 * (see docs/decisions/0041-pull-queries.md). A key two disjuncts share comes once.
 */
function lookupAll(index: TableIndex, source: SourceDef, lookups: PullLookups): StoredRecord[] {
  const { key } = sourceSerdes(source);
  const groups = lookups.map((tuples) => index.lookup(serializeKeys(key, tuples)));
  const first = (g: readonly StoredRecord[]): number => g[0]?.partition ?? Number.MAX_SAFE_INTEGER;
  const ordered = groups.map((g, i) => ({ g, i })).sort((a, b) => first(a.g) - first(b.g) || a.i - b.i);
  const seen = new Set<string>();
  const out: StoredRecord[] = [];
  for (const { g } of ordered) {
    for (const r of g) {
      const id = `${r.partition}:${r.offset}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(r);
    }
  }
  return out;
}

function serializeKeys(key: Serde, tuples: readonly (readonly TypedExpr[])[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const tuple of tuples) {
    const values = tuple.map((e) => compileExpr(e)(NO_ROW));
    // A NULL key matches nothing (tables have no null keys).
    if (values.some((v) => v === null || v === undefined)) continue;
    const bytes = key.serialize(values);
    if (bytes) out.push(bytes);
  }
  return out;
}

/**
 * Reads the keys from the greatest low bound to the least high one. A KAFKA STRING key is its UTF-8
 * bytes, whose order is that of code points; SQL compares strings by UTF-16 units, which agrees
 * with it against a bound without surrogates or characters past them (U+D800 and up), so only such
 * bounds are used. A NULL bound admits no key.
 */
function seek(index: TableIndex, range: PullRange): StoredRecord[] {
  const values = (es: readonly TypedExpr[]): (string | null)[] =>
    es.map((e) => compileExpr(e)(NO_ROW)).map((v) => (v === null || v === undefined ? null : String(v)));
  const lows = values(range.lows);
  const highs = values(range.highs);
  if (lows.includes(null) || highs.includes(null)) return [];
  const usable = (xs: (string | null)[]): string[] => (xs as string[]).filter((x) => !/[\uD800-\uFFFF]/.test(x));
  const low = usable(lows).reduce<string | undefined>((a, b) => (a === undefined || b > a ? b : a), undefined);
  const high = usable(highs).reduce<string | undefined>((a, b) => (a === undefined || b < a ? b : a), undefined);
  const utf8 = (x: string | undefined): Uint8Array | undefined => (x === undefined ? undefined : Buffer.from(x, 'utf8'));
  return index.range(utf8(low), utf8(high));
}
