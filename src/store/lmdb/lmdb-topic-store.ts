/**
 * The integrated topic store on LMDB. One environment per data dir with three databases:
 *   meta     topic name → { id, config }
 *   records  [topicId, partition, offset] → encoded record (record-codec.ts)
 *   groups   [group, topic, partition] → next offset to read
 *
 * Durability: we open LMDB with overlappingSync off, so a write transaction's commit includes the
 * fsync; `append` resolves when its transaction has committed, hence an acknowledged record is on
 * disk and survives SIGKILL or power loss. Appends made in the same event turn share one
 * transaction (lmdb-js event-turn batching), which is our group commit.
 */
import { open, type Database, type RootDatabase } from 'lmdb';
import type {
  AppendResult,
  OffsetCommit,
  PartitionWrite,
  PartitionOffsets,
  ProducerRecord,
  StoredRecord,
  TopicConfig,
  TopicDescription,
  TopicStore,
} from '../topic-store.js';
import { TopicStoreError } from '../topic-store.js';
import { decodeRecord, encodeRecord } from './record-codec.js';

/** Kafka's limit on topic names. */
export const MAX_TOPIC_NAME_LENGTH = 249;
export const MAX_PARTITIONS = 10_000;
const LEGAL_TOPIC_NAME = /^[a-zA-Z0-9._-]+$/;

interface TopicMeta {
  readonly id: number;
  readonly config: TopicConfig;
}

interface PartitionState {
  start: number;
  /** Next offset to assign (includes appends not yet committed). */
  assigned: number;
  /** Log end offset visible to readers (committed). */
  end: number;
}

/** Keys of the meta db that are not topic names start with this (illegal in topic names). */
const META_PREFIX = '\u0000';
const NEXT_TOPIC_ID = `${META_PREFIX}nextTopicId`;

type RecordKey = [number, number, number];

export interface LmdbTopicStoreOptions {
  readonly clock?: () => number;
}

export class LmdbTopicStore implements TopicStore {
  private readonly topics = new Map<string, { meta: TopicMeta; partitions: PartitionState[] }>();
  private readonly listeners = new Map<string, Set<(partition: number, endOffset: number) => void>>();
  private closed = false;
  private nextTopicId = 1;

  private constructor(
    private readonly root: RootDatabase,
    private readonly meta: Database<TopicMeta, string>,
    private readonly records: Database<Uint8Array, RecordKey>,
    private readonly groups: Database<number, [string, string, number]>,
    private readonly clock: () => number,
  ) {}

  static async open(dir: string, options: LmdbTopicStoreOptions = {}): Promise<LmdbTopicStore> {
    const root = open({ path: dir, overlappingSync: false, compression: false, mapSize: 2 ** 34 });
    const meta = root.openDB<TopicMeta, string>({ name: 'meta', encoding: 'msgpack' });
    const records = root.openDB<Uint8Array, RecordKey>({ name: 'records', encoding: 'binary' });
    const groups = root.openDB<number, [string, string, number]>({ name: 'groups', encoding: 'msgpack' });
    const store = new LmdbTopicStore(root, meta, records, groups, options.clock ?? Date.now);
    for (const { key, value } of meta.getRange({})) if (!key.startsWith(META_PREFIX)) store.topics.set(key, { meta: value, partitions: store.loadPartitions(value) });
    const stored = (meta.get(NEXT_TOPIC_ID) as unknown as number | undefined) ?? 1;
    store.nextTopicId = Math.max(stored, ...[...store.topics.values()].map((t) => t.meta.id + 1));
    return store;
  }

  private loadPartitions(meta: TopicMeta): PartitionState[] {
    const out: PartitionState[] = [];
    for (let p = 0; p < meta.config.partitions; p++) {
      let start = 0;
      let end = 0;
      for (const k of this.records.getKeys({ start: [meta.id, p, 0], end: [meta.id, p, Infinity], limit: 1 })) start = k[2];
      for (const k of this.records.getKeys({ start: [meta.id, p, Infinity], end: [meta.id, p, -1], reverse: true, limit: 1 })) end = k[2] + 1;
      if (end === 0) start = 0;
      out.push({ start, assigned: end, end });
    }
    return out;
  }

  private check(): void {
    if (this.closed) throw new TopicStoreError('STORE_CLOSED', 'the topic store is closed');
  }

  private topic(name: string): { meta: TopicMeta; partitions: PartitionState[] } {
    this.check();
    const t = this.topics.get(name);
    if (!t) throw new TopicStoreError('UNKNOWN_TOPIC', `Topic '${name}' does not exist`);
    return t;
  }

  private partition(name: string, partition: number): { meta: TopicMeta; state: PartitionState } {
    const t = this.topic(name);
    const state = t.partitions[partition];
    if (!Number.isInteger(partition) || !state) {
      throw new TopicStoreError('INVALID_PARTITION', `Topic '${name}' has no partition ${partition} (it has ${t.partitions.length})`);
    }
    return { meta: t.meta, state };
  }

  async createTopic(name: string, config: TopicConfig): Promise<TopicDescription> {
    this.check();
    if (name.length === 0 || name.length > MAX_TOPIC_NAME_LENGTH || !LEGAL_TOPIC_NAME.test(name) || name === '.' || name === '..') {
      throw new TopicStoreError('INVALID_CONFIG', `Invalid topic name '${name}': use 1-${MAX_TOPIC_NAME_LENGTH} characters of [a-zA-Z0-9._-]`);
    }
    if (!Number.isInteger(config.partitions) || config.partitions < 1 || config.partitions > MAX_PARTITIONS) {
      throw new TopicStoreError('INVALID_CONFIG', `partitions must be between 1 and ${MAX_PARTITIONS}, got ${config.partitions}`);
    }
    if (this.topics.has(name)) throw new TopicStoreError('TOPIC_EXISTS', `Topic '${name}' already exists`);
    const id = this.nextTopicId++;
    const meta: TopicMeta = { id, config: { ...config } };
    // Reserve before awaiting so concurrent creates get distinct ids and names.
    this.topics.set(name, { meta, partitions: Array.from({ length: config.partitions }, () => ({ start: 0, assigned: 0, end: 0 })) });
    await this.root.transaction(() => {
      this.meta.put(NEXT_TOPIC_ID, (id + 1) as unknown as TopicMeta);
      this.meta.put(name, meta);
    });
    return { name, config: meta.config };
  }

