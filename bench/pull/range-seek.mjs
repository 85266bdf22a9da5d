// Pull-query range reads on the table index: seeking to the bounds vs scanning and filtering.
// Run after `npm run build`: node bench/pull/range-seek.mjs
import { openLmdbTopicStore } from '../../dist/src/store/lmdb/index.js';
import { tableIndexFor } from '../../dist/src/exec/pull/table-index.js';
import { partitionForKey } from '../../dist/src/store/partitioner.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const dir = mkdtempSync(join(tmpdir(), 'pull-range-'));
const store = await openLmdbTopicStore(dir);
await store.createTopic('t', { partitions: 4, replicationFactor: 1, retentionMs: -1, cleanupPolicy: 'delete' });
const per = [[], [], [], []];
for (let i = 0; i < 100000; i++) { const k = Buffer.from('k' + String(i).padStart(6, '0')); per[partitionForKey(k, 4)].push({ key: k, value: Buffer.from('{"V":1}') }); }
for (let p = 0; p < 4; p++) for (let i = 0; i < per[p].length; i += 5000) await store.append('t', p, per[p].slice(i, i + 5000));
const index = tableIndexFor(store, 't', 'x', 0);
await index.catchUp();
index.scan();
const time = (f, n) => { const t0 = performance.now(); for (let i = 0; i < n; i++) f(); return (performance.now() - t0) / n; };
const lo = Buffer.from('k050000'), hi = Buffer.from('k050009');
const seek = time(() => index.range(lo, hi), 200);
const scan = time(() => index.scan().filter((r) => Buffer.compare(r.key, lo) >= 0 && Buffer.compare(r.key, hi) <= 0), 20);
console.log(`100k keys, 4 partitions, range of 10 keys: seek ${seek.toFixed(3)} ms, scan+filter ${scan.toFixed(1)} ms, rows ${index.range(lo, hi).length}`);
await store.close();
rmSync(dir, { recursive: true, force: true });
