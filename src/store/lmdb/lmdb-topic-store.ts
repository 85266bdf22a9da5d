/**
 * The integrated topic store on LMDB (lmdb-js). One environment per store dir, six databases:
 *   topics      name → { id, config }            (ids are never reused, see deleteTopic)
 *   partitions  [topicId, partition] → { start, end, bytes, time-index state }
 *   batches     record-key.ts binary key (topicId, partition, baseOffset) → a Kafka RecordBatch v2
 *               (record-batch.ts), the producer's bytes with only baseOffset rewritten
 *   timeIndex   binary key (topicId, partition, maxTimestamp) → baseOffset of a batch (time-index.ts)
 *   groups      [topicId, group] → [[partition, next offset], ...]
 *   meta        'storeFormat' → STORE_FORMAT; 'nextTopicId' → number; ['purge', topicId] → true
 *               while a deleted topic's data is still being removed
 *
 * The log start offset may fall inside a batch (retention by time moves it record by record, as
 * Kafka's DeleteRecords does); a batch is removed once all its records are below the start.
 * Retention by bytes and compaction work on whole batches (docs/decisions/0043-record-batch.md).
 *
 * Durability. lmdb-js enables `overlappingSync` by default on Linux: a commit becomes visible and
 * its promise resolves *before* the fsync, which runs while the next transaction is already being
 * written. A SIGKILL then loses nothing (the OS page cache has the pages and lmdb-js trusts the
 * newer meta page while the boot id is unchanged), but a power loss can lose commits whose
 * promises already resolved — and readers could have seen (and forwarded) records that later
 * vanish. We therefore open with `overlappingSync: false`: mdb_txn_commit syncs the data pages and
 * then the meta page before the commit promise resolves, so "acknowledged" = "visible" = "on
 * disk". The price is one fsync per transaction, which group commit amortises: append calls
 * queued while a commit is under way run together in the next write transaction (lmdb-js groups
 * queued `transaction` callbacks), so N concurrent producers cost a few fsyncs, not N.
 *
 * Offsets are assigned inside the write transaction from the partition row, never from memory,
 * so a failed or aborted transaction leaves no gap and concurrent appends cannot collide. Every
 * transaction callback validates first and writes after, and reports failures as values: lmdb-js
 * would commit the writes a callback made before it threw.
 *
 * Single writer process: the data-dir lock (../data-dir-lock.ts) makes this process the only
 * writer, so the in-memory mirror of topics and offsets (for the synchronous methods) is exact.
 */
import { open, type Database, type RootDatabase } from 'lmdb';
import { validateTopic, withDefaults } from '../topic-config.js';
import {
  TopicStoreError,
  type AppendResult,
  type GroupOffset,
  type ReadOptions,
  type TopicConfigChange,
  type OffsetCommit,
  type PartitionOffsets,
  type PartitionWrite,
  type ProducerRecord,
  type StoredRecord,
  type TopicConfig,
  type TopicDescription,
  type TopicStore,
} from '../topic-store.js';
import {
  batchLastOffsetDelta,
  batchMaxTimestamp,
  batchRecordsCount,
  checkBatch,
  decodeBatchRecords,
  encodeBatch,
  MAX_ABS_VARINT,
  setBaseOffset,
  type BatchHeader,
  type BatchRecord,
  type RecordToEncode,
} from './record-batch.js';
import { loadCodec, loadedCodec, type Codec, type CompressionType } from './compression.js';
import { offsetOfRecordKey, partitionStart, recordKey, timeIndexKey, topicStart } from './record-key.js';
import { indexRecord, scanBounds, type TimeIndexState } from './time-index.js';
import { CleanupScheduler, DEFAULT_CLEANUP_INTERVAL_MS, type Timers } from './cleanup-scheduler.js';
import { CompactionScan } from './compaction.js';

/** Virtual address space reserved up front; LMDB grows the file as needed, not to this size. */
export const INITIAL_MAP_SIZE = 2 ** 32;
/** Most records one append / appendAtomic call may write (keeps a transaction bounded). */
export const MAX_APPEND_RECORDS = 100_000;
/** Most records one read returns, whatever maxRecords asks for. */
export const MAX_READ_RECORDS = 100_000;
/** Keys removed per transaction when deleting a topic. */
export const PURGE_CHUNK = 10_000;
/**
 * Records removed per transaction by retention and compaction: small, so an append queued behind
 * a cleanup step waits for at most this many deletes (the cleaner never stalls appends).
 */
export const CLEANER_CHUNK = 1_000;
/** Batches read per range request while scanning timestamps. */
const TIMESTAMP_SCAN_CHUNK = 256;
/**
 * The on-disk layout: 2 = Kafka RecordBatch v2 per key. Stores written before the marker existed
 * (one record per key) are refused with UNSUPPORTED_STORE_FORMAT (docs/decisions/0043).
 */
export const STORE_FORMAT = 2;
/** Records per batch the engine-facing append builds (a Kafka producer's batch is about as big). */
export const MAX_BATCH_RECORDS = 1_000;
/** Bytes of records per batch the engine-facing append builds at most (unless one record is bigger). */
export const MAX_BATCH_BYTES = 1024 * 1024;

export interface LmdbTopicStoreOptions {
  /** Epoch ms; default timestamps of appended records and the retention cutoff. */
  readonly clock?: () => number;
  /**
   * How often retention and compaction run in the background (Kafka's
   * log.retention.check.interval.ms); 0 turns the background cleaner off. The timer is unref'd.
   */
  readonly cleanupIntervalMs?: number;
  /** Timer functions for the background cleaner (a fake clock in tests). */
  readonly timers?: Timers;
  /**
   * 'fsync' (default): an append resolves once it is on disk. 'relaxed': it resolves once
   * committed to the OS, and the fsync follows in the background (lmdb-js overlappingSync) — a
   * killed process loses nothing, but a power loss or kernel crash can lose the last acknowledged
   * appends (the store stays consistent). See docs/decisions/0010.
   */
  readonly durability?: Durability;
}

export type Durability = 'fsync' | 'relaxed';

interface TopicRow {
  readonly id: number;
  readonly config: TopicConfig;
}

interface PartitionRow extends TimeIndexState {
  readonly start: number;
  readonly end: number;
  /** Bytes of the stored records; absent in stores written before it existed (counts as 0). */
  readonly bytes?: number;
}

interface LivePartition {
  start: number;
  end: number;
  bytes: number;
  /** The last small read (SHARED_READ_MAX_RECORDS), handed to the next identical read while start and end are unchanged. */
  lastRead?: SharedRead;
}

