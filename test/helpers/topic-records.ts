/** Reading what a persistent query wrote: the records of a topic, once there are enough of them. */
import type { Engine } from '../../src/engine/engine.js';
import type { StoredRecord } from '../../src/store/topic-store.js';

const POLL_MS = 20;
const DEFAULT_TIMEOUT_MS = 10_000;

export interface TextRecord {
  readonly key: string | null;
  readonly value: string | null;
  readonly timestamp: number;
}

/** Bytes as UTF-8 text, null kept. */
export const text = (b: Uint8Array | null): string | null => (b === null ? null : new TextDecoder().decode(b));

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** All records of partition 0 of `topic`, waiting until there are at least `count`. */
export async function awaitRecords(engine: Engine, topic: string, count: number, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<StoredRecord[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const described = engine.store.describeTopic(topic);
    if (described && engine.store.offsets(topic, 0).end >= count) {
      return [...(await engine.store.read(topic, 0, engine.store.offsets(topic, 0).start, count + 100))];
    }
    if (Date.now() > deadline) throw new Error(`topic ${topic} did not get ${count} records within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** Keys and values as UTF-8 text (JSON, DELIMITED and KAFKA strings read as they are written). */
export async function awaitTextRecords(engine: Engine, topic: string, count: number): Promise<TextRecord[]> {
  return (await awaitRecords(engine, topic, count)).map((r) => ({ key: text(r.key), value: text(r.value), timestamp: r.timestamp }));
}
