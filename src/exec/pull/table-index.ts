/**
 * The materialized state a pull query reads: for one table's topic, the latest record of every
 * live key, per partition, keyed by the key's bytes. It is built on the first pull query and then
 * caught up incrementally (only records appended since the last query are read), so a key lookup
 * costs a map get instead of a topic scan. Deleted keys (tombstones) leave the index.
 *
 * Scan order is ksqlDB's (a RocksDB store per partition): partitions in order, keys by their
 * serialized bytes (a windowed key's bytes end with its window, so windows of a key are in order).
 */
import type { Header, StoredRecord, TopicStore } from '../../store/topic-store.js';
import { readTopic } from '../source/topic-reader.js';
import { latin1Text } from '../../serde/utf8.js';

/** Indexes kept per store; dropped with the store object (a closed engine). */
const indexes = new WeakMap<TopicStore, Map<string, TableIndex>>();

/**
 * The index of `topic` in `store`, rebuilt when the topic was re-created (another table, or fewer
 * records than indexed). `identity` names the table definition that owns the topic.
 */
export function tableIndexFor(store: TopicStore, topic: string, identity: string, windowBytes: number): TableIndex {
  let byTopic = indexes.get(store);
  if (!byTopic) indexes.set(store, (byTopic = new Map()));
  const existing = byTopic.get(topic);
  if (existing && existing.identity === identity && !existing.isStale(store)) return existing;
  const fresh = new TableIndex(store, topic, identity, windowBytes);
  byTopic.set(topic, fresh);
  return fresh;
}

const keyText = (key: Uint8Array | null): string => (key === null ? '' : latin1Text(key));

/**
 * A live row as the index holds it: bytes as latin1 strings, not typed arrays — 100k typed arrays
 * (and their backing stores) make every major GC of a busy server pay for them; strings cost little.
 */
interface Entry {
  readonly offset: number;
  readonly timestamp: number;
  readonly value: string;
  readonly headers?: readonly Header[];
}

const toRecord = (partition: number, key: string, e: Entry): StoredRecord => ({
  partition,
  offset: e.offset,
  timestamp: e.timestamp,
  key: key === '' ? null : Buffer.from(key, 'latin1'),
  value: Buffer.from(e.value, 'latin1'),
  headers: e.headers ?? [],
});

export class TableIndex {
  private readonly latest: Map<string, Entry>[] = [];
  /** Windowed tables: key without its window → the full keys (with window) that are live. */
  private readonly windows: Map<string, Set<string>>[] = [];
  /** Per partition, the next offset to index. */
  private readonly position = new Map<number, number>();
  private readonly sorted: (string[] | undefined)[] = [];
  private catchingUp: Promise<void> | undefined;

  constructor(
    private readonly store: TopicStore,
    private readonly topic: string,
    readonly identity: string,
    private readonly windowBytes: number,
  ) {}

  /** The topic was truncated or re-created below what this index has seen. */
  isStale(store: TopicStore): boolean {
    const desc = store.describeTopic(this.topic);
    if (!desc) return true;
    for (const [p, next] of this.position) {
      if (p >= desc.config.partitions || store.offsets(this.topic, p).end < next) return true;
    }
    return false;
  }

  /** Reads what was appended since the last call; concurrent callers share one read. */
  catchUp(): Promise<void> {
    if (this.catchingUp) return this.catchingUp.then(() => this.catchUp());
    const desc = this.store.describeTopic(this.topic);
    if (!desc) return Promise.resolve();
    let behind = false;
    for (let p = 0; p < desc.config.partitions; p++) {
      if (this.store.offsets(this.topic, p).end > (this.position.get(p) ?? 0)) behind = true;
    }
    if (!behind) return Promise.resolve();
    this.catchingUp = this.read().finally(() => (this.catchingUp = undefined));
    return this.catchingUp;
  }

  private async read(): Promise<void> {
    const reader = readTopic({ store: this.store, topic: this.topic, from: 'earliest', mode: 'snapshot', start: this.position });
    for await (const records of reader) {
      for (const r of records) this.apply(r);
    }
  }

  private apply(r: StoredRecord): void {
    const p = r.partition;
    const latest = (this.latest[p] ??= new Map());
    const k = keyText(r.key);
    if (r.value === null) latest.delete(k);
    else latest.set(k, { offset: r.offset, timestamp: r.timestamp, value: keyText(r.value), ...(r.headers.length > 0 ? { headers: r.headers } : {}) });
    if (this.windowBytes > 0) {
      const windows = (this.windows[p] ??= new Map());
      const prefix = k.slice(0, Math.max(0, k.length - this.windowBytes));
      let set = windows.get(prefix);
      if (r.value === null) {
        set?.delete(k);
        if (set?.size === 0) windows.delete(prefix);
      } else {
        if (!set) windows.set(prefix, (set = new Set()));
        set.add(k);
      }
    }
    this.sorted[p] = undefined;
    this.position.set(p, r.offset + 1);
  }

  /** Every live record: partitions in order, keys in byte order. */
  scan(): StoredRecord[] {
    return this.range(undefined, undefined);
  }

  /**
   * The live records whose key bytes lie between `low` and `high` (both inclusive, absent = open):
   * per partition a binary search to the lower bound, then keys in order up to the upper one.
   */
  range(low: Uint8Array | undefined, high: Uint8Array | undefined): StoredRecord[] {
    const lo = low === undefined ? undefined : keyText(low);
    const hi = high === undefined ? undefined : keyText(high);
    const out: StoredRecord[] = [];
    if (lo !== undefined && hi !== undefined && lo > hi) return out;
    for (let p = 0; p < this.latest.length; p++) {
      const map = this.latest[p];
      if (!map) continue;
      // latin1 strings compare as their bytes do.
      const keys = (this.sorted[p] ??= [...map.keys()].sort());
      for (let i = lo === undefined ? 0 : lowerBound(keys, lo); i < keys.length; i++) {
        const k = keys[i]!;
        if (hi !== undefined && k > hi) break;
        out.push(toRecord(p, k, map.get(k)!));
      }
    }
    return out;
  }

  /**
   * The live records of the given serialized keys (without window), each key once, in the order
   * asked; a windowed key yields all its windows in window order.
   */
  lookup(keys: readonly Uint8Array[]): StoredRecord[] {
    const hits: { p: number; k: string; e: Entry }[] = [];
    const seen = new Set<string>();
    for (const key of keys) {
      const k = keyText(key);
      if (seen.has(k)) continue;
      seen.add(k);
      for (let p = 0; p < this.latest.length; p++) {
        const map = this.latest[p];
        if (!map) continue;
        if (this.windowBytes === 0) {
          const e = map.get(k);
          if (e) hits.push({ p, k, e });
          continue;
        }
        for (const fk of [...(this.windows[p]?.get(k) ?? [])].sort()) hits.push({ p, k: fk, e: map.get(fk)! });
      }
    }
    return hits.map((h) => toRecord(h.p, h.k, h.e));
  }
}

/** The first index of sorted `keys` whose key is not below `k`. */
function lowerBound(keys: readonly string[], k: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
