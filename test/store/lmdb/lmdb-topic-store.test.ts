import { afterEach, describe, expect, it } from 'vitest';
import { openLmdbTopicStore, type LmdbTopicStore } from '../../../src/store/lmdb/index.js';
import { TopicStoreError, type ProducerRecord, type TopicConfig } from '../../../src/store/topic-store.js';
import { withDefaults } from '../../../src/store/topic-config.js';
import { TIME_INDEX_INTERVAL } from '../../../src/store/lmdb/time-index.js';
import { tempDirs } from '../helpers/temp-dir.js';

const dirs = tempDirs('lmdb-store');
const opened: LmdbTopicStore[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
  dirs.cleanup();
});

const CONFIG: TopicConfig = { partitions: 3, replicationFactor: 1, retentionMs: -1, cleanupPolicy: 'delete' };
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const text = (b: Uint8Array | null): string | null => (b === null ? null : new TextDecoder().decode(b));

async function openStore(dir = dirs.make(), clock: () => number = () => 1_000): Promise<LmdbTopicStore> {
  const s = await openLmdbTopicStore(dir, { clock });
  opened.push(s);
  return s;
}

async function reopen(s: LmdbTopicStore, clock?: () => number): Promise<LmdbTopicStore> {
  await s.close();
  opened.splice(opened.indexOf(s), 1);
  return openStore(s.path, clock);
}

async function rejects(p: Promise<unknown> | (() => unknown), code: TopicStoreError['code']): Promise<void> {
  let error: unknown;
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(TopicStoreError);
  expect((error as TopicStoreError).code).toBe(code);
}

describe('topics', () => {
  it('creates, lists, describes and deletes topics', async () => {
    const s = await openStore();
    expect(s.listTopics()).toEqual([]);
    const d = await s.createTopic('orders', CONFIG);
    expect(d).toEqual({ name: 'orders', config: withDefaults(CONFIG) });
    await s.createTopic('a.b-c_1', { ...CONFIG, partitions: 1 });
    expect(s.listTopics().map((t) => t.name)).toEqual(['a.b-c_1', 'orders']);
    expect(s.describeTopic('orders')?.config.partitions).toBe(3);
    expect(s.describeTopic('missing')).toBeUndefined();
    await rejects(s.createTopic('orders', CONFIG), 'TOPIC_EXISTS');
    await s.deleteTopic('orders');
    expect(s.describeTopic('orders')).toBeUndefined();
    expect(s.listTopics().map((t) => t.name)).toEqual(['a.b-c_1']);
    await rejects(s.deleteTopic('orders'), 'UNKNOWN_TOPIC');
  });

  it('rejects illegal names and configs with INVALID_CONFIG', async () => {
    const s = await openStore();
    for (const name of ['', '.', '..', 'a b', 'tab\t', 'ü', 'x'.repeat(250), 'a/b']) {
      await rejects(s.createTopic(name, CONFIG), 'INVALID_CONFIG');
    }
    await s.createTopic('x'.repeat(249), CONFIG);
    await rejects(s.createTopic('p0', { ...CONFIG, partitions: 0 }), 'INVALID_CONFIG');
    await rejects(s.createTopic('p1', { ...CONFIG, partitions: 1.5 }), 'INVALID_CONFIG');
    await rejects(s.createTopic('r', { ...CONFIG, retentionMs: -2 }), 'INVALID_CONFIG');
    await rejects(s.createTopic('c', { ...CONFIG, cleanupPolicy: 'nope' as 'delete' }), 'INVALID_CONFIG');
    expect(s.listTopics()).toHaveLength(1);
  });

  it('deleting a topic removes its records; re-creating it starts empty', async () => {
    const s = await openStore();
    await s.createTopic('t', CONFIG);
    await s.append('t', 1, [{ key: bytes('k'), value: bytes('v') }]);
    await s.commitOffsets('g', 't', new Map([[1, 1]]));
    await s.deleteTopic('t');
    await s.createTopic('t', CONFIG);
    expect(s.offsets('t', 1)).toEqual({ start: 0, end: 0 });
    expect(await s.read('t', 1, 0, 10)).toEqual([]);
    expect(s.committedOffsets('g', 't').size).toBe(0);
    const s2 = await reopen(s);
    expect(await s2.read('t', 1, 0, 10)).toEqual([]);
  });
});