  describeTopic(name: string): TopicDescription | undefined {
    this.check();
    const t = this.topics.get(name);
    return t ? { name, config: t.meta.config } : undefined;
  }

  listTopics(): readonly TopicDescription[] {
    this.check();
    return [...this.topics].map(([name, t]) => ({ name, config: t.meta.config })).sort((a, b) => a.name.localeCompare(b.name));
  }

  async deleteTopic(name: string): Promise<void> {
    const t = this.topic(name);
    this.topics.delete(name);
    await this.root.transaction(() => {
      for (const key of this.records.getKeys({ start: [t.meta.id, 0, 0], end: [t.meta.id + 1, 0, 0] })) this.records.remove(key);
      this.meta.remove(name);
    });
  }

  async append(topic: string, partition: number, records: readonly ProducerRecord[]): Promise<AppendResult> {
    const { meta, state } = this.partition(topic, partition);
    const baseOffset = state.assigned;
    if (records.length === 0) return { partition, baseOffset };
    state.assigned += records.length;
    const now = this.clock();
    const encoded = records.map((r) => encodeRecord(r, r.timestamp ?? now));
    await this.root.transaction(() => {
      for (let i = 0; i < encoded.length; i++) this.records.put([meta.id, partition, baseOffset + i], encoded[i]!);
    });
    // Transactions commit in order, so the end offset only moves forward.
    if (baseOffset + records.length > state.end) state.end = baseOffset + records.length;
    const ls = this.listeners.get(topic);
    if (ls) for (const l of ls) l(partition, state.end);
    return { partition, baseOffset };
  }

  async appendAtomic(writes: readonly PartitionWrite[], commit?: OffsetCommit): Promise<readonly AppendResult[]> {
    if (commit) this.topic(commit.topic);
    const now = this.clock();
    const planned = writes.map((w) => {
      const { meta, state } = this.partition(w.topic, w.partition);
      return { w, meta, state, encoded: w.records.map((r) => encodeRecord(r, r.timestamp ?? now)) };
    });
    // Assign offsets only after every write validated, so a bad partition assigns nothing.
    const bases = planned.map((p) => {
      const base = p.state.assigned;
      p.state.assigned += p.encoded.length;
      return base;
    });
    await this.root.transaction(() => {
      planned.forEach((p, i) => {
        for (let j = 0; j < p.encoded.length; j++) this.records.put([p.meta.id, p.w.partition, bases[i]! + j], p.encoded[j]!);
      });
      if (commit) for (const [part, o] of commit.offsets) this.groups.put([commit.group, commit.topic, part], o);
    });
    planned.forEach((p, i) => {
      const end = bases[i]! + p.encoded.length;
      if (end > p.state.end) p.state.end = end;
    });
    planned.forEach((p) => {
      if (p.encoded.length === 0) return;
      const ls = this.listeners.get(p.w.topic);
      if (ls) for (const l of ls) l(p.w.partition, p.state.end);
    });
    return planned.map((p, i) => ({ partition: p.w.partition, baseOffset: bases[i]! }));
  }

  async read(topic: string, partition: number, fromOffset: number, maxRecords: number): Promise<readonly StoredRecord[]> {
    const { meta, state } = this.partition(topic, partition);
    const from = Math.max(fromOffset, state.start);
    if (from >= state.end || maxRecords <= 0) return [];
    const out: StoredRecord[] = [];
    for (const { key, value } of this.records.getRange({ start: [meta.id, partition, from], end: [meta.id, partition, state.end], limit: maxRecords })) {
      const d = decodeRecord(value);
      out.push({ partition, offset: key[2], timestamp: d.timestamp, key: d.key, value: d.value, headers: d.headers });
    }
    return out;
  }

  offsets(topic: string, partition: number): PartitionOffsets {
    const { state } = this.partition(topic, partition);
    return { start: state.start, end: state.end };
  }

  async offsetForTimestamp(topic: string, partition: number, timestamp: number): Promise<number> {
    const { meta, state } = this.partition(topic, partition);
    for (const { key, value } of this.records.getRange({ start: [meta.id, partition, state.start], end: [meta.id, partition, state.end] })) {
      if (decodeRecord(value).timestamp >= timestamp) return key[2];
    }
    return state.end;
  }

  async commitOffsets(group: string, topic: string, offsets: ReadonlyMap<number, number>): Promise<void> {
    this.topic(topic);
    await this.root.transaction(() => {
      for (const [p, o] of offsets) this.groups.put([group, topic, p], o);
    });
  }

  committedOffsets(group: string, topic: string): ReadonlyMap<number, number> {
    this.topic(topic);
    const out = new Map<number, number>();
    for (const { key, value } of this.groups.getRange({ start: [group, topic, 0], end: [group, topic, Infinity] })) out.set(key[2], value);
    return out;
  }

  onAppend(topic: string, listener: (partition: number, endOffset: number) => void): () => void {
    let set = this.listeners.get(topic);
    if (!set) this.listeners.set(topic, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.root.close();
  }
}
