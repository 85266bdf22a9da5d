/**
 * Validation of topic names and configs, shared by every TopicStore backend: Kafka's rules, so a
 * topic created here can be created on a real Kafka cluster later.
 */
import { TopicStoreError, type TopicConfig } from './topic-store.js';

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
}