describe('deleting a large topic', () => {
  it('purges more records than one purge chunk, and leaves other topics alone', async () => {
    const s = await openStore();
    await s.createTopic('big', { ...CONFIG, partitions: 2 });
    await s.createTopic('keep', { ...CONFIG, partitions: 1 });
    const batch = Array.from({ length: 1_000 }, (_, i) => ({ key: null, value: bytes(`r${i}`), timestamp: i }));
    for (let i = 0; i < 13; i++) await s.append('big', i % 2, batch);
    await s.append('keep', 0, batch.slice(0, 3));
    await s.deleteTopic('big');
    await s.createTopic('big', { ...CONFIG, partitions: 2 });
    expect(await s.read('big', 0, 0, 10)).toEqual([]);
    expect(await s.offsetForTimestamp('big', 0, 5)).toBe(0);
    expect((await s.read('keep', 0, 0, 10)).map((r) => text(r.value))).toEqual(['r0', 'r1', 'r2']);
  });
});

describe('append and read', () => {
  it('round-trips keys, null keys and values, headers and timestamps', async () => {
    const s = await openStore(undefined, () => 42);
    await s.createTopic('t', CONFIG);
    const records: ProducerRecord[] = [
      { key: bytes('k1'), value: bytes('v1'), timestamp: 1_700_000_000_123 },
      { key: null, value: bytes('no key') },
      { key: bytes('k3'), value: null, timestamp: -5, headers: [['h', bytes('x')], ['n', null], ['ünï', new Uint8Array(0)]] },
      { key: new Uint8Array(0), value: new Uint8Array([0, 255, 128]), timestamp: 0 },
    ];
    const r = await s.append('t', 2, records);
    expect(r).toEqual({ partition: 2, baseOffset: 0 });
    const back = await s.read('t', 2, 0, 100);
    expect(back.map((b) => [b.partition, b.offset, b.timestamp, text(b.key), text(b.value)])).toEqual([
      [2, 0, 1_700_000_000_123, 'k1', 'v1'],
      [2, 1, 42, null, 'no key'],
      [2, 2, -5, 'k3', null],
      [2, 3, 0, '', '\u0000\uFFFD\uFFFD'],
    ]);
    expect(back[3]!.value).toEqual(new Uint8Array([0, 255, 128]));
    expect(back[2]!.headers.map(([k, v]) => [k, v === null ? null : [...v]])).toEqual([
      ['h', [120]],
      ['n', null],
      ['ünï', []],
    ]);
    expect(back[0]!.headers).toEqual([]);
  });

  it('assigns consecutive offsets per partition and reads ranges', async () => {
    const s = await openStore();
    await s.createTopic('t', CONFIG);
    const mk = (n: number, tag: string): ProducerRecord[] => Array.from({ length: n }, (_, i) => ({ key: null, value: bytes(`${tag}${i}`) }));
    expect(await s.append('t', 0, mk(5, 'a'))).toEqual({ partition: 0, baseOffset: 0 });
    expect(await s.append('t', 0, mk(3, 'b'))).toEqual({ partition: 0, baseOffset: 5 });
    expect(await s.append('t', 1, mk(2, 'c'))).toEqual({ partition: 1, baseOffset: 0 });
    expect(s.offsets('t', 0)).toEqual({ start: 0, end: 8 });
    expect(s.offsets('t', 1)).toEqual({ start: 0, end: 2 });
    expect(s.offsets('t', 2)).toEqual({ start: 0, end: 0 });
    const mid = await s.read('t', 0, 3, 4);
    expect(mid.map((r) => [r.offset, text(r.value)])).toEqual([
      [3, 'a3'],
      [4, 'a4'],
      [5, 'b0'],
      [6, 'b1'],
    ]);
    expect(await s.read('t', 0, 8, 10)).toEqual([]);
    expect((await s.read('t', 1, 0, 10)).map((r) => text(r.value))).toEqual(['c0', 'c1']);
    expect(await s.append('t', 0, [])).toEqual({ partition: 0, baseOffset: 8 });
  });

  it('concurrent appends in one turn get distinct, gap-free offsets', async () => {
    const s = await openStore();
    await s.createTopic('t', CONFIG);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => s.append('t', 0, [{ key: null, value: bytes(`x${i}`) }, { key: null, value: bytes(`y${i}`) }])),
    );
    expect(results.map((r) => r.baseOffset).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i * 2));
    const all = await s.read('t', 0, 0, 100);
    expect(all).toHaveLength(40);
    for (const [i, r] of results.entries()) {
      expect(text(all[r.baseOffset]!.value)).toBe(`x${i}`);
      expect(text(all[r.baseOffset + 1]!.value)).toBe(`y${i}`);
    }
  });

  it('errors on a missing topic or partition, and after close', async () => {
    const s = await openStore();
    await s.createTopic('t', CONFIG);
    await rejects(s.append('nope', 0, [{ key: null, value: null }]), 'UNKNOWN_TOPIC');
    await rejects(s.append('t', 3, [{ key: null, value: null }]), 'INVALID_PARTITION');
    await rejects(s.append('t', -1, [{ key: null, value: null }]), 'INVALID_PARTITION');
    await rejects(() => s.offsets('t', 7), 'INVALID_PARTITION');
    await rejects(() => s.offsets('nope', 0), 'UNKNOWN_TOPIC');
    await rejects(s.read('nope', 0, 0, 1), 'UNKNOWN_TOPIC');
    expect(s.offsets('t', 0).end).toBe(0);
    await s.close();
    await rejects(s.append('t', 0, [{ key: null, value: null }]), 'STORE_CLOSED');
    await rejects(() => s.listTopics(), 'STORE_CLOSED');
  });

  it('an append racing a delete of its topic fails and writes nothing', async () => {
    const s = await openStore();
    await s.createTopic('t', CONFIG);
    const [del, app] = await Promise.allSettled([s.deleteTopic('t'), s.append('t', 0, [{ key: null, value: bytes('late') }])]);
    expect(del.status).toBe('fulfilled');
    await rejects(app.status === 'rejected' ? Promise.reject(app.reason) : Promise.resolve(), 'UNKNOWN_TOPIC');
    await s.createTopic('t', CONFIG);
    expect(s.offsets('t', 0).end).toBe(0);
  });
});

