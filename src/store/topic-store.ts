/**
 * The TopicStore: the small interface between the engine and a log store (DESIGN: "The TopicStore
 * interface is small"). The integrated LMDB store implements it now; a Kafka backend later.
 * store/ imports nothing else of ours.
 *
 * Offsets are per partition, start at 0 and increase by one per record (Kafka semantics);
 * `endOffset` is the offset the next appended record will get (Kafka's log-end offset).
 */

export type CleanupPolicy = 'delete' | 'compact';

export interface TopicConfig {
  readonly partitions: number;
  readonly replicationFactor: number;
  /** Records older than this may be deleted; -1 keeps forever (Kafka retention.ms). */
  readonly retentionMs: number;
  readonly cleanupPolicy: CleanupPolicy;
  /** Bytes a partition may hold before its oldest records are deleted; -1: no limit (retention.bytes). */
  readonly retentionBytes?: number;
  /** Largest stored record, in bytes (max.message.bytes). */
  readonly maxMessageBytes?: number;
  /** How long a tombstone (null value) survives compaction, in ms (delete.retention.ms). */
  readonly deleteRetentionMs?: number;
  /**
   * Codec of stored batches (compression.type): 'producer' keeps each producer's codec (Kafka's
   * default; the engine writes uncompressed batches then); a codec name re-compresses to it.
   */
  readonly compressionType?: TopicCompression;
}

export type TopicCompression = 'producer' | 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd';

/** Kafka's defaults for the optional configs; describeTopic always returns them filled in. */
export const TOPIC_CONFIG_DEFAULTS = Object.freeze({
  retentionBytes: -1,
  maxMessageBytes: 1_048_588,
  deleteRetentionMs: 86_400_000,
  compressionType: 'producer' as TopicCompression,
});

/** What alterTopic may change: partitions only grow; the other configs take effect at once. */
export type TopicConfigChange = Partial<Omit<TopicConfig, 'replicationFactor'>>;

/** One committed offset of a consumer group. */
export interface GroupOffset {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
}

/** What a read does when fromOffset is outside [start, end]: move to the log start, or fail. */
export type OutOfRangePolicy = 'earliest' | 'error';

export interface ReadOptions {
  /** Below the log start: 'earliest' (default) reads from the start; 'error' throws OFFSET_OUT_OF_RANGE. */
  readonly outOfRange?: OutOfRangePolicy;
  /** Stop once the records returned hold this many stored bytes (at least one record is returned). */
  readonly maxBytes?: number;
}

export interface TopicDescription {
  readonly name: string;
  readonly config: TopicConfig;
}

export type Header = readonly [key: string, value: Uint8Array | null];

/** A record as a producer hands it over. timestamp defaults to the store clock's now. */
export interface ProducerRecord {
  readonly key: Uint8Array | null;
  readonly value: Uint8Array | null;
  readonly timestamp?: number;
  readonly headers?: readonly Header[];
}

/** A record as read back. */
export interface StoredRecord {
  readonly partition: number;
  readonly offset: number;
  readonly timestamp: number;
  readonly key: Uint8Array | null;
  readonly value: Uint8Array | null;
  readonly headers: readonly Header[];
}

export interface AppendResult {
  readonly partition: number;
  /** Offset of the first appended record. */
  readonly baseOffset: number;
}

export interface PartitionWrite {
  readonly topic: string;
  readonly partition: number;
  readonly records: readonly ProducerRecord[];
}

export interface OffsetCommit {
  readonly group: string;
  readonly topic: string;
  readonly offsets: ReadonlyMap<number, number>;
}

export interface PartitionOffsets {
  /** First offset still stored (after retention / deletion). */
  readonly start: number;
  /** Offset the next record will get. */
  readonly end: number;
}

/** Errors of the store carry a code so upper layers can render them. */
export class TopicStoreError extends Error {
  constructor(
    readonly code: 'TOPIC_EXISTS' | 'UNKNOWN_TOPIC' | 'INVALID_PARTITION' | 'INVALID_CONFIG' | 'STORE_CLOSED' | 'DATA_DIR_LOCKED'
      | 'OFFSET_OUT_OF_RANGE' | 'RECORD_TOO_LARGE' | 'CORRUPT_RECORD' | 'UNKNOWN_MEMBER' | 'ILLEGAL_GENERATION'
      | 'UNSUPPORTED_COMPRESSION' | 'UNSUPPORTED_STORE_FORMAT' | 'STORAGE_FAILED',
    message: string,
  ) {
    super(message);
  }
}

export interface TopicStore {
  createTopic(name: string, config: TopicConfig): Promise<TopicDescription>;
  describeTopic(name: string): TopicDescription | undefined;
  listTopics(): readonly TopicDescription[];
  /** Deletes the topic and all its records. */
  deleteTopic(name: string): Promise<void>;
  /** Changes configs; partitions can grow, never shrink (INVALID_CONFIG). */
  alterTopic(name: string, change: TopicConfigChange): Promise<TopicDescription>;

  /**
   * Appends records to one partition. Resolves only once the records are durable
   * (fsync'ed / committed), so an ack means the data survives a crash.
   */
  append(topic: string, partition: number, records: readonly ProducerRecord[]): Promise<AppendResult>;

  /**
   * Exactly-once step of a persistent query: appends to several partitions and commits a group's
   * input offsets in ONE durable transaction — all of it happens, or none of it.
   */
  appendAtomic(writes: readonly PartitionWrite[], commit?: OffsetCommit): Promise<readonly AppendResult[]>;

  /**
   * Reads up to `maxRecords` records (and about `options.maxBytes`) with offset >= fromOffset, in
   * offset order (a compacted topic has gaps). Below the log start offset, outOfRange 'earliest'
   * (the default) reads from the start; 'error' throws OFFSET_OUT_OF_RANGE, as does any
   * fromOffset past the end offset.
   */
  read(topic: string, partition: number, fromOffset: number, maxRecords: number, options?: ReadOptions): Promise<readonly StoredRecord[]>;

  offsets(topic: string, partition: number): PartitionOffsets;
  /** Bytes the partition's stored records take (what retention.bytes limits). */
  partitionBytes(topic: string, partition: number): number;

  /** The first offset whose record timestamp is >= timestamp, or the end offset if none. */
  offsetForTimestamp(topic: string, partition: number, timestamp: number): Promise<number>;

  /** Consumer-group offsets: the next offset to read per partition. */
  commitOffsets(group: string, topic: string, offsets: ReadonlyMap<number, number>): Promise<void>;
  committedOffsets(group: string, topic: string): ReadonlyMap<number, number>;
  /** Names of the groups with committed offsets, sorted. */
  listGroups(): readonly string[];
  /** A group's committed offsets, by topic name then partition. */
  groupOffsets(group: string): readonly GroupOffset[];

  /**
   * A wake-up, not a poll: `listener` is called (synchronously after the append is durable)
   * with the partition and its new end offset whenever records are appended to `topic`.
   * Returns an unsubscribe function.
   */
  onAppend(topic: string, listener: (partition: number, endOffset: number) => void): () => void;

  close(): Promise<void>;
}
