// What one pull query costs inside the engine (not a test): no HTTP, no other load. Opens an engine
// on a temp data dir with K keys in a source table, then runs N pull queries through a session
// (`session.execute`, as the server does) and reports CPU µs and heap bytes allocated per query.
// Allocation is read as heap growth with no GC in between, so run it with a young generation large
// enough to hold a round (the npm script below passes the flags):
//   node --expose-gc --min-semi-space-size=128 --max-semi-space-size=128 bench/server/pull-engine.mjs
//     [--keys 100000] [--queries 2000] [--rounds 5] [--sql "SELECT * FROM users WHERE id = '{k}';"]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { preloadUsers } from './bench-server.mjs';

const { values: o } = parseArgs({
  options: {
    keys: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '5' },
    sql: { type: 'string', default: "SELECT * FROM users WHERE id = '{k}';" },
  },
});
const KEYS = Number(o.keys), QUERIES = Number(o.queries), ROUNDS = Number(o.rounds);
const ROUND = 200; // queries between two heap readings (~20 MB at most, well inside the young generation)
if (typeof globalThis.gc !== 'function') throw new Error('run with --expose-gc (see the header)');

const dir = mkdtempSync(join(tmpdir(), 'streamsql-pull-engine-'));
await preloadUsers(join(dir, 'data'), KEYS);
const { Engine } = await import('../../dist/src/engine/engine.js');
const engine = await Engine.open({ dataDir: join(dir, 'data') });
const pull = async (k) => {
  let found = false;
  for await (const e of engine.createSession().execute(o.sql.replaceAll('{k}', `u${k}`))) {
    if (e.type === 'error') throw new Error(e.diagnostic.message);
    if (e.type === 'rows') found = true;
  }
  if (!found) throw new Error(`no row for u${k}`);
};
for (let i = 0; i < 500; i++) await pull((i * 31) % KEYS); // index build and JIT warm-up
const results = [];
for (let r = 0; r < ROUNDS; r++) {
  // CPU: the queries back to back, as a server runs them.
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < QUERIES; i++) await pull((i * 7919 + r) % KEYS);
  const cpu = process.cpuUsage(cpu0);
  // Allocation: heap growth over rounds of ROUND queries, with a full GC before each round.
  let bytes = 0;
  let measured = 0;
  for (let i = 0; i < QUERIES; i += ROUND) {
    globalThis.gc();
    const before = process.memoryUsage().heapUsed;
    for (let j = i; j < Math.min(QUERIES, i + ROUND); j++) await pull((j * 7919 + r) % KEYS);
    const grown = process.memoryUsage().heapUsed - before;
    if (grown > 0) (bytes += grown), (measured += Math.min(QUERIES, i + ROUND) - i);
  }
  results.push({ cpuUs: (cpu.user + cpu.system) / QUERIES, bytes: bytes / Math.max(1, measured) });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(JSON.stringify({
  keys: KEYS, queries: QUERIES, rounds: ROUNDS,
  cpuUsPerQuery: Math.round(median(results.map((x) => x.cpuUs))),
  kbAllocatedPerQuery: +(median(results.map((x) => x.bytes)) / 1024).toFixed(1),
}));
await engine.close();
rmSync(dir, { recursive: true, force: true });