describe('persistence', () => {
  it('keeps topics, records, end offsets and consumer offsets across close and reopen', async () => {
    let s = await openStore();
    await s.createTopic('t', CONFIG);
    await s.createTopic('u', { ...CONFIG, partitions: 1, retentionMs: 60_000, cleanupPolicy: 'compact' });
    await s.append('t', 0, [{ key: bytes('a'), value: bytes('1'), timestamp: 10, headers: [['h', bytes('v')]] }]);
    await s.append('t', 0, [{ key: bytes('b'), value: bytes('2'), timestamp: 20 }]);
    await s.commitOffsets('g1', 't', new Map([[0, 1]]));
    s = await reopen(s);
    expect(s.listTopics()).toEqual([
      { name: 't', config: withDefaults(CONFIG) },
      { name: 'u', config: withDefaults({ partitions: 1, replicationFactor: 1, retentionMs: 60_000, cleanupPolicy: 'compact' }) },
    ]);
    expect(s.offsets('t', 0)).toEqual({ start: 0, end: 2 });
    const back = await s.read('t', 0, 0, 10);
    expect(back.map((r) => [r.offset, r.timestamp, text(r.key), text(r.value)])).toEqual([
      [0, 10, 'a', '1'],
      [1, 20, 'b', '2'],
    ]);
    expect(back[0]!.headers.map(([k, v]) => [k, text(v)])).toEqual([['h', 'v']]);
    expect([...s.committedOffsets('g1', 't')]).toEqual([[0, 1]]);
    // Appends continue after the recovered end, and topic ids are not reused.
    expect(await s.append('t', 0, [{ key: null, value: null }])).toEqual({ partition: 0, baseOffset: 2 });
    await s.createTopic('v', CONFIG);
    await s.append('v', 0, [{ key: null, value: bytes('v') }]);
    expect((await s.read('t', 0, 0, 10)).length).toBe(3);
  });
});

