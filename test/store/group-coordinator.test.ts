import { afterEach, describe, expect, it } from 'vitest';
import { GroupCoordinator } from '../../src/store/group-coordinator.js';
import { openLmdbTopicStore, type LmdbTopicStore } from '../../src/store/lmdb/index.js';
import type { Timers } from '../../src/store/timers.js';
import { TopicStoreError, type TopicConfig } from '../../src/store/topic-store.js';
import { tempDirs } from './helpers/temp-dir.js';

const dirs = tempDirs('groups');
let store: LmdbTopicStore | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
  dirs.cleanup();
});

const CONFIG: TopicConfig = { partitions: 5, replicationFactor: 1, retentionMs: -1, cleanupPolicy: 'delete' };

/** Timers on a fake clock: advance(ms) fires what is due. */
function fakeTimers(): Timers & { advance(ms: number): void } {
  let now = 0;
  let next = 1;
  const due = new Map<number, { at: number; fn: () => void }>();
  return {
    setTimeout(fn, ms) {
      due.set(next, { at: now + ms, fn });
      return next++;
    },
    clearTimeout(handle) {
      due.delete(handle as number);
    },
    advance(ms) {
      now += ms;
      for (const [id, t] of [...due].sort((a, b) => a[1].at - b[1].at)) {
        if (t.at <= now && due.delete(id)) t.fn();
      }
    },
  };
}

async function setup(): Promise<{ s: LmdbTopicStore; timers: ReturnType<typeof fakeTimers>; groups: GroupCoordinator }> {
  store = await openLmdbTopicStore(dirs.make(), { cleanupIntervalMs: 0 });
  await store.createTopic('a', CONFIG);
  await store.createTopic('b', { ...CONFIG, partitions: 2 });
  const timers = fakeTimers();
  return { s: store, timers, groups: new GroupCoordinator(store, { timers, sessionTimeoutMs: 1_000 }) };
}

const owned = (m: { assignment(): ReadonlyMap<string, readonly number[]> }): Record<string, readonly number[]> => Object.fromEntries(m.assignment());

describe('GroupCoordinator', () => {
  it('gives every partition to exactly one member and rebalances on join and leave', async () => {
    const { groups } = await setup();
    const m1 = groups.join('g', ['a', 'b']);
    expect(owned(m1)).toEqual({ a: [0, 1, 2, 3, 4], b: [0, 1] });
    const rebalances: number[] = [];
    m1.onRebalance((_, generation) => rebalances.push(generation));
    const m2 = groups.join('g', ['a']);
    expect(owned(m1)).toEqual({ a: [0, 1, 2], b: [0, 1] });
    expect(owned(m2)).toEqual({ a: [3, 4] });
    const m3 = groups.join('g', ['a', 'b']);
    expect([owned(m1), owned(m2), owned(m3)]).toEqual([{ a: [0, 1], b: [0] }, { a: [2, 3] }, { a: [4], b: [1] }]);
    expect(groups.describeGroup('g')?.generation).toBe(3);
    m2.leave();
    expect([owned(m1), owned(m3)]).toEqual([{ a: [0, 1, 2], b: [0] }, { a: [3, 4], b: [1] }]);
    expect(rebalances).toEqual([2, 3, 4]);
    expect(() => m2.heartbeat()).toThrow(TopicStoreError);
    // another group reads the same topic at its own pace, with all partitions
    expect(owned(groups.join('h', ['a']))).toEqual({ a: [0, 1, 2, 3, 4] });
  });

  it('removes a member that misses its session timeout; heartbeats keep it', async () => {
    const { groups, timers } = await setup();
    const m1 = groups.join('g', ['a']);
    const m2 = groups.join('g', ['a']);
    timers.advance(600);
    m1.heartbeat();
    timers.advance(600); // m2 silent for 1200 ms > 1000
    expect(groups.describeGroup('g')?.members.map((m) => m.memberId)).toEqual([m1.memberId]);
    expect(owned(m1)).toEqual({ a: [0, 1, 2, 3, 4] });
    let err: unknown;
    try {
      m2.heartbeat();
    } catch (e) {
      err = e;
    }
    expect((err as TopicStoreError).code).toBe('UNKNOWN_MEMBER');
    timers.advance(2_000);
    expect(groups.describeGroup('g')).toBeUndefined();
  });

  it('commits only owned partitions in the current generation', async () => {
    const { s, groups } = await setup();
    const m1 = groups.join('g', ['a']);
    const gen1 = m1.generation();
    await m1.commit('a', new Map([[4, 10]]), gen1);
    groups.join('g', ['a']); // m1 now owns 0..2
    await expect(m1.commit('a', new Map([[1, 7]]), gen1)).rejects.toMatchObject({ code: 'ILLEGAL_GENERATION' });
    await expect(m1.commit('a', new Map([[4, 11]]))).rejects.toMatchObject({ code: 'ILLEGAL_GENERATION' });
    await m1.commit('a', new Map([[1, 7]]), m1.generation());
    expect([...s.committedOffsets('g', 'a')]).toEqual([[1, 7], [4, 10]]);
    expect(() => groups.join('g', ['nope'])).toThrow(/does not exist/);
  });
});
