/** Retention by bytes, compaction, config changes, groups listing and bad input, on real LMDB files. */
import { open } from 'lmdb';
import { afterEach, describe, expect, it } from 'vitest';
import { CleanupScheduler, type Timers } from '../../../src/store/lmdb/cleanup-scheduler.js';
import { openLmdbTopicStore, type LmdbTopicStore, type LmdbTopicStoreOptions } from '../../../src/store/lmdb/index.js';
import { recordKey } from '../../../src/store/lmdb/record-key.js';
import { TopicStoreError, type TopicConfig } from '../../../src/store/topic-store.js';
import { tempDirs } from '../helpers/temp-dir.js';

const dirs = tempDirs('lmdb-cleanup');
const opened: LmdbTopicStore[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
  dirs.cleanup();
});

const CONFIG: TopicConfig = { partitions: 1, replicationFactor: 1, retentionMs: -1, cleanupPolicy: 'delete' };
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const text = (b: Uint8Array | null): string | null => (b === null ? null : new TextDecoder().decode(b));

async function openStore(options: LmdbTopicStoreOptions = {}, dir = dirs.make()): Promise<LmdbTopicStore> {
  const s = await openLmdbTopicStore(dir, { clock: () => 1_000, ...options });
  opened.push(s);
  return s;
}

async function errorOf(p: Promise<unknown>): Promise<TopicStoreError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(TopicStoreError);
    return err as TopicStoreError;
  }
  throw new Error('expected a TopicStoreError');
}

describe('retention.bytes', () => {
  it('removes the oldest batches until the partition fits, and tracks sizes', async () => {
    const s = await openStore();
    await s.createTopic('t', { ...CONFIG, retentionBytes: 1_000 });
    const value = new Uint8Array(95);
    // One append = one stored batch; retention by bytes removes whole batches, oldest first.
    for (let i = 0; i < 10; i++) await s.append('t', 0, Array.from({ length: 3 }, () => ({ key: null, value })));
    const per = s.partitionBytes('t', 0) / 10;
    expect(Number.isInteger(per)).toBe(true);
    const keep = Math.floor(1_000 / per);
    expect(await s.deleteExpiredRecords()).toBe(3 * (10 - keep));
    expect(s.partitionBytes('t', 0)).toBe(keep * per);
    expect(s.offsets('t', 0)).toEqual({ start: 3 * (10 - keep), end: 30 });
    expect(await s.deleteExpiredRecords()).toBe(0);
    // A single batch larger than the limit goes as a whole.
    await s.alterTopic('t', { retentionBytes: 10 });
    expect(await s.deleteExpiredRecords()).toBe(3 * keep);
    expect(s.offsets('t', 0)).toEqual({ start: 30, end: 30 });
    expect(s.partitionBytes('t', 0)).toBe(0);
  });
});

describe('durability', () => {
  it("'relaxed' stores and reopens like 'fsync'", async () => {
    const dir = dirs.make();
    const s = await openStore({ durability: 'relaxed' }, dir);
    await s.createTopic('t', CONFIG);
    expect(await s.append('t', 0, [{ key: null, value: bytes('a') }])).toEqual({ partition: 0, baseOffset: 0 });
    await s.close();
    opened.splice(0);
    const s2 = await openStore({}, dir);
    expect((await s2.read('t', 0, 0, 10)).map((r) => text(r.value))).toEqual(['a']);
  });
});

describe('cleaner steps', () => {
  it('an append issued during a long retention pass is acknowledged before the pass ends', async () => {
    let now = 1_000;
    const s = await openStore({ clock: () => now });
    await s.createTopic('t', { ...CONFIG, retentionMs: 10 });
    // 2,500 stored batches (one per append; concurrent appends share transactions): 3 cleaner chunks.
    const one = [{ key: null, value: new Uint8Array(10) }];
    await Promise.all(Array.from({ length: 2_500 }, () => s.append('t', 0, one)));
    now = 5_000;
    let passDone = false;
    const pass = s.deleteExpiredRecords().then((n) => {
      passDone = true;
      return n;
    });
    const ack = await s.append('t', 0, [{ key: null, value: bytes('new') }]);
    expect(passDone).toBe(false); // 3 chunks of CLEANER_CHUNK batches: the append got in between
    expect(ack.baseOffset).toBe(2_500);
    expect(await pass).toBe(2_500);
    expect(s.offsets('t', 0)).toEqual({ start: 2_500, end: 2_501 });
  });
});

describe('out-of-range reads', () => {
  it("'error' names topic, partition and the valid range; 'earliest' reads from the start", async () => {
    let now = 10_000;
    const s = await openStore({ clock: () => now });
    await s.createTopic('t', { ...CONFIG, retentionMs: 100 });
    await s.append('t', 0, [{ key: null, value: bytes('old') }]);
    now = 20_000;
    await s.append('t', 0, [{ key: null, value: bytes('new') }]);
    expect(await s.deleteExpiredRecords()).toBe(1);
    const err = await errorOf(s.read('t', 0, 0, 10, { outOfRange: 'error' }));
    expect(err.code).toBe('OFFSET_OUT_OF_RANGE');
    expect(err.message).toContain("topic 't' partition 0");
    expect(err.message).toContain('1..2');
    expect((await errorOf(s.read('t', 0, 3, 10, { outOfRange: 'error' }))).code).toBe('OFFSET_OUT_OF_RANGE');
    expect((await s.read('t', 0, 2, 10, { outOfRange: 'error' })).length).toBe(0);
    expect((await s.read('t', 0, 0, 10)).map((r) => text(r.value))).toEqual(['new']);
  });
});