describe('consumer offsets', () => {
  it('commits per group and merges partitions', async () => {
    const s = await openStore();
    await s.createTopic('t', CONFIG);
    expect(s.committedOffsets('g', 't').size).toBe(0);
    await s.commitOffsets('g', 't', new Map([[0, 5], [2, 7]]));
    await s.commitOffsets('g', 't', new Map([[0, 6]]));
    await s.commitOffsets('other', 't', new Map([[1, 1]]));
    expect([...s.committedOffsets('g', 't')].sort()).toEqual([[0, 6], [2, 7]]);
    expect([...s.committedOffsets('other', 't')]).toEqual([[1, 1]]);
    await rejects(s.commitOffsets('g', 't', new Map([[9, 1]])), 'INVALID_PARTITION');
    await rejects(s.commitOffsets('g', 'nope', new Map([[0, 1]])), 'UNKNOWN_TOPIC');
  });

  it('appendAtomic writes several partitions and the offsets in one transaction', async () => {
    const s = await openStore();
    await s.createTopic('in', CONFIG);
    await s.createTopic('out', CONFIG);
    const res = await s.appendAtomic(
      [
        { topic: 'out', partition: 0, records: [{ key: null, value: bytes('a') }] },
        { topic: 'out', partition: 2, records: [{ key: null, value: bytes('b') }] },
        { topic: 'out', partition: 0, records: [{ key: null, value: bytes('c') }] },
      ],
      { group: 'q1', topic: 'in', offsets: new Map([[1, 42]]) },
    );
    expect(res).toEqual([
      { partition: 0, baseOffset: 0 },
      { partition: 2, baseOffset: 0 },
      { partition: 0, baseOffset: 1 },
    ]);
    expect(s.offsets('out', 0).end).toBe(2);
    expect([...s.committedOffsets('q1', 'in')]).toEqual([[1, 42]]);
    // A bad partition anywhere rejects the whole step before anything is written.
    await rejects(
      s.appendAtomic([
        { topic: 'out', partition: 1, records: [{ key: null, value: bytes('x') }] },
        { topic: 'out', partition: 5, records: [{ key: null, value: bytes('y') }] },
      ]),
      'INVALID_PARTITION',
    );
    expect(s.offsets('out', 1).end).toBe(0);
  });
});

describe('onAppend', () => {
  it('fires after the append with the new end offset, and stops after unsubscribe', async () => {
    const s = await openStore();
    await s.createTopic('t', CONFIG);
    const seen: [number, number, number][] = [];
    const off = s.onAppend('t', (p, end) => seen.push([p, end, s.offsets('t', p).end]));
    const p = s.append('t', 1, [{ key: null, value: null }, { key: null, value: null }]);
    expect(seen).toEqual([]); // not before the commit
    await p;
    expect(seen).toEqual([[1, 2, 2]]);
    await s.append('t', 1, [{ key: null, value: null }]);
    expect(seen).toEqual([
      [1, 2, 2],
      [1, 3, 3],
    ]);
    off();
    await s.append('t', 1, [{ key: null, value: null }]);
    expect(seen).toHaveLength(2);
  });

  it('wakes a waiting reader without polling', async () => {
    const s = await openStore();
    await s.createTopic('t', CONFIG);
    const woke = new Promise<number>((resolve) => s.onAppend('t', (_p, end) => resolve(end)));
    setTimeout(() => void s.append('t', 0, [{ key: null, value: bytes('hi') }]), 5);
    expect(await woke).toBe(1);
    expect(text((await s.read('t', 0, 0, 1))[0]!.value)).toBe('hi');
  });
});

