/**
 * Kafka's default partitioner: murmur2 of the serialized key, made positive, modulo the partition
 * count — so a key lands on the same partition as it would in Apache Kafka.
 */

/** Kafka's Utils.murmur2 (seed 0x9747b28c), over the key bytes. Returns a signed 32-bit int. */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  const seed = 0x9747b28c;
  const m = 0x5bd1e995;
  const r = 24;
  let h = seed ^ length;
  const length4 = length >> 2;
  for (let i = 0; i < length4; i++) {
    const i4 = i * 4;
    let k = (data[i4]! & 0xff) + ((data[i4 + 1]! & 0xff) << 8) + ((data[i4 + 2]! & 0xff) << 16) + ((data[i4 + 3]! & 0xff) << 24);
    k = Math.imul(k, m);
    k ^= k >>> r;
    k = Math.imul(k, m);
    h = Math.imul(h, m);
    h ^= k;
  }
  const index = length4 * 4;
  const tail = length % 4;
  if (tail === 3) h ^= (data[index + 2]! & 0xff) << 16;
  if (tail >= 2) h ^= (data[index + 1]! & 0xff) << 8;
  if (tail >= 1) {
    h ^= data[index]! & 0xff;
    h = Math.imul(h, m);
  }
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h | 0;
}

/** Kafka's Utils.toPositive: clears the sign bit (not Math.abs, which fails on MIN_VALUE). */
export function toPositive(n: number): number {
  return n & 0x7fffffff;
}

/** The partition Kafka's default partitioner picks for a non-null key. */
export function partitionForKey(key: Uint8Array, numPartitions: number): number {
  if (!Number.isInteger(numPartitions) || numPartitions < 1) throw new RangeError(`numPartitions must be a positive integer, got ${numPartitions}`);
  return toPositive(murmur2(key)) % numPartitions;
}

/** Picks the partition of the next null-key record of `topic`. */
export type NullKeyChooser = (topic: string, numPartitions: number) => number;

/**
 * Round robin for null keys, per topic, as Kafka's pre-2.4 default partitioner did (a counter per
 * topic starting at a random value). `start` gives each topic's first counter value: inject a
 * seeded random for tests, or keep the default 0 for deterministic placement.
 */
export function roundRobinChooser(start: (topic: string) => number = () => 0): NullKeyChooser {
  const counters = new Map<string, number>();
  return (topic, numPartitions) => {
    if (!Number.isInteger(numPartitions) || numPartitions < 1) throw new RangeError(`numPartitions must be a positive integer, got ${numPartitions}`);
    const n = counters.get(topic) ?? toPositive(start(topic) | 0);
    // Wrap like Kafka's AtomicInteger, kept positive.
    counters.set(topic, toPositive(n + 1));
    return n % numPartitions;
  };
}