/**
 * An append wakes every push query reading the topic, and each reads the same few new records
 * (50 readers: 50 identical LMDB range reads and batch decodes). Reads return readonly records,
 * so the first reader's result serves the others. Only small reads are kept, so a partition never
 * holds a large batch alive for this.
 */
export const SHARED_READ_MAX_RECORDS = 100;

interface SharedRead {
  readonly from: number;
  readonly limit: number;
  readonly maxBytes: number;
  readonly start: number;
  readonly end: number;
  readonly records: readonly StoredRecord[];
}

type GroupRow = readonly (readonly [partition: number, offset: number])[];

type Listener = (partition: number, endOffset: number) => void;

/** The in-memory mirror of one topic; changed only after the transaction that changed it committed. */
interface LiveTopic {
  readonly id: number;
  description: TopicDescription;
  readonly partitions: LivePartition[];
}

/** One encoded batch waiting for its base offset. */
interface EncodedBatch {
  readonly bytes: Uint8Array;
  readonly maxTimestamp: number;
  readonly lastOffsetDelta: number;
}

interface EncodedWrite {
  readonly topic: string;
  readonly topicId: number;
  readonly partition: number;
  readonly batches: readonly EncodedBatch[];
}

interface WriteOutcome {
  readonly write: EncodedWrite;
  readonly baseOffset: number;
  readonly end: number;
  readonly bytes: number;
}

type TxnResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: TopicStoreError };

const NEXT_TOPIC_ID = 'nextTopicId';
const FORMAT_KEY = 'storeFormat';
const PURGE = 'purge';

/** Thrown inside a synchronous scan that met a batch whose codec is not loaded yet; see withCodecs. */
class CodecNeeded extends Error {
  constructor(readonly type: CompressionType) {
    super(`codec ${type} not loaded`);
  }
}

function codecOrThrow(type: CompressionType): Codec {
  const codec = loadedCodec(type);
  if (!codec) throw new CodecNeeded(type);
  return codec;
}

/** Runs a synchronous scan, loading codecs it asks for (CodecNeeded) and running it again. */
async function withCodecs<T>(scan: () => T): Promise<T> {
  for (;;) {
    try {
      return scan();
    } catch (err) {
      if (!(err instanceof CodecNeeded)) throw err;
      await loadCodec(err.type);
    }
  }
}

/**
 * lmdb-js rejects a transaction whose commit failed with "Commit failed" and the OS error in a
 * second promise (`commitError`) that nobody else awaits — left alone, it would be an unhandled
 * rejection that ends the process. It becomes one STORAGE_FAILED error naming the cause. LMDB
 * aborted the transaction, so nothing of it is visible and nothing committed before is touched.
 */
async function storageFailure(path: string, err: unknown): Promise<unknown> {
  if (err instanceof TopicStoreError || err instanceof RangeError) return err;
  let cause: unknown = err;
  const commitError = (err as { commitError?: unknown } | null)?.commitError;
  if (commitError instanceof Promise) cause = await commitError.then(() => err, (inner: unknown) => inner);
  if (!(err instanceof Error) || !(/commit failed/i.test(err.message) || isOsError(cause))) return err;
  const text = cause instanceof Error ? cause.message : String(cause);
  return new TopicStoreError(
    'STORAGE_FAILED',
    `could not write to the topic store at ${path}: ${text} (is the disk full?); the write was not acknowledged, and every record acknowledged before it is kept`,
  );
}

function isOsError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'number' || (typeof code === 'string' && /^E[A-Z]+$/.test(code));
}

function corrupt(topic: string, partition: number, offset: number, err: unknown): TopicStoreError {
  return new TopicStoreError(
    'CORRUPT_RECORD',
    `corrupt record in topic '${topic}' partition ${partition} at offset ${offset}: ${err instanceof Error ? err.message : String(err)}`,
  );
}

/** Checks and decodes a stored batch; CodecNeeded passes through, anything else is CORRUPT_RECORD. */
function decodeStored(topic: string, partition: number, baseOffset: number, stored: Uint8Array): { header: BatchHeader; records: BatchRecord[] } {
  // Plain Uint8Array views (not Buffers) for the keys and values handed out.
  const bytes = new Uint8Array(stored.buffer, stored.byteOffset, stored.byteLength);
  let header: BatchHeader;
  try {
    header = checkBatch(bytes);
  } catch (err) {
    throw corrupt(topic, partition, baseOffset, err);
  }
  const codec = codecOrThrow(header.compression);
  try {
    return { header, records: header.control ? [] : decodeBatchRecords(bytes, header, codec) };
  } catch (err) {
    throw corrupt(topic, partition, baseOffset, err);
  }
}

function unknownTopic(name: string): TopicStoreError {
  return new TopicStoreError('UNKNOWN_TOPIC', `Topic '${name}' does not exist`);
}

export class LmdbTopicStore implements TopicStore {
  private readonly live = new Map<string, LiveTopic>();
  private readonly listeners = new Map<string, Set<Listener>>();
  /** Operations close() waits for. */
  private readonly pending = new Set<Promise<unknown>>();
  private closed = false;
  private readonly cleaner: CleanupScheduler | undefined;
  /**
   * Committed offsets per "topicId/group", loaded at open and updated when a commit's transaction
   * has resolved, in the same step as the partitions' end offsets: so a reader never sees a group
   * committed past records that `read` does not return yet (LMDB shows the group row as soon as
   * the transaction commits, before its promise resolves).
   */
  private readonly committed = new Map<string, ReadonlyMap<number, number>>();
  /** Per compacted partition ("topicId/partition"): the end offset the last compaction saw. */
  private readonly compactedUpTo = new Map<string, { end: number; tombstones: number }>();

  private constructor(
    readonly path: string,
    private readonly root: RootDatabase,
    private readonly topics: Database<TopicRow, string>,
    private readonly partitions: Database<PartitionRow, [number, number]>,
    private readonly batches: Database<Buffer, Buffer>,
    private readonly timeIndex: Database<number, Buffer>,
    private readonly groups: Database<GroupRow, [number, string]>,
    private readonly meta: Database<number | boolean, string | [string, number]>,
    private readonly clock: () => number,
    options: LmdbTopicStoreOptions,
  ) {
    const interval = options.cleanupIntervalMs ?? DEFAULT_CLEANUP_INTERVAL_MS;
    this.cleaner = interval > 0 ? new CleanupScheduler(interval, () => this.track(this.deleteExpiredRecords()), options.timers) : undefined;
  }

