/**
 * An operator's key-value state: an in-memory map that records which keys changed since the last
 * `takeChanges()`. A persistent query writes those changes to its changelog topic in the same
 * store transaction as its output and input offsets, and restores the map from that topic on
 * restart (as Kafka Streams does with its state-store changelogs).
 */
export interface KeyValueState {
  get(key: string): unknown;
  put(key: string, value: unknown): void;
  delete(key: string): void;
  entries(): IterableIterator<[string, unknown]>;
}

export class MemoryState implements KeyValueState {
  private readonly map = new Map<string, unknown>();
  private readonly dirty = new Set<string>();

  constructor(private readonly track = true) {}

  get(key: string): unknown {
    return this.map.get(key);
  }

  put(key: string, value: unknown): void {
    this.map.set(key, value);
    if (this.track) this.dirty.add(key);
  }

  delete(key: string): void {
    this.map.delete(key);
    if (this.track) this.dirty.add(key);
  }

  entries(): IterableIterator<[string, unknown]> {
    return this.map.entries();
  }

  /** Loads a value without marking it changed (restore from the changelog). */
  restore(key: string, value: unknown): void {
    if (value === undefined) this.map.delete(key);
    else this.map.set(key, value);
  }

  /** Keys changed since the last call, with their current value (undefined = deleted). */
  takeChanges(): [string, unknown][] {
    const out: [string, unknown][] = [];
    for (const k of this.dirty) out.push([k, this.map.get(k)]);
    this.dirty.clear();
    return out;
  }
}
