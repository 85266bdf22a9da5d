/**
 * Expected output records against what is in the output topics. QTT's reference runs on one
 * partition, so its expected list is a total order; our topics may have several partitions, each
 * ordered, so the expected list must be an interleaving of the per-partition sequences, with no
 * record left over. Key, value and (when given) timestamp, window and headers must match.
 */
import type { CatalogReader } from '../analyze/catalog.js';
import type { StoredRecord } from '../store/topic-store.js';
import { firstDifference, show } from './json-value.js';
import type { JsonValue, QttRecord, QttTopic } from './qtt-case.js';
import { topicCodec, type TopicCodec } from './record-codec.js';

export type TopicReader = (topic: string) => Promise<StoredRecord[][] | undefined>;

/** Returns the first problem found, or undefined when every output topic matches. */
export async function verifyOutputs(
  expected: readonly QttRecord[],
  readTopic: TopicReader,
  catalog: CatalogReader,
  declared: readonly QttTopic[],
): Promise<string | undefined> {
  const byTopic = new Map<string, QttRecord[]>();
  for (const r of expected) {
    let list = byTopic.get(r.topic);
    if (!list) byTopic.set(r.topic, (list = []));
    list.push(r);
  }
  for (const [topic, records] of byTopic) {
    const partitions = await readTopic(topic);
    if (!partitions) return `output topic ${topic} does not exist`;
    const problem = matchTopic(topic, records, partitions, topicCodec(topic, catalog, declared));
    if (problem) return problem;
  }
  return undefined;
}

function matchTopic(topic: string, expected: readonly QttRecord[], partitions: readonly StoredRecord[][], codec: TopicCodec): string | undefined {
  const heads = partitions.map(() => 0);
  const actualCount = partitions.reduce((n, p) => n + p.length, 0);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    let firstProblem: string | undefined;
    let matched = false;
    for (let p = 0; p < partitions.length && !matched; p++) {
      const actual = partitions[p]![heads[p]!];
      if (!actual) continue;
      const d = recordDifference(codec, actual, e);
      if (d === undefined) {
        heads[p]!++;
        matched = true;
      } else firstProblem ??= `partition ${p} offset ${actual.offset}: ${d}`;
    }
    if (!matched) {
      const count = `expected ${expected.length} records, topic has ${actualCount}`;
      return firstProblem
        ? `${topic} record ${i}: ${firstProblem} (${count})`
        : `${topic} record ${i}: missing ${describeExpected(e)} (${count})`;
    }
  }
  for (let p = 0; p < partitions.length; p++) {
    const extra = partitions[p]![heads[p]!];
    if (extra) {
      const d = codec.decode(extra, undefined);
      return `${topic}: ${actualCount - expected.length} unexpected extra record(s), first key=${show(d.key)} value=${show(d.value)} (expected ${expected.length}, topic has ${actualCount})`;
    }
  }
  return undefined;
}

function recordDifference(codec: TopicCodec, actual: StoredRecord, expected: QttRecord): string | undefined {
  const decoded = codec.decode(actual, expected.window?.type);
  const keyDiff = firstDifference(decoded.key, expected.key, 'key');
  if (keyDiff) return keyDiff;
  const valueDiff = firstDifference(decoded.value, expected.value, 'value');
  if (valueDiff) return valueDiff;
  if (expected.timestamp !== undefined && actual.timestamp !== expected.timestamp) {
    return `timestamp: expected ${expected.timestamp} but got ${actual.timestamp}`;
  }
  if (expected.window) {
    if (!decoded.window) return 'window: expected a windowed key';
    if (decoded.window.start !== expected.window.start) return `window start: expected ${expected.window.start} but got ${decoded.window.start}`;
    // Time-windowed keys carry only the start; the end is known for session windows.
    if (decoded.window.end !== undefined && expected.window.end !== undefined && decoded.window.end !== expected.window.end) {
      return `window end: expected ${expected.window.end} but got ${decoded.window.end}`;
    }
  }
  if (expected.headers) {
    const d = firstDifference(
      decoded.headers.map((h) => ({ KEY: h.KEY, VALUE: h.VALUE })),
      expected.headers.map((h): JsonValue => ({ KEY: h.KEY, VALUE: h.VALUE })),
      'headers',
    );
    if (d) return d;
  }
  return undefined;
}

function describeExpected(r: QttRecord): string {
  return `key=${show(r.key)} value=${show(r.value)}`;
}