  static async open(dir: string, options: LmdbTopicStoreOptions = {}): Promise<LmdbTopicStore> {
    // overlappingSync off unless relaxed: see the header comment (durability). eventTurnBatching
    // off: with it, lmdb-js starts each event turn's batch with an internal promise nobody awaits,
    // so a failed commit (a full disk) became an unhandled rejection that ended the process. We
    // write only through transaction(), whose callbacks lmdb-js still groups into one LMDB
    // transaction (group commit; measured: 200 concurrent appends take ~1 fsync either way).
    const root = open({ path: dir, overlappingSync: options.durability === 'relaxed', eventTurnBatching: false, mapSize: INITIAL_MAP_SIZE, maxDbs: 8, compression: false });
    const store = new LmdbTopicStore(
      dir,
      root,
      root.openDB<TopicRow, string>({ name: 'topics', encoding: 'msgpack' }),
      root.openDB<PartitionRow, [number, number]>({ name: 'partitions', encoding: 'msgpack' }),
      root.openDB<Buffer, Buffer>({ name: 'batches', encoding: 'binary', keyEncoding: 'binary' }),
      root.openDB<number, Buffer>({ name: 'timeIndex', encoding: 'msgpack', keyEncoding: 'binary' }),
      root.openDB<GroupRow, [number, string]>({ name: 'groups', encoding: 'msgpack' }),
      root.openDB<number | boolean, string | [string, number]>({ name: 'meta', encoding: 'msgpack' }),
      options.clock ?? Date.now,
      options,
    );
    try {
      await store.checkFormat();
    } catch (err) {
      await root.close();
      throw err;
    }
    for (const { key: name, value: row } of store.topics.getRange({})) {
      const partitions: LivePartition[] = [];
      for (let p = 0; p < row.config.partitions; p++) {
        const state = store.partitions.get([row.id, p]);
        if (!state) throw new Error(`store corrupt: topic '${name}' has no row for partition ${p}`);
        partitions.push({ start: state.start, end: state.end, bytes: state.bytes ?? 0 });
      }
      store.live.set(name, { id: row.id, description: describe(name, row.config), partitions });
    }
    for (const { key: [topicId, group], value } of store.groups.getRange({})) store.committed.set(groupKey(topicId, group), new Map(value));
    // Finish deletions a crash interrupted; close() waits for them or they resume next time.
    for (const key of store.meta.getKeys({ start: [PURGE, 0], end: [PURGE, Number.MAX_SAFE_INTEGER] })) {
      if (Array.isArray(key) && typeof key[1] === 'number') void store.track(store.purgeTopicData(key[1]));
    }
    store.cleaner?.start();
    return store;
  }

  /** Stamps a new store with STORE_FORMAT; refuses a store of another format. */
  private async checkFormat(): Promise<void> {
    const format = this.meta.get(FORMAT_KEY);
    if (format === STORE_FORMAT) return;
    if (format === undefined && this.meta.get(NEXT_TOPIC_ID) === undefined) {
      await this.root.transaction(() => {
        this.meta.put(FORMAT_KEY, STORE_FORMAT);
      });
      return;
    }
    const written = format === undefined ? 'format 1 (one record per key, before Kafka RecordBatch v2)' : `format ${String(format)}`;
    throw new TopicStoreError(
      'UNSUPPORTED_STORE_FORMAT',
      `the topic store at ${this.path} was written in store ${written}; this streamsql reads only store format ${STORE_FORMAT} ` +
        `(Kafka RecordBatch v2) and does not convert it: copy its topics out with the streamsql that wrote it ` +
        `(streamsql consume), then move the data dir away and start with an empty one`,
    );
  }

  // ---------------------------------------------------------------- topics

  async createTopic(name: string, config: TopicConfig): Promise<TopicDescription> {
    this.checkOpen();
    validateTopic(name, config);
    const frozen = withDefaults(config);
    const result = await this.track(
      this.root.transaction((): TxnResult<number> => {
        if (this.topics.get(name) !== undefined) {
          return { ok: false, error: new TopicStoreError('TOPIC_EXISTS', `Topic '${name}' already exists`) };
        }
        const id = (this.meta.get(NEXT_TOPIC_ID) as number | undefined) ?? 1;
        this.meta.put(NEXT_TOPIC_ID, id + 1);
        this.topics.put(name, { id, config: frozen });
        for (let p = 0; p < frozen.partitions; p++) {
          this.partitions.put([id, p], emptyPartition());
        }
        return { ok: true, value: id };
      }),
    );
    if (!result.ok) throw result.error;
    const description = describe(name, frozen);
    this.live.set(name, {
      id: result.value,
      description,
      partitions: Array.from({ length: frozen.partitions }, () => ({ start: 0, end: 0, bytes: 0 })),
    });
    return description;
  }

  /**
   * Changes a topic's configs in one transaction. New partitions start empty; shrinking is refused
   * (records and keyed placement would be lost). Retention changes apply at the next cleanup.
   */
  async alterTopic(name: string, change: TopicConfigChange): Promise<TopicDescription> {
    this.checkOpen();
    const current = this.liveTopic(name);
    const next = withDefaults({ ...current.description.config, ...definedFields(change) });
    validateTopic(name, next);
    if (next.partitions < current.description.config.partitions) {
      throw new TopicStoreError(
        'INVALID_CONFIG',
        `Topic '${name}' has ${current.description.config.partitions} partitions; partitions can grow but never shrink (asked for ${next.partitions})`,
      );
    }
    const result = await this.track(
      this.root.transaction((): TxnResult<number> => {
        const row = this.topics.get(name);
        if (row?.id !== current.id) return { ok: false, error: unknownTopic(name) };
        for (let p = row.config.partitions; p < next.partitions; p++) this.partitions.put([row.id, p], emptyPartition());
        this.topics.put(name, { id: row.id, config: next });
        return { ok: true, value: row.config.partitions };
      }),
    );
    if (!result.ok) throw result.error;
    const live = this.liveTopic(name);
    for (let p = live.partitions.length; p < next.partitions; p++) live.partitions.push({ start: 0, end: 0, bytes: 0 });
    live.description = describe(name, next);
    return live.description;
  }

  describeTopic(name: string): TopicDescription | undefined {
    this.checkOpen();
    return this.live.get(name)?.description;
  }

