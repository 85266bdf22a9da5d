/**
 * Validation of topic names and configs, shared by every TopicStore backend: Kafka's rules, so a
 * topic created here can be created on a real Kafka cluster later.
 */
import { TOPIC_CONFIG_DEFAULTS, TopicStoreError, type TopicCompression, type TopicConfig, type TopicConfigChange } from './topic-store.js';

/** compression.type values, as Kafka spells them. */
export const TOPIC_COMPRESSIONS: readonly TopicCompression[] = Object.freeze(['producer', 'none', 'gzip', 'snappy', 'lz4', 'zstd']);

/** Kafka's limit on topic names (Topic.MAX_NAME_LENGTH). */
export const MAX_TOPIC_NAME_LENGTH = 249;
/** Upper bound on partitions per topic; keys hold the partition in 32 bits, this keeps scans sane. */
export const MAX_PARTITIONS = 10_000;
const LEGAL_TOPIC_NAME = /^[a-zA-Z0-9._-]+$/;

/** Returns an error message, or undefined when `name` is a legal Kafka topic name. */
export function topicNameError(name: string): string | undefined {
  if (name.length === 0) return 'Topic name is empty';
  if (name === '.' || name === '..') return `Topic name cannot be "${name}"`;
  if (name.length > MAX_TOPIC_NAME_LENGTH) {
    return `Topic name is ${name.length} characters long; the maximum is ${MAX_TOPIC_NAME_LENGTH}`;
  }
  if (!LEGAL_TOPIC_NAME.test(name)) {
    return `Topic name '${name}' is illegal: it may contain only ASCII letters, digits, '.', '_' and '-'`;
  }
  return undefined;
}

/** Throws TopicStoreError('INVALID_CONFIG') for an illegal name or config. */
export function validateTopic(name: string, config: TopicConfig): void {
  const nameError = topicNameError(name);
  if (nameError !== undefined) throw new TopicStoreError('INVALID_CONFIG', nameError);
  const { partitions, replicationFactor, retentionMs, cleanupPolicy } = config;
  if (!Number.isInteger(partitions) || partitions < 1 || partitions > MAX_PARTITIONS) {
    throw new TopicStoreError('INVALID_CONFIG', `partitions must be an integer between 1 and ${MAX_PARTITIONS}, got ${partitions}`);
  }
  if (!Number.isInteger(replicationFactor) || replicationFactor < 1) {
    throw new TopicStoreError('INVALID_CONFIG', `replicationFactor must be a positive integer, got ${replicationFactor}`);
  }
  if (!Number.isSafeInteger(retentionMs) || retentionMs < -1) {
    throw new TopicStoreError('INVALID_CONFIG', `retentionMs must be -1 or a non-negative integer, got ${retentionMs}`);
  }
  if (cleanupPolicy !== 'delete' && cleanupPolicy !== 'compact') {
    throw new TopicStoreError('INVALID_CONFIG', `cleanupPolicy must be 'delete' or 'compact', got '${String(cleanupPolicy)}'`);
  }
  const { retentionBytes, maxMessageBytes, deleteRetentionMs } = config;
  if (retentionBytes !== undefined && (!Number.isSafeInteger(retentionBytes) || retentionBytes < -1)) {
    throw new TopicStoreError('INVALID_CONFIG', `retentionBytes must be -1 or a non-negative integer, got ${retentionBytes}`);
  }
  if (maxMessageBytes !== undefined && (!Number.isSafeInteger(maxMessageBytes) || maxMessageBytes < 1)) {
    throw new TopicStoreError('INVALID_CONFIG', `maxMessageBytes must be a positive integer, got ${maxMessageBytes}`);
  }
  if (deleteRetentionMs !== undefined && (!Number.isSafeInteger(deleteRetentionMs) || deleteRetentionMs < 0)) {
    throw new TopicStoreError('INVALID_CONFIG', `deleteRetentionMs must be a non-negative integer, got ${deleteRetentionMs}`);
  }
  if (config.compressionType !== undefined && !TOPIC_COMPRESSIONS.includes(config.compressionType)) {
    throw new TopicStoreError('INVALID_CONFIG', `compressionType must be one of ${TOPIC_COMPRESSIONS.join(', ')}, got '${String(config.compressionType)}'`);
  }
}

/** The config with every optional field filled with Kafka's default, frozen. */
export function withDefaults(config: TopicConfig): Required<TopicConfig> {
  return Object.freeze({
    partitions: config.partitions,
    replicationFactor: config.replicationFactor,
    retentionMs: config.retentionMs,
    cleanupPolicy: config.cleanupPolicy,
    retentionBytes: config.retentionBytes ?? TOPIC_CONFIG_DEFAULTS.retentionBytes,
    maxMessageBytes: config.maxMessageBytes ?? TOPIC_CONFIG_DEFAULTS.maxMessageBytes,
    deleteRetentionMs: config.deleteRetentionMs ?? TOPIC_CONFIG_DEFAULTS.deleteRetentionMs,
    compressionType: config.compressionType ?? TOPIC_CONFIG_DEFAULTS.compressionType,
  });
}

/**
 * Kafka's config names (as `--config k=v` and WITH clauses spell them) → TopicConfigChange keys.
 * Returns an error message for an unknown name or a malformed value.
 */
export const KAFKA_CONFIG_NAMES = Object.freeze({
  'retention.ms': 'retentionMs',
  'retention.bytes': 'retentionBytes',
  'cleanup.policy': 'cleanupPolicy',
  'max.message.bytes': 'maxMessageBytes',
  'delete.retention.ms': 'deleteRetentionMs',
  'compression.type': 'compressionType',
} as const);

export function parseKafkaConfig(name: string, value: string): TopicConfigChange | string {
  if (!Object.hasOwn(KAFKA_CONFIG_NAMES, name)) {
    return `unknown topic config '${name}'; known: ${Object.keys(KAFKA_CONFIG_NAMES).join(', ')}`;
  }
  const field = KAFKA_CONFIG_NAMES[name as keyof typeof KAFKA_CONFIG_NAMES];
  if (field === 'cleanupPolicy') {
    if (value !== 'delete' && value !== 'compact') return `cleanup.policy must be delete or compact, got '${value}'`;
    return { cleanupPolicy: value };
  }
  if (field === 'compressionType') {
    const codec = TOPIC_COMPRESSIONS.find((c) => c === value);
    if (codec === undefined) return `compression.type must be one of ${TOPIC_COMPRESSIONS.join(', ')}, got '${value}'`;
    return { compressionType: codec };
  }
  if (!/^-?\d+$/.test(value)) return `${name} must be an integer, got '${value}'`;
  return { [field]: Number(value) };
}

/** The configs in Kafka's spelling, for describe. */
export function kafkaConfigEntries(config: TopicConfig): readonly (readonly [string, string])[] {
  const full = withDefaults(config);
  return Object.entries(KAFKA_CONFIG_NAMES).map(([name, field]) => [name, String(full[field])] as const);
}
