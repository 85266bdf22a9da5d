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
  /**
   * Writes a new entry to the changelog without keeping it in this map: for operators that keep
   * such entries in structures of their own (a join's window rows) and rebuild those from
   * `entries()` after a restart. `delete` removes it as usual.
   */
  record(key: string, value: unknown): void;
  /** This state's own entries (not those of its namespaces). */
  entries(): IterableIterator<[string, unknown]>;
  /**
   * The entries whose changelog keys start with `prefix`, as a state of their own: keys there are
   * used without the prefix, which is only spelled out for the changelog. (Prefixing every lookup
   * built and hashed a new string each time: a join's lookups are its hottest path.)
   */
  namespace(prefix: string): KeyValueState;
}

export class MemoryState implements KeyValueState {
  private readonly map = new Map<string, unknown>();
  private readonly dirty = new Set<string>();
  /** Entries written with `record` since the last takeChanges. */
  private recorded: [string, unknown][] = [];
  /** Root only: every namespace, by its full prefix. */
  private readonly spaces = new Map<string, MemoryState>();

  constructor(
    private readonly track = true,
    private readonly root?: MemoryState,
    private readonly prefix = '',
  ) {}

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

  record(key: string, value: unknown): void {
    if (this.track) this.recorded.push([key, value]);
  }

  entries(): IterableIterator<[string, unknown]> {
    return this.map.entries();
  }

  namespace(prefix: string): KeyValueState {
    if (this.root) return this.root.namespace(this.prefix + prefix);
    let space = this.spaces.get(prefix);
    if (space) return space;
    space = new MemoryState(this.track, this, prefix);
    // Restored entries (and those of a wider namespace made earlier) move into the new one.
    for (const [outerPrefix, outer] of [['', this] as const, ...this.spaces]) {
      if (!prefix.startsWith(outerPrefix)) continue;
      const rest = prefix.slice(outerPrefix.length);
      for (const [key, value] of outer.map) {
        if (!key.startsWith(rest)) continue;
        space.map.set(key.slice(rest.length), value);
        outer.map.delete(key);
      }
    }
    this.spaces.set(prefix, space);
    return space;
  }

  /** Loads a value without marking it changed (restore from the changelog, before namespaces exist). */
  restore(key: string, value: unknown): void {
    if (this.spaces.size > 0) throw new Error('assertion failed: state restored after namespaces were made');
    if (value === undefined) this.map.delete(key);
    else this.map.set(key, value);
  }

  /** Keys changed since the last call (namespaces' with their prefix), with their current value (undefined = deleted). */
  takeChanges(): [string, unknown][] {
    // Recorded entries first: a record deleted in the same step ends as a tombstone.
    const out: [string, unknown][] = this.recorded;
    this.recorded = [];
    for (const k of this.dirty) out.push([k, this.map.get(k)]);
    this.dirty.clear();
    for (const [prefix, space] of this.spaces) {
      for (const [k, v] of space.recorded) out.push([prefix + k, v]);
      space.recorded = [];
      for (const k of space.dirty) out.push([prefix + k, space.map.get(k)]);
      space.dirty.clear();
    }
    return out;
  }
}
