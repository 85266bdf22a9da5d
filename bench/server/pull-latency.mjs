// Pull-query latency without other load (not a test): starts a server in this process, writes K
// keys straight into a source table's topic (as a producer would; no /inserts-stream), then runs
// N pull queries one after another over HTTP keep-alive and reports the first (index-building)
// query and the p50/p99 of the rest. Isolates what one pull query costs from the load run's noise.
//   node bench/server/pull-latency.mjs [--keys 100000] [--queries 5000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from '../../dist/src/server/server.js';
import { partitionForKey } from '../../dist/src/store/partitioner.js';

const { values: o } = parseArgs({ options: { keys: { type: 'string', default: '100000' }, queries: { type: 'string', default: '5000' } } });
const KEYS = Number(o.keys), QUERIES = Number(o.queries), PARTITIONS = 4, APPEND_BATCH = 5000;
const dir = mkdtempSync(join(tmpdir(), 'streamsql-pull-'));
const server = await startServer({ dataDir: join(dir, 'data'), port: 0 });
const post = async (path, body) => (await fetch(server.url + path, { method: 'POST', body: JSON.stringify(body), headers: { accept: 'application/json' } })).text();
await post('/ksql', { ksql: "CREATE SOURCE TABLE users (id STRING PRIMARY KEY, score INT) WITH (kafka_topic='users', partitions=4, value_format='JSON');" });
const byPartition = Array.from({ length: PARTITIONS }, () => []);
for (let k = 0; k < KEYS; k++) {
  const key = Buffer.from(`u${k}`);
  byPartition[partitionForKey(key, PARTITIONS)].push({ key, value: Buffer.from(JSON.stringify({ SCORE: k })) });
}
for (const [p, records] of byPartition.entries()) {
  for (let i = 0; i < records.length; i += APPEND_BATCH) await server.engine.store.append('users', p, records.slice(i, i + APPEND_BATCH));
}
byPartition.length = 0;
const pull = (k) => post('/query-stream', { sql: `SELECT * FROM users WHERE id = 'u${k}';` });
let t = performance.now();
if (!(await pull(0)).includes('u0')) throw new Error('pull query did not find u0');
const coldMs = performance.now() - t;
const lat = [];
for (let i = 0; i < QUERIES; i++) {
  const k = (i * 7919) % KEYS;
  t = performance.now();
  if (!(await pull(k)).includes(`"u${k}"`)) throw new Error(`pull query did not find u${k}`);
  lat.push(performance.now() - t);
}
lat.sort((a, b) => a - b);
const pct = (p) => +lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))].toFixed(2);
console.log(JSON.stringify({ keys: KEYS, queries: QUERIES, coldMs: +coldMs.toFixed(1), p50ms: pct(50), p99ms: pct(99), maxMs: pct(100) }));
await server.close();
rmSync(dir, { recursive: true, force: true });