describe('offsetForTimestamp', () => {
  it('finds the first offset with timestamp >= t, or the end', async () => {
    const s = await openStore();
    await s.createTopic('t', CONFIG);
    await s.append('t', 0, [10, 20, 20, 30, 25, 40].map((timestamp) => ({ key: null, value: null, timestamp })));
    expect(await s.offsetForTimestamp('t', 0, 0)).toBe(0);
    expect(await s.offsetForTimestamp('t', 0, 10)).toBe(0);
    expect(await s.offsetForTimestamp('t', 0, 11)).toBe(1);
    expect(await s.offsetForTimestamp('t', 0, 20)).toBe(1);
    expect(await s.offsetForTimestamp('t', 0, 21)).toBe(3);
    expect(await s.offsetForTimestamp('t', 0, 26)).toBe(3);
    expect(await s.offsetForTimestamp('t', 0, 40)).toBe(5);
    expect(await s.offsetForTimestamp('t', 0, 41)).toBe(6);
    expect(await s.offsetForTimestamp('t', 1, 0)).toBe(0);
  });

  it('agrees with a brute-force scan on long logs with out-of-order timestamps', async () => {
    const s = await openStore();
    await s.createTopic('t', CONFIG);
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const ts: number[] = [];
    for (let i = 0; i < 6 * TIME_INDEX_INTERVAL; i++) {
      // Mostly rising, with jitter, plateaus and a few jumps back.
      const base = i < 2 * TIME_INDEX_INTERVAL ? i * 3 : i < 3 * TIME_INDEX_INTERVAL ? 700 : i * 2;
      ts.push(base + rand(40) - (rand(10) === 0 ? 300 : 0));
    }
    for (let i = 0; i < ts.length; i += 100) {
      await s.append('t', 0, ts.slice(i, i + 100).map((timestamp) => ({ key: null, value: null, timestamp })));
    }
    const brute = (t: number): number => {
      const i = ts.findIndex((x) => x >= t);
      return i < 0 ? ts.length : i;
    };
    for (let t = -400; t <= 1700; t += 7) expect(await s.offsetForTimestamp('t', 0, t)).toBe(brute(t));
  });
});

describe('retention', () => {
  it('deletes the expired prefix of delete-policy topics and advances the start offset', async () => {
    let now = 10_000;
    const s = await openStore(undefined, () => now);
    await s.createTopic('short', { ...CONFIG, partitions: 1, retentionMs: 1_000 });
    await s.createTopic('forever', { ...CONFIG, partitions: 1 });
    const stamps = [8_000, 8_500, 9_500, 8_000, 9_900];
    await s.append('short', 0, stamps.map((timestamp) => ({ key: null, value: null, timestamp })));
    await s.append('forever', 0, stamps.map((timestamp) => ({ key: null, value: null, timestamp })));
    // cutoff 9_000: the first record >= 9_000 is offset 2; offset 3 (8_000) stays behind it.
    expect(await s.deleteExpiredRecords()).toBe(2);
    expect(s.offsets('short', 0)).toEqual({ start: 2, end: 5 });
    expect((await s.read('short', 0, 0, 10)).map((r) => r.offset)).toEqual([2, 3, 4]);
    expect(s.offsets('forever', 0)).toEqual({ start: 0, end: 5 });
    expect(await s.offsetForTimestamp('short', 0, 0)).toBe(2);
    now = 20_000;
    expect(await s.deleteExpiredRecords()).toBe(3);
    expect(s.offsets('short', 0)).toEqual({ start: 5, end: 5 });
    const s2 = await reopen(s, () => now);
    expect(s2.offsets('short', 0)).toEqual({ start: 5, end: 5 });
    expect(await s2.append('short', 0, [{ key: null, value: null, timestamp: 20_000 }])).toEqual({ partition: 0, baseOffset: 5 });
    expect(await s2.offsetForTimestamp('short', 0, 0)).toBe(5);
  });
});

describe('performance', () => {
  it('appends 10,000 small records in batches of 500 and reads them back quickly', async () => {
    const s = await openStore();
    await s.createTopic('perf', { ...CONFIG, partitions: 1 });
    const value = bytes('{"id":123,"name":"a small record","amount":42.5}');
    const t0 = performance.now();
    for (let b = 0; b < 20; b++) {
      await s.append('perf', 0, Array.from({ length: 500 }, (_, i) => ({ key: bytes(`k${b * 500 + i}`), value })));
    }
    const t1 = performance.now();
    let n = 0;
    for (let from = 0; from < 10_000; ) {
      const got = await s.read('perf', 0, from, 1_000);
      n += got.length;
      from = got[got.length - 1]!.offset + 1;
    }
    const t2 = performance.now();
    expect(n).toBe(10_000);
    console.log(`store perf: append 10k/500 ${(t1 - t0).toFixed(0)} ms, read 10k ${(t2 - t1).toFixed(0)} ms`);
    expect(t2 - t0).toBeLessThan(1_000);
  });
});
