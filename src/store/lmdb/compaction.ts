/**
 * What compaction removes from one partition, decided from a scan in offset order: every record
 * whose key appears again at a later offset, and a key's newest record when it is a tombstone
 * older than the cut (Kafka's delete.retention.ms). Null-key records are never removed.
 * Memory is one entry per distinct key; keys are compared by their bytes.
 */
export class CompactionScan {
  /** key bytes (latin1 string, a 1:1 mapping of bytes) → newest offset seen, and whether it expired as a tombstone */
  private readonly newest = new Map<string, { offset: number; expiredTombstone: boolean; tombstone: boolean }>();
  private readonly superseded: number[] = [];

  constructor(private readonly tombstoneCut: number) {}

  add(offset: number, key: Uint8Array | null, tombstone: boolean, timestamp: number): void {
    if (key === null) return;
    const k = Buffer.from(key.buffer, key.byteOffset, key.byteLength).toString('latin1');
    const previous = this.newest.get(k);
    if (previous !== undefined) this.superseded.push(previous.offset);
    this.newest.set(k, { offset, tombstone, expiredTombstone: tombstone && timestamp < this.tombstoneCut });
  }

  /** Offsets to remove, ascending. */
  removable(): number[] {
    const out = [...this.superseded];
    for (const n of this.newest.values()) if (n.expiredTombstone) out.push(n.offset);
    return out.sort((a, b) => a - b);
  }

  /** Tombstones that survive this pass (they expire later, so the next pass must look again). */
  liveTombstones(): number {
    let n = 0;
    for (const v of this.newest.values()) if (v.tombstone && !v.expiredTombstone) n++;
    return n;
  }
}
