/**
 * A compression codec whose package cannot load (a missing native binary) is a clear
 * UNSUPPORTED_COMPRESSION error naming the package, for appends and for reads of batches that use
 * it; the process does not crash, other topics keep working, and nothing stored is lost. The
 * codec is made unavailable in a real child process (node --require a resolver that refuses
 * 'snappy'); the store and its LMDB files are real.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openLmdbTopicStore } from '../../../src/store/lmdb/index.js';
import type { TopicConfig } from '../../../src/store/topic-store.js';
import { tempDirs } from '../helpers/temp-dir.js';

const dirs = tempDirs('lmdb-codec');
afterEach(() => dirs.cleanup());

const CONFIG: TopicConfig = { partitions: 1, replicationFactor: 1, retentionMs: -1, cleanupPolicy: 'delete' };
const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const STORE_MODULE = new URL('../../../dist/src/store/lmdb/index.js', import.meta.url).href;

describe('a compression codec that cannot load', () => {
  it('is a clear error for that topic only; stored records survive', async () => {
    const dir = dirs.make();
    const enc = new TextEncoder();
    const store = await openLmdbTopicStore(dir);
    await store.createTopic('s', { ...CONFIG, compressionType: 'snappy' });
    await store.createTopic('g', { ...CONFIG, compressionType: 'gzip' });
    await store.append('s', 0, [{ key: null, value: enc.encode('a'.repeat(500)) }]);
    await store.close();

    const out = execFileSync(process.execPath, ['--require', fixture('without-snappy.cjs'), fixture('codec-unavailable-child.mjs'), dir, STORE_MODULE], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    const result = JSON.parse(out) as Record<string, { ok: boolean; code?: string; message?: string; value?: unknown }>;
    for (const op of ['readSnappy', 'appendSnappy']) {
      expect(result[op]).toMatchObject({ ok: false, code: 'UNSUPPORTED_COMPRESSION' });
      expect(result[op]!.message).toContain("compression 'snappy' is not available: its package snappy could not be loaded");
    }
    expect(result['appendGzip']!.ok).toBe(true);
    expect(result['readGzip']).toEqual({ ok: true, value: ['still here'] });
    expect(result['snappyOffsets']).toEqual({ start: 0, end: 1 });

    // With the package back, the record written before is intact.
    const again = await openLmdbTopicStore(dir);
    try {
      const records = await again.read('s', 0, 0, 10);
      expect(records.map((r) => new TextDecoder().decode(r.value!))).toEqual(['a'.repeat(500)]);
    } finally {
      await again.close();
    }
  });
});