  listTopics(): readonly TopicDescription[] {
    this.checkOpen();
    return [...this.live.values()].map((t) => t.description).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /**
   * Removes the topic's metadata and offsets in one transaction (so it is gone atomically), then
   * its records in chunks of PURGE_CHUNK, so a huge topic does not make one huge transaction. The
   * topic id is never reused, so a topic re-created under the same name cannot see old records;
   * a crash mid-purge resumes at the next open.
   */
  async deleteTopic(name: string): Promise<void> {
    this.checkOpen();
    const result = await this.track(
      this.root.transaction((): TxnResult<number> => {
        const row = this.topics.get(name);
        if (row === undefined) return { ok: false, error: unknownTopic(name) };
        this.topics.remove(name);
        for (let p = 0; p < row.config.partitions; p++) this.partitions.remove([row.id, p]);
        for (const key of [...this.groups.getKeys({ start: [row.id], end: [row.id + 1] })]) this.groups.remove(key);
        this.meta.put([PURGE, row.id], true);
        return { ok: true, value: row.id };
      }),
    );
    if (!result.ok) throw result.error;
    this.live.delete(name);
    for (const key of [...this.committed.keys()]) if (key.startsWith(`${result.value}/`)) this.committed.delete(key);
    await this.track(this.purgeTopicData(result.value));
  }

  private async purgeTopicData(topicId: number): Promise<void> {
    for (const db of [this.batches, this.timeIndex] as const) {
      for (;;) {
        if (this.closed) return; // resumes at the next open
        const removed = await this.root.transaction(() => {
          // Copy the keys out before removing: lmdb-js may reuse key buffers while iterating.
          const keys = Array.from(db.getKeys({ start: topicStart(topicId), end: topicStart(topicId + 1), limit: PURGE_CHUNK }), (k) =>
            Buffer.from(k),
          );
          for (const k of keys) db.remove(k);
          return keys.length;
        });
        if (removed < PURGE_CHUNK) break;
      }
    }
    await this.root.transaction(() => {
      this.meta.remove([PURGE, topicId]);
    });
  }

  // ---------------------------------------------------------------- appends

  async append(topic: string, partition: number, records: readonly ProducerRecord[]): Promise<AppendResult> {
    this.checkOpen();
    const now = this.clock();
    const codec = this.engineCodec(topic, partition);
    const write = this.encode({ topic, partition, records }, now, codec instanceof Promise ? await codec : codec);
    if (write.batches.length === 0) return { partition, baseOffset: this.livePartition(topic, partition).end };
    const [outcome] = await this.commitWrites([write], undefined);
    return { partition, baseOffset: outcome!.baseOffset };
  }

  async appendAtomic(writes: readonly PartitionWrite[], commit?: OffsetCommit): Promise<readonly AppendResult[]> {
    this.checkOpen();
    const now = this.clock();
    const total = writes.reduce((n, w) => n + w.records.length, 0);
    if (total > MAX_APPEND_RECORDS) {
      throw new TopicStoreError('INVALID_CONFIG', `cannot append ${total} records at once; the limit is ${MAX_APPEND_RECORDS}`);
    }
    const encoded: EncodedWrite[] = [];
    for (const w of writes) {
      const codec = this.engineCodec(w.topic, w.partition);
      encoded.push(this.encode(w, now, codec instanceof Promise ? await codec : codec));
    }
    if (commit) this.validateCommit(commit);
    const outcomes = await this.commitWrites(encoded, commit);
    return outcomes.map((o) => ({ partition: o.write.partition, baseOffset: o.baseOffset }));
  }

  /**
   * Appends one producer's RecordBatch v2 as it is (what a Kafka-protocol listener hands over):
   * its CRC-32C is checked, only baseOffset is rewritten, and it is re-compressed only when the
   * topic's compression.type names a codec other than the batch's. Resolves with the offsets the
   * batch's records got: [baseOffset, baseOffset + lastOffsetDelta].
   */
  async appendBatch(topic: string, partition: number, batch: Uint8Array): Promise<AppendResult & { readonly lastOffset: number }> {
    this.checkOpen();
    const { topic: live } = this.livePartitionOf(topic, partition);
    let header: BatchHeader;
    try {
      header = checkBatch(batch);
    } catch (err) {
      throw new TopicStoreError('CORRUPT_RECORD', `rejected a record batch for topic '${topic}' partition ${partition}: ${err instanceof Error ? err.message : String(err)}`);
    }
    const config = withDefaults(live.description.config);
    let bytes: Uint8Array = new Uint8Array(batch); // ours to patch; the caller keeps its buffer
    const target = config.compressionType;
    if (target !== 'producer' && target !== header.compression && !header.control) {
      const records = decodeBatchRecords(bytes, header, loadedCodec(header.compression) ?? (await loadCodec(header.compression)));
      bytes = encodeBatch({
        records: records.map((r) => ({ ...r })),
        compression: target,
        codec: loadedCodec(target) ?? (await loadCodec(target)),
        lastOffsetDelta: header.lastOffsetDelta,
        producer: header,
      });
    }
    if (bytes.length > config.maxMessageBytes) {
      throw new TopicStoreError('RECORD_TOO_LARGE', `a record batch of ${bytes.length} bytes is larger than max.message.bytes (${config.maxMessageBytes}) of topic '${topic}'`);
    }
    const write: EncodedWrite = { topic, topicId: live.id, partition, batches: [{ bytes, maxTimestamp: header.maxTimestamp, lastOffsetDelta: header.lastOffsetDelta }] };
    const [outcome] = await this.commitWrites([write], undefined);
    return { partition, baseOffset: outcome!.baseOffset, lastOffset: outcome!.end - 1 };
  }

  /** The codec the engine's appends to this topic use: its compression.type, none for 'producer'. */
  private engineCodec(topic: string, partition: number): { type: CompressionType; codec: Codec } | Promise<{ type: CompressionType; codec: Codec }> {
    const setting = withDefaults(this.livePartitionOf(topic, partition).topic.description.config).compressionType;
    const type: CompressionType = setting === 'producer' ? 'none' : setting;
    const codec = loadedCodec(type);
    return codec ? { type, codec } : loadCodec(type).then((c) => ({ type, codec: c }));
  }

  /**
   * Validates and encodes outside the write transaction, so the transaction stays short: records
   * become batches of at most MAX_BATCH_RECORDS records and about MAX_BATCH_BYTES bytes.
   */
  private encode(w: PartitionWrite, now: number, codec: { type: CompressionType; codec: Codec }): EncodedWrite {
    const live = this.livePartitionOf(w.topic, w.partition);
    const maxBytes = live.topic.description.config.maxMessageBytes ?? Number.MAX_SAFE_INTEGER;
    if (w.records.length > MAX_APPEND_RECORDS) {
      throw new TopicStoreError('INVALID_CONFIG', `cannot append ${w.records.length} records at once; the limit is ${MAX_APPEND_RECORDS}`);
    }
    const batches: EncodedBatch[] = [];
    let pending: RecordToEncode[] = [];
    let pendingBytes = 0;
    const flush = (): void => {
      if (pending.length === 0) return;
      const bytes = encodeBatch({ records: pending, compression: codec.type, codec: codec.codec });
      if (bytes.length > maxBytes) {
        throw new TopicStoreError(
          'RECORD_TOO_LARGE',
          `a record batch of ${bytes.length} bytes is larger than max.message.bytes (${maxBytes}) of topic '${w.topic}'`,
        );
      }
      batches.push({ bytes, maxTimestamp: Math.max(...pending.map((r) => r.timestamp)), lastOffsetDelta: pending.length - 1 });
      pending = [];
      pendingBytes = 0;
    };
    for (const r of w.records) {
      const timestamp = r.timestamp ?? now;
      if (!Number.isSafeInteger(timestamp) || Math.abs(timestamp) > MAX_ABS_VARINT) {
        throw new TopicStoreError('INVALID_CONFIG', `record timestamp must be an integer number of ms, got ${timestamp}`);
      }
      const size = (r.key?.length ?? 0) + (r.value?.length ?? 0);
      if (pending.length > 0 && (pending.length >= MAX_BATCH_RECORDS || pendingBytes + size > Math.min(MAX_BATCH_BYTES, maxBytes / 2))) flush();
      pending.push({ timestamp, key: r.key, value: r.value, headers: r.headers });
      pendingBytes += size;
    }
    flush();
    return { topic: w.topic, topicId: live.topic.id, partition: w.partition, batches };
  }

  /** One write transaction for all `writes` (and the offset commit); listeners run after it is durable. */
  private async commitWrites(writes: readonly EncodedWrite[], commit: OffsetCommit | undefined): Promise<readonly WriteOutcome[]> {
    const commitTopicId = commit ? this.liveTopic(commit.topic).id : undefined;
    const result = await this.track(
      this.root.transaction((): TxnResult<WriteOutcome[]> => {
        // Validate everything first (a topic may have been deleted since the call), then write.
        for (const w of writes) {
          if (this.topics.get(w.topic)?.id !== w.topicId) return { ok: false, error: unknownTopic(w.topic) };
        }
        if (commit && this.topics.get(commit.topic)?.id !== commitTopicId) return { ok: false, error: unknownTopic(commit.topic) };
        const outcomes = writes.map((w) => this.writeBatches(w));
        if (commit) this.writeGroupOffsets(commitTopicId!, commit.group, commit.offsets);
        return { ok: true, value: outcomes };
      }),
    );
    if (!result.ok) throw result.error;
    for (const o of result.value) {
      const live = this.live.get(o.write.topic);
      if (live?.id !== o.write.topicId) continue;
      const p = live.partitions[o.write.partition]!;
      if (o.end > p.end) {
        p.end = o.end;
        p.bytes = o.bytes;
      }
    }
    if (commit) {
      const key = groupKey(commitTopicId!, commit.group);
      const merged = new Map(this.committed.get(key) ?? []);
      for (const [p, o] of commit.offsets) merged.set(p, o);
      this.committed.set(key, new Map([...merged].sort((x, y) => x[0] - y[0])));
    }
    for (const o of result.value) {
      if (o.write.batches.length > 0) this.notify(o.write.topic, o.write.partition, o.end);
    }
    return result.value;
  }

  /** Inside a write transaction: assigns base offsets from the partition row and writes the batches. */
  private writeBatches(w: EncodedWrite): WriteOutcome {
    const row = this.partitions.get([w.topicId, w.partition]);
    if (!row) throw new Error(`store corrupt: no row for partition ${w.partition} of topic id ${w.topicId}`);
    let index: TimeIndexState = row;
    let offset = row.end;
    let bytes = row.bytes ?? 0;
    for (const b of w.batches) {
      bytes += b.bytes.length;
      const next = indexRecord(index, offset, b.maxTimestamp);
      if (next.index) this.timeIndex.put(timeIndexKey(w.topicId, w.partition, clampTimestamp(b.maxTimestamp)), offset);
      index = next.state;
      setBaseOffset(b.bytes, offset);
      this.batches.put(recordKey(w.topicId, w.partition, offset), b.bytes as Buffer);
      offset += b.lastOffsetDelta + 1;
    }
    this.partitions.put([w.topicId, w.partition], {
      start: row.start,
      end: offset,
      maxTimestamp: index.maxTimestamp,
      lastIndexedOffset: index.lastIndexedOffset,
      bytes,
    });
    return { write: w, baseOffset: row.end, end: offset, bytes };
  }

  private notify(topic: string, partition: number, end: number): void {
    const set = this.listeners.get(topic);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        listener(partition, end);
      } catch (err) {
        // The append is durable and must still be acknowledged; a throwing listener is a bug in
        // the listener, so surface it as an uncaught error rather than swallow it.
        queueMicrotask(() => {
          throw err;
        });
      }
    }
  }

  onAppend(topic: string, listener: Listener): () => void {
    let set = this.listeners.get(topic);
    if (!set) this.listeners.set(topic, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(topic) === set) this.listeners.delete(topic);
    };
  }

  // ---------------------------------------------------------------- reads

  async read(
    topic: string,
    partition: number,
    fromOffset: number,
    maxRecords: number,
    options: ReadOptions = {},
  ): Promise<readonly StoredRecord[]> {
    const { outOfRange = 'earliest', maxBytes = Number.POSITIVE_INFINITY } = options;
    this.checkOpen();
    const { topic: live, state } = this.livePartitionOf(topic, partition);
    if (!Number.isSafeInteger(fromOffset) || fromOffset < 0) throw new RangeError(`fromOffset must be a non-negative integer, got ${fromOffset}`);
    if (!Number.isInteger(maxRecords) || maxRecords < 1) throw new RangeError(`maxRecords must be a positive integer, got ${maxRecords}`);
    if (!(maxBytes > 0)) throw new RangeError(`maxBytes must be positive, got ${maxBytes}`);
    if (outOfRange === 'error' && (fromOffset < state.start || fromOffset > state.end)) {
      throw new TopicStoreError(
        'OFFSET_OUT_OF_RANGE',
        `offset ${fromOffset} is out of range for topic '${topic}' partition ${partition}: it holds offsets ${state.start}..${state.end} (start..end); reset to earliest (${state.start}) or latest (${state.end})`,
      );
    }
    const from = Math.max(fromOffset, state.start);
    if (from >= state.end) return [];
    const limit = Math.min(maxRecords, MAX_READ_RECORDS);
    const shared = state.lastRead;
    if (shared && shared.from === from && shared.limit === limit && shared.maxBytes === maxBytes && shared.start === state.start && shared.end === state.end) {
      return shared.records;
    }
    const { start, end } = state;
    const records = await this.readRange(topic, partition, live.id, state, from, limit, maxBytes);
    // Kept only if nothing moved while the read ran (a codec load can make it wait).
    const unchanged = state.start === start && state.end === end;
    state.lastRead = unchanged && records.length <= SHARED_READ_MAX_RECORDS ? { from, limit, maxBytes, start, end, records } : undefined;
    return records;
  }

  private readRange(topic: string, partition: number, topicId: number, state: LivePartition, from: number, limit: number, maxBytes: number): Promise<StoredRecord[]> {
    return withCodecs(() => {
      const out: StoredRecord[] = [];
      let bytes = 0;
      for (const { key, value } of this.batches.getRange({
        start: this.batchKeyAtOrBefore(topicId, partition, from),
        end: recordKey(topicId, partition, state.end),
      })) {
        const base = offsetOfRecordKey(key);
        // getRange hands out a fresh Buffer per value ('binary' encoding): decode without copying.
        for (const r of decodeStored(topic, partition, base, value).records) {
          const offset = base + r.offsetDelta;
          if (offset < from) continue;
          if (out.length >= limit || bytes >= maxBytes) return out;
          bytes += r.sizeInBytes;
          out.push({ partition, offset, timestamp: r.timestamp, key: r.key, value: r.value, headers: r.headers });
        }
        if (out.length >= limit || bytes >= maxBytes) return out;
      }
      return out;
    });
  }

  /**
   * Whole stored batches from the one holding `fromOffset` on, as a Kafka fetch returns them: at
   * least one batch, then more while the total stays within `maxBytes`. Each batch's CRC-32C is
   * checked; the bytes are served as stored (a batch may start below fromOffset, as in Kafka).
   */
  async readBatches(topic: string, partition: number, fromOffset: number, maxBytes: number): Promise<readonly Uint8Array[]> {
    this.checkOpen();
    const { topic: live, state } = this.livePartitionOf(topic, partition);
    if (fromOffset < state.start || fromOffset > state.end) {
      throw new TopicStoreError('OFFSET_OUT_OF_RANGE', `offset ${fromOffset} is out of range for topic '${topic}' partition ${partition}: it holds offsets ${state.start}..${state.end} (start..end)`);
    }
    const out: Uint8Array[] = [];
    let total = 0;
    for (const { key, value } of this.batches.getRange({
      start: this.batchKeyAtOrBefore(live.id, partition, fromOffset),
      end: recordKey(live.id, partition, state.end),
    })) {
      if (out.length > 0 && total + value.length > maxBytes) break;
      try {
        checkBatch(value);
      } catch (err) {
        throw corrupt(topic, partition, offsetOfRecordKey(key), err);
      }
      out.push(value);
      total += value.length;
    }
    return out;
  }

  /** Key of the batch holding `offset` (the last batch whose base offset is <= offset), else offset's own key. */
  private batchKeyAtOrBefore(topicId: number, partition: number, offset: number): Buffer {
    const at = recordKey(topicId, partition, offset);
    const first = partitionStart(topicId, partition);
    // A reverse range excludes its end, so the partition's offset-0 key is looked up on its own.
    for (const key of this.batches.getKeys({ start: at, end: first, reverse: true, limit: 1 })) return Buffer.from(key);
    return this.batches.doesExist(first) ? first : at;
  }

  partitionBytes(topic: string, partition: number): number {
    this.checkOpen();
    return this.livePartition(topic, partition).bytes;
  }

  offsets(topic: string, partition: number): PartitionOffsets {
    this.checkOpen();
    const { state } = this.livePartitionOf(topic, partition);
    return { start: state.start, end: state.end };
  }

  async offsetForTimestamp(topic: string, partition: number, timestamp: number): Promise<number> {
    this.checkOpen();
    const { topic: live, state } = this.livePartitionOf(topic, partition);
    if (Number.isNaN(timestamp)) throw new RangeError('timestamp must be a number, got NaN');
    return withCodecs(() => this.firstOffsetAtOrAfter(topic, live.id, partition, state.start, state.end, timestamp));
  }

  /**
   * The index narrows where to start (time-index.ts, over batches: an entry is a batch that raised
   * the partition's maximum timestamp); from there batch headers are scanned, and only a batch
   * whose maxTimestamp reaches `timestamp` is decoded. Throws CodecNeeded (see withCodecs).
   */
  private firstOffsetAtOrAfter(topic: string, topicId: number, partition: number, start: number, end: number, timestamp: number): number {
    if (start >= end) return end;
    const target = timeIndexKey(topicId, partition, clampTimestamp(Math.ceil(timestamp)));
    let atOrAbove: number | undefined;
    for (const { value } of this.timeIndex.getRange({ start: target, end: partitionStart(topicId, partition + 1), limit: 1 })) atOrAbove = value;
    let below: number | undefined;
    const lowest = partitionStart(topicId, partition);
    // Reverse from just below `target`: the first entry found is the last one with timestamp < t.
    for (const { key, value } of this.timeIndex.getRange({ start: target, end: lowest, reverse: true, limit: 2 })) {
      if (Buffer.compare(key, target) < 0) {
        below = value;
        break;
      }
    }
    const bounds = scanBounds(start, end, below, atOrAbove);
    let from = bounds?.from ?? (atOrAbove !== undefined && atOrAbove >= start ? atOrAbove : end);
    while (from < end) {
      let next = end;
      for (const { key, value } of this.batches.getRange({
        start: this.batchKeyAtOrBefore(topicId, partition, from),
        end: recordKey(topicId, partition, end),
        limit: TIMESTAMP_SCAN_CHUNK,
      })) {
        const base = offsetOfRecordKey(key);
        const records = batchMaxTimestamp(value) >= timestamp ? decodeStored(topic, partition, base, value).records : [];
        for (const r of records) {
          const offset = base + r.offsetDelta;
          if (offset >= from && r.timestamp >= timestamp) return offset;
        }
        next = base + batchLastOffsetDelta(value) + 1;
      }
      if (next <= from) break;
      from = next;
    }
    return end;
  }

  // ---------------------------------------------------------------- consumer groups

  async commitOffsets(group: string, topic: string, offsets: ReadonlyMap<number, number>): Promise<void> {
    this.checkOpen();
    const commit = { group, topic, offsets };
    this.validateCommit(commit);
    await this.commitWrites([], commit);
  }

  committedOffsets(group: string, topic: string): ReadonlyMap<number, number> {
    this.checkOpen();
    const live = this.liveTopic(topic);
    return new Map(this.committed.get(groupKey(live.id, group)) ?? []);
  }

  listGroups(): readonly string[] {
    this.checkOpen();
    const names = new Set<string>();
    for (const [topicId, group] of this.groups.getKeys({})) if (this.topicNameOf(topicId) !== undefined) names.add(group);
    return [...names].sort();
  }

  groupOffsets(group: string): readonly GroupOffset[] {
    this.checkOpen();
    const out: GroupOffset[] = [];
    for (const { key: [topicId, g], value } of this.groups.getRange({})) {
      const topic = g === group ? this.topicNameOf(topicId) : undefined;
      if (topic === undefined) continue;
      for (const [partition, offset] of value) out.push({ topic, partition, offset });
    }
    return out.sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition));
  }

  private topicNameOf(topicId: number): string | undefined {
    for (const [name, t] of this.live) if (t.id === topicId) return name;
    return undefined;
  }

  private validateCommit(commit: OffsetCommit): void {
    if (typeof commit.group !== 'string') throw new RangeError('group must be a string');
    this.liveTopic(commit.topic);
    for (const [p, o] of commit.offsets) {
      this.livePartitionOf(commit.topic, p);
      if (!Number.isSafeInteger(o) || o < 0) throw new RangeError(`committed offset must be a non-negative integer, got ${o}`);
    }
  }

  /** Inside a write transaction: merges `offsets` into the group's row. */
  private writeGroupOffsets(topicId: number, group: string, offsets: ReadonlyMap<number, number>): void {
    const merged = new Map(this.groups.get([topicId, group]) ?? []);
    for (const [p, o] of offsets) merged.set(p, o);
    this.groups.put(
      [topicId, group],
      [...merged].sort((a, b) => a[0] - b[0]),
    );
  }

  // ---------------------------------------------------------------- retention and compaction

  /**
   * One cleaner pass over every topic, in steps of at most CLEANER_CHUNK records per transaction:
   * - cleanup.policy=delete: removes, per partition, the prefix of records older than retentionMs
   *   (the records before the first one whose timestamp >= now - retentionMs; like Kafka, a newer
   *   record keeps older ones after it alive) and the oldest records while the partition holds
   *   more than retentionBytes; the log start offset advances.
   * - cleanup.policy=compact: see compactPartition.
   * Returns the number of records removed. The background cleaner (cleanupIntervalMs) calls this;
   * callers may too.
   */
  async deleteExpiredRecords(): Promise<number> {
    this.checkOpen();
    const now = this.clock();
    let removed = 0;
    for (const [name, live] of [...this.live]) {
      const config = withDefaults(live.description.config);
      for (let p = 0; p < live.partitions.length && !this.closed; p++) {
        if (config.cleanupPolicy === 'compact') {
          removed += await this.track(this.compactPartition(name, live.id, p, now - config.deleteRetentionMs));
          continue;
        }
        const state = live.partitions[p]!;
        const timeCut =
          config.retentionMs < 0
            ? state.start
            : await withCodecs(() => this.firstOffsetAtOrAfter(name, live.id, p, state.start, state.end, now - config.retentionMs));
        if (timeCut <= state.start && (config.retentionBytes < 0 || state.bytes <= config.retentionBytes)) continue;
        removed += await this.track(this.truncatePrefix(name, live.id, p, timeCut, config.retentionBytes));
      }
    }
    return removed;
  }

  /**
   * Moves the partition's start to `timeCut` (record by record, it may land inside a batch) and
   * past whole batches while the partition holds more than maxBytes (>= 0); removes the batches
   * that end below the new start, at most CLEANER_CHUNK per transaction. Returns the number of
   * offsets moved below the start (records, as offsets are dense except after compaction).
   */
  private async truncatePrefix(topic: string, topicId: number, partition: number, timeCut: number, maxBytes: number): Promise<number> {
    let removed = 0;
    for (;;) {
      if (this.closed) return removed;
      const result = await this.root.transaction((): { start: number; bytes: number; removed: number; more: boolean } | undefined => {
        if (this.topics.get(topic)?.id !== topicId) return undefined;
        const row = this.partitions.get([topicId, partition])!;
        let bytes = row.bytes ?? 0;
        let start = row.start;
        let moved = 0;
        const doomed: Buffer[] = [];
        for (const { key, value } of this.batches.getRange({
          start: this.batchKeyAtOrBefore(topicId, partition, row.start),
          end: recordKey(topicId, partition, row.end),
          limit: CLEANER_CHUNK,
        })) {
          const base = offsetOfRecordKey(key);
          const last = base + batchLastOffsetDelta(value);
          const overBytes = maxBytes >= 0 && bytes > maxBytes;
          if (!overBytes && last >= timeCut) {
            if (timeCut > start) {
              moved += timeCut - start;
              start = timeCut;
            }
            break;
          }
          doomed.push(Buffer.from(key));
          bytes -= value.length;
          moved += base >= start ? batchRecordsCount(value) : Math.max(0, last + 1 - start);
          start = Math.max(start, last + 1);
        }
        if (start === row.start && doomed.length === 0) return undefined;
        for (const k of doomed) this.batches.remove(k);
        this.removeIndexEntriesBelow(topicId, partition, start);
        this.partitions.put([topicId, partition], { ...row, start, bytes: Math.max(0, bytes) });
        return { start, bytes: Math.max(0, bytes), removed: moved, more: doomed.length === CLEANER_CHUNK };
      });
      if (!result) return removed;
      removed += result.removed;
      const live = this.live.get(topic);
      if (live?.id === topicId) Object.assign(live.partitions[partition]!, { start: result.start, bytes: result.bytes });
      if (!result.more) return removed;
    }
  }

  /** Inside a write transaction: index entries point at offsets in order, so remove the prefix. */
  private removeIndexEntriesBelow(topicId: number, partition: number, start: number): void {
    const stale = [];
    for (const { key, value } of this.timeIndex.getRange({ start: partitionStart(topicId, partition), end: partitionStart(topicId, partition + 1) })) {
      if (value >= start) break;
      stale.push(Buffer.from(key));
    }
    for (const k of stale) this.timeIndex.remove(k);
  }

  /**
   * cleanup.policy=compact: keeps the newest record of every key (survivors keep their offsets),
   * and removes a newest record that is a tombstone (null value) once its timestamp is older than
   * `tombstoneCut` (delete.retention.ms). Null-key records are kept. First a read-only scan of the
   * records up to the current end (a snapshot; appends continue), then removal in chunks.
   */
  private async compactPartition(topic: string, topicId: number, partition: number, tombstoneCut: number): Promise<number> {
    const live = this.live.get(topic);
    if (live?.id !== topicId) return 0;
    const { start, end } = live.partitions[partition]!;
    const mark = `${topicId}/${partition}`;
    const seen = this.compactedUpTo.get(mark);
    if (seen !== undefined && seen.end === end && seen.tombstones === 0) return 0;
    const scan = new CompactionScan(tombstoneCut);
    /** Base offset of the batch holding each scanned offset, to group removals by batch. */
    const batchOf = new Map<number, number>();
    await withCodecs(() => {
      for (let from = start; from < end && !this.closed; ) {
        let next = -1;
        for (const { key, value } of this.batches.getRange({
          start: this.batchKeyAtOrBefore(topicId, partition, from),
          end: recordKey(topicId, partition, end),
          limit: CLEANER_CHUNK,
        })) {
          const base = offsetOfRecordKey(key);
          for (const r of decodeStored(topic, partition, base, value).records) {
            const offset = base + r.offsetDelta;
            if (offset < from) continue;
            batchOf.set(offset, base);
            scan.add(offset, r.key, r.value === null, r.timestamp);
          }
          next = base + batchLastOffsetDelta(value) + 1;
        }
        if (next <= from) break;
        from = next;
      }
    });
    // Superseded records grouped by batch; a transaction rewrites batches holding about CLEANER_CHUNK of them.
    const byBatch = new Map<number, Set<number>>();
    for (const offset of scan.removable()) {
      const base = batchOf.get(offset)!;
      let set = byBatch.get(base);
      if (!set) byBatch.set(base, (set = new Set()));
      set.add(offset);
    }
    const groups: [number, Set<number>][][] = [];
    let group: [number, Set<number>][] = [];
    let inGroup = 0;
    for (const entry of byBatch) {
      group.push(entry);
      inGroup += entry[1].size;
      if (inGroup >= CLEANER_CHUNK) {
        groups.push(group);
        group = [];
        inGroup = 0;
      }
    }
    if (group.length > 0) groups.push(group);
    let removed = 0;
    for (const chunk of groups) {
      if (this.closed) break;
      const result = await this.root.transaction((): { bytes: number; removed: number } | undefined => {
        if (this.topics.get(topic)?.id !== topicId) return undefined;
        const row = this.partitions.get([topicId, partition])!;
        let bytes = row.bytes ?? 0;
        let n = 0;
        for (const [base, doomed] of chunk) {
          const k = recordKey(topicId, partition, base);
          const value = this.batches.getBinary(k);
          if (value === undefined) continue;
          const rewritten = this.withoutRecords(topic, partition, base, Buffer.from(value), doomed);
          n += rewritten.removed;
          bytes -= value.length;
          if (rewritten.bytes === undefined) {
            this.batches.remove(k);
          } else {
            bytes += rewritten.bytes.length;
            this.batches.put(k, rewritten.bytes as Buffer);
          }
        }
        this.partitions.put([topicId, partition], { ...row, bytes: Math.max(0, bytes) });
        return { bytes: Math.max(0, bytes), removed: n };
      });
      if (!result) return removed;
      removed += result.removed;
      const now = this.live.get(topic);
      // Compaction removed records a shared read may hold.
      if (now?.id === topicId) Object.assign(now.partitions[partition]!, { bytes: result.bytes, lastRead: undefined });
    }
    this.compactedUpTo.set(mark, { end, tombstones: scan.liveTombstones() });
    return removed;
  }

  /**
   * A stored batch without the records at `doomed` offsets, as Kafka's cleaner rewrites it: the
   * same base offset, lastOffsetDelta, producer fields and codec, survivors keeping their offset
   * deltas; undefined when nothing survives. Runs inside a write transaction: the codec was loaded
   * by the scan that decoded this batch.
   */
  private withoutRecords(topic: string, partition: number, base: number, value: Uint8Array, doomed: ReadonlySet<number>): { bytes: Uint8Array | undefined; removed: number } {
    const { header, records } = decodeStored(topic, partition, base, value);
    const kept = records.filter((r) => !doomed.has(base + r.offsetDelta));
    const removed = records.length - kept.length;
    if (removed === 0) return { bytes: value, removed };
    if (kept.length === 0) return { bytes: undefined, removed };
    const bytes = encodeBatch({
      records: kept,
      compression: header.compression,
      codec: codecOrThrow(header.compression),
      lastOffsetDelta: header.lastOffsetDelta,
      producer: header,
    });
    setBaseOffset(bytes, base);
    return { bytes, removed };
  }

  // ---------------------------------------------------------------- lifecycle

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.cleaner?.stop();
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
    this.listeners.clear();
    await this.root.close();
  }

  /**
   * Every write transaction goes through here: counted while pending (close waits for them), and a
   * failed commit (a full disk, an I/O error) becomes a STORAGE_FAILED error; see storageFailure.
   */
  private track<T>(p: Promise<T>): Promise<T> {
    const guarded = p.catch(async (err: unknown) => {
      throw await storageFailure(this.path, err);
    });
    this.pending.add(guarded);
    const done = (): void => {
      this.pending.delete(guarded);
    };
    guarded.then(done, done);
    return guarded;
  }

  private checkOpen(): void {
    if (this.closed) throw new TopicStoreError('STORE_CLOSED', `the topic store at ${this.path} is closed`);
  }

  private liveTopic(name: string): LiveTopic {
    const t = this.live.get(name);
    if (!t) throw unknownTopic(name);
    return t;
  }

  private livePartitionOf(topic: string, partition: number): { topic: LiveTopic; state: LivePartition } {
    const t = this.liveTopic(topic);
    const state = Number.isInteger(partition) && partition >= 0 ? t.partitions[partition] : undefined;
    if (!state) {
      throw new TopicStoreError(
        'INVALID_PARTITION',
        `Topic '${topic}' has no partition ${partition}; it has ${t.partitions.length} (0..${t.partitions.length - 1})`,
      );
    }
    return { topic: t, state };
  }

  private livePartition(topic: string, partition: number): LivePartition {
    return this.livePartitionOf(topic, partition).state;
  }
}

/** Producers may send any int64 timestamp; the time index keys hold +-MAX_ABS_VARINT. */
function clampTimestamp(t: number): number {
  return Math.max(-MAX_ABS_VARINT, Math.min(MAX_ABS_VARINT, t));
}

function describe(name: string, config: TopicConfig): TopicDescription {
  return Object.freeze({ name, config: withDefaults(config) });
}

function emptyPartition(): PartitionRow {
  return { start: 0, end: 0, maxTimestamp: null, lastIndexedOffset: -1, bytes: 0 };
}

/** The fields of `change` that are set (so `{ retentionMs: undefined }` changes nothing). */
function definedFields(change: TopicConfigChange): TopicConfigChange {
  return Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) as TopicConfigChange;
}

/** The key of a group's committed offsets for one topic in LmdbTopicStore's cache. */
function groupKey(topicId: number, group: string): string {
  return `${topicId}/${group}`;
}
