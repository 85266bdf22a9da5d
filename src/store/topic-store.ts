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
    readonly code: 'TOPIC_EXISTS' | 'UNKNOWN_TOPIC' | 'INVALID_PARTITION' | 'INVALID_CONFIG' | 'STORE_CLOSED' | 'DATA_DIR_LOCKED',
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

  /** Reads up to `maxRecords` records with offset >= fromOffset, in offset order. */
  read(topic: string, partition: number, fromOffset: number, maxRecords: number): Promise<readonly StoredRecord[]>;

  offsets(topic: string, partition: number): PartitionOffsets;

  /** The first offset whose record timestamp is >= timestamp, or the end offset if none. */
  offsetForTimestamp(topic: string, partition: number, timestamp: number): Promise<number>;

  /** Consumer-group offsets: the next offset to read per partition. */
  commitOffsets(group: string, topic: string, offsets: ReadonlyMap<number, number>): Promise<void>;
  committedOffsets(group: string, topic: string): ReadonlyMap<number, number>;

  /**
   * A wake-up, not a poll: `listener` is called (synchronously after the append is durable)
   * with the partition and its new end offset whenever records are appended to `topic`.
   * Returns an unsubscribe function.
   */
  onAppend(topic: string, listener: (partition: number, endOffset: number) => void): () => void;

  close(): Promise<void>;
}