describe('maxBytes', () => {
  it('stops a read once the records hold maxBytes, returning at least one', async () => {
    const s = await openStore();
    await s.createTopic('t', CONFIG);
    await s.append('t', 0, Array.from({ length: 10 }, () => ({ key: null, value: new Uint8Array(95) })));
    // A record of a v2 batch: length varint (2) + attributes (1) + timestampDelta (1) + offsetDelta (1)
    // + null key (1) + value length (2) + 95 + header count (1).
    const per = 104;
    expect((await s.read('t', 0, 0, 100, { maxBytes: per * 3 })).length).toBe(3);
    expect((await s.read('t', 0, 0, 100, { maxBytes: per * 3 + 1 })).length).toBe(4);
    expect((await s.read('t', 0, 5, 100, { maxBytes: 1 })).map((r) => r.offset)).toEqual([5]);
    await expect(s.read('t', 0, 0, 100, { maxBytes: 0 })).rejects.toThrow(RangeError);
  });
});

describe('compaction', () => {
  it('keeps the newest record per key at its offset; drops tombstones after delete.retention.ms', async () => {
    let now = 1_000;
    const s = await openStore({ clock: () => now });
    await s.createTopic('c', { ...CONFIG, cleanupPolicy: 'compact', deleteRetentionMs: 500 });
    const r = (k: string | null, v: string | null) => ({ key: k === null ? null : bytes(k), value: v === null ? null : bytes(v) });
    await s.append('c', 0, [r('a', '1'), r('b', '1'), r('a', '2'), r(null, 'x'), r('c', '1'), r('b', null), r('a', '3')]);
    const before = s.partitionBytes('c', 0);
    expect(await s.deleteExpiredRecords()).toBe(3); // a@0, b@1, a@2
    const left = await s.read('c', 0, 0, 100);
    expect(left.map((x) => [x.offset, text(x.key), text(x.value)])).toEqual([
      [3, null, 'x'],
      [4, 'c', '1'],
      [5, 'b', null],
      [6, 'a', '3'],
    ]);
    expect(s.partitionBytes('c', 0)).toBeLessThan(before);
    expect(s.offsets('c', 0)).toEqual({ start: 0, end: 7 });
    now = 2_000; // the tombstone (timestamp 1000) is now older than delete.retention.ms
    expect(await s.deleteExpiredRecords()).toBe(1);
    expect((await s.read('c', 0, 0, 100)).map((x) => x.offset)).toEqual([3, 4, 6]);
    expect(await s.append('c', 0, [r('c', '2')])).toEqual({ partition: 0, baseOffset: 7 });
    expect(await s.deleteExpiredRecords()).toBe(1);
    expect((await s.read('c', 0, 0, 100)).map((x) => x.offset)).toEqual([3, 6, 7]);
  });
});

describe('alterTopic', () => {
  it('grows partitions, changes configs, refuses to shrink, and persists', async () => {
    const s = await openStore();
    await s.createTopic('t', { ...CONFIG, partitions: 2 });
    await s.append('t', 1, [{ key: null, value: bytes('v') }]);
    const d = await s.alterTopic('t', { partitions: 4, retentionMs: 5_000, maxMessageBytes: 100 });
    expect(d.config).toMatchObject({ partitions: 4, retentionMs: 5_000, maxMessageBytes: 100, cleanupPolicy: 'delete' });
    expect(s.offsets('t', 3)).toEqual({ start: 0, end: 0 });
    expect(await s.append('t', 3, [{ key: null, value: bytes('w') }])).toEqual({ partition: 3, baseOffset: 0 });
    expect((await errorOf(s.alterTopic('t', { partitions: 3 }))).code).toBe('INVALID_CONFIG');
    expect((await errorOf(s.alterTopic('t', { retentionBytes: -5 }))).code).toBe('INVALID_CONFIG');
    expect((await errorOf(s.alterTopic('nope', { partitions: 9 }))).code).toBe('UNKNOWN_TOPIC');
    const big = await errorOf(s.append('t', 0, [{ key: null, value: new Uint8Array(200) }]));
    expect(big.code).toBe('RECORD_TOO_LARGE');
    expect(big.message).toContain("'t'");
    const path = s.path;
    await s.close();
    opened.splice(0);
    const s2 = await openStore({}, path);
    expect(s2.describeTopic('t')?.config.partitions).toBe(4);
    expect((await s2.read('t', 3, 0, 10)).map((r) => text(r.value))).toEqual(['w']);
    expect(s2.offsets('t', 1)).toEqual({ start: 0, end: 1 });
  });
});

