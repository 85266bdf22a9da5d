import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { waitUntilSettled } from '../../src/conformance/settle.js';
import { openLmdbTopicStore } from '../../src/store/lmdb/index.js';
import type { TopicStore } from '../../src/store/topic-store.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function store(): Promise<TopicStore> {
  const dir = await mkdtemp(join(tmpdir(), 'settle-test-'));
  const s = await openLmdbTopicStore(join(dir, 'store'), { clock: () => 0 });
  cleanups.push(async () => {
    await s.close();
    await rm(dir, { recursive: true, force: true });
  });
  await s.createTopic('in', { partitions: 1, replicationFactor: 1, retentionMs: -1, cleanupPolicy: 'delete' });
  return s;
}

/** A fake clock advanced by the injected sleep: the loop runs without real waiting. */
function fakeTime(onTick?: (t: number) => Promise<void>) {
  let t = 0;
  return {
    now: () => t,
    sleep: async (ms: number) => {
      t += ms;
      await onTick?.(t);
    },
  };
}

describe('waitUntilSettled', () => {
  it('waits for a lagging consumer group, then for the quiet period', async () => {
    const s = await store();
    await s.append('in', 0, [{ key: null, value: null }]);
    let committedAt = -1;
    const time = fakeTime(async (t) => {
      if (t === 300) {
        await s.commitOffsets('q1', 'in', new Map([[0, 1]]));
        committedAt = t;
      }
    });
    await s.commitOffsets('q1', 'in', new Map([[0, 0]]));
    expect(await waitUntilSettled(s, () => ['q1'], { ...time, pollMs: 10, quietCaughtUpMs: 50 })).toBe('settled');
    expect(committedAt).toBe(300);
    expect(time.now()).toBeGreaterThanOrEqual(300);
    expect(time.now()).toBeLessThan(400);
  });

  it('times out while a group never catches up', async () => {
    const s = await store();
    await s.append('in', 0, [{ key: null, value: null }]);
    await s.commitOffsets('q1', 'in', new Map([[0, 0]]));
    const time = fakeTime();
    expect(await waitUntilSettled(s, () => ['q1'], { ...time, timeoutMs: 1000 })).toBe('timeout');
    expect(time.now()).toBeGreaterThanOrEqual(1000);
  });

  it('restarts the quiet period when a topic grows', async () => {
    const s = await store();
    const time = fakeTime(async (t) => {
      if (t === 150) await s.append('in', 0, [{ key: null, value: null }]);
    });
    expect(await waitUntilSettled(s, () => [], { ...time, pollMs: 10, quietMs: 200 })).toBe('settled');
    expect(time.now()).toBe(350);
  });
});