describe('groups', () => {
  it('lists groups and their committed offsets by topic', async () => {
    const s = await openStore();
    await s.createTopic('a', { ...CONFIG, partitions: 2 });
    await s.createTopic('b', CONFIG);
    await s.commitOffsets('g2', 'b', new Map([[0, 4]]));
    await s.commitOffsets('g1', 'b', new Map([[0, 1]]));
    await s.commitOffsets('g1', 'a', new Map([[1, 3], [0, 2]]));
    expect(s.listGroups()).toEqual(['g1', 'g2']);
    expect(s.groupOffsets('g1')).toEqual([
      { topic: 'a', partition: 0, offset: 2 },
      { topic: 'a', partition: 1, offset: 3 },
      { topic: 'b', partition: 0, offset: 1 },
    ]);
    await s.deleteTopic('b');
    expect(s.listGroups()).toEqual(['g1']);
    expect(s.groupOffsets('nobody')).toEqual([]);
  });
});

describe('corrupt batches', () => {
  it('a read that meets one names topic, partition and offset; other partitions keep serving', async () => {
    const dir = dirs.make();
    const s = await openStore({}, dir);
    await s.createTopic('t', { ...CONFIG, partitions: 2 });
    await s.append('t', 0, [{ key: null, value: bytes('a') }]);
    await s.append('t', 0, [{ key: null, value: bytes('b') }]);
    await s.append('t', 1, [{ key: null, value: bytes('c') }]);
    await s.close();
    opened.splice(0);
    const raw = open({ path: dir, maxDbs: 8, compression: false });
    const batches = raw.openDB<Buffer, Buffer>({ name: 'batches', encoding: 'binary', keyEncoding: 'binary' });
    await batches.put(recordKey(1, 0, 1), Buffer.from([0, 0xff]));
    await raw.close();
    const s2 = await openStore({}, dir);
    const err = await errorOf(s2.read('t', 0, 0, 10));
    expect(err.code).toBe('CORRUPT_RECORD');
    expect(err.message).toContain("topic 't' partition 0 at offset 1");
    expect((await s2.read('t', 0, 0, 1)).map((r) => text(r.value))).toEqual(['a']);
    expect((await s2.read('t', 1, 0, 10)).map((r) => text(r.value))).toEqual(['c']);
    // a flipped bit inside a stored value: the batch's CRC-32C catches it
    await s2.close();
    opened.splice(0);
    const raw2 = open({ path: dir, maxDbs: 8, compression: false });
    const batches2 = raw2.openDB<Buffer, Buffer>({ name: 'batches', encoding: 'binary', keyEncoding: 'binary' });
    const good = Buffer.from(batches2.getBinary(recordKey(1, 1, 0))!);
    good[good.length - 2]! ^= 0x10;
    await batches2.put(recordKey(1, 1, 0), good);
    await raw2.close();
    const s3 = await openStore({}, dir);
    const crc = await errorOf(s3.read('t', 1, 0, 10));
    expect(crc.code).toBe('CORRUPT_RECORD');
    expect(crc.message).toMatch(/topic 't' partition 1 at offset 0: corrupt batch: CRC-32C mismatch/);
    expect((await errorOf(s3.readBatches('t', 1, 0, 1_000))).code).toBe('CORRUPT_RECORD');
    expect(await s3.append('t', 0, [{ key: null, value: bytes('d') }])).toEqual({ partition: 0, baseOffset: 2 });
  });
});

/** Timers that fire only when the test says so. */
function manualTimers(): Timers & { fire(): void; pending(): number } {
  const queue = new Map<number, () => void>();
  let next = 1;
  return {
    setTimeout(fn) {
      queue.set(next, fn);
      return next++;
    },
    clearTimeout(handle) {
      queue.delete(handle as number);
    },
    fire() {
      const fns = [...queue.values()];
      queue.clear();
      for (const fn of fns) fn();
    },
    pending: () => queue.size,
  };
}

describe('background cleaner', () => {
  it('runs retention on its timer, one run at a time, and stops on close', async () => {
    let now = 10_000;
    const timers = manualTimers();
    const s = await openStore({ clock: () => now, timers, cleanupIntervalMs: 1_000 });
    await s.createTopic('t', { ...CONFIG, retentionMs: 100 });
    await s.append('t', 0, [{ key: null, value: null }, { key: null, value: null }]);
    now = 20_000;
    expect(timers.pending()).toBe(1);
    timers.fire();
    expect(timers.pending()).toBe(0); // the next run is scheduled only when this one ends
    await expect.poll(() => s.offsets('t', 0).start).toBe(2);
    await expect.poll(() => timers.pending()).toBe(1);
    await s.close();
    opened.splice(0);
    expect(timers.pending()).toBe(0);
  });

  it('the default node timer does not keep the process alive and reports failures', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const scheduler = new CleanupScheduler(1, async () => {
      runs++;
      throw new Error('boom');
    }, undefined, (e) => errors.push(e));
    scheduler.start();
    await expect.poll(() => runs).toBeGreaterThanOrEqual(2);
    scheduler.stop();
    expect(String(errors[0])).toContain('boom');
  });
});
