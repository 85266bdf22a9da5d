// Load test of `streamsql serve` (not a test): P concurrent push queries and R pull queries/s for
// D seconds against one server, over HTTP/1.1 keep-alive. Reports pull-query latency p50/p99 and
// push delivery latency p50/p99 (insert sent → row received by every push client).
//   node bench/server/load.mjs [--keys 100000] [--push 50] [--pull-rate 200] [--seconds 60] [--insert-rate 20]
//     [--preload]          write the keys straight into the data dir before the server starts (fast;
//                          the default loads them through /inserts-stream, one commit per row)
//     [--server-flags=F]   node flags for the server process, e.g. --server-flags="--cpu-prof --cpu-prof-dir=/tmp/prof"
//     [--probe]            the server reports its event-loop delay and GC pauses during the run (stderr)
//     [--push-clients worker|main]  where the push clients read their rows: a worker thread (default),
//                          so that this thread's pull timings do not wait behind 50 streams of rows,
//                          or this thread (how runs before 2026-11-23's pulllat branch measured)
//     [--pull-client http|fetch]  node:http keep-alive (default) or the global fetch (runs before
//                          2026-11-23, session 6); see pull-client.mjs for why
//     [--floor-seconds 15] first time the same pull client against a server that does nothing
//                          (reported as floorPullP50ms/floorPullP99ms; 0 skips it)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { CREATE_TICKS, CREATE_USERS, PROBE, preloadUsers, startServerProcess } from './bench-server.mjs';
import { echoFloor, fetchPoster, httpPoster } from './pull-client.mjs';
import { startPushClients } from './push-clients.mjs';

const { values: o } = parseArgs({
  options: {
    keys: { type: 'string', default: '100000' },
    push: { type: 'string', default: '50' },
    'pull-rate': { type: 'string', default: '200' },
    seconds: { type: 'string', default: '60' },
    'insert-rate': { type: 'string', default: '20' },
    preload: { type: 'boolean', default: false },
    'server-flags': { type: 'string', default: '' },
    probe: { type: 'boolean', default: false },
    'push-clients': { type: 'string', default: 'worker' },
    'pull-client': { type: 'string', default: 'http' },
    'floor-seconds': { type: 'string', default: '15' },
  },
});
const KEYS = Number(o.keys), PUSH = Number(o.push), PULL_RATE = Number(o['pull-rate']), SECONDS = Number(o.seconds), INSERT_RATE = Number(o['insert-rate']);

const LOAD_BATCH = 1000;
if (o['pull-client'] !== 'http' && o['pull-client'] !== 'fetch') throw new Error(`--pull-client must be http or fetch, got ${o['pull-client']}`);
const pullPost = o['pull-client'] === 'http' ? httpPoster() : fetchPoster();
// The same client at the same rate against a server that does nothing: what the numbers below
// cannot go under on this machine (pull-client.mjs).
const floor = Number(o['floor-seconds']) > 0 ? await echoFloor(pullPost, PULL_RATE, Number(o['floor-seconds'])) : undefined;

const dir = mkdtempSync(join(tmpdir(), 'streamsql-bench-'));
const preloadStart = performance.now();
if (o.preload) await preloadUsers(join(dir, 'data'), KEYS);
const serverFlags = [...o['server-flags'].split(' ').filter(Boolean), ...(o.probe ? ['--import', PROBE] : [])];
const { server, url, stop: stopServer } = await startServerProcess(join(dir, 'data'), serverFlags);

const post = async (path, body, extra = {}) => {
  const res = await fetch(url + path, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), ...extra });
  return res;
};
const ksqlPost = httpPoster();
const ksql = async (sql) => {
  const { status, text } = await ksqlPost(url + '/ksql', JSON.stringify({ ksql: sql }));
  if (status !== 200) throw new Error(`${sql}: ${text}`);
  return JSON.parse(text);
};

// A source table is materialized for pull queries (a plain CREATE TABLE is not queryable, as in ksqlDB).
const loadStart = o.preload ? preloadStart : performance.now();
if (!o.preload) {
  await ksql(CREATE_USERS);
  await ksql(CREATE_TICKS);
}
for (let i = 0; !o.preload && i < KEYS; i += LOAD_BATCH) {
  let body = '{"target":"users"}\n';
  // /inserts-stream only targets streams; the table's topic is loaded through a stream over it.
  if (i === 0) await ksql("CREATE STREAM users_in (id STRING KEY, score INT) WITH (kafka_topic='users', value_format='JSON');");
  body = '{"target":"users_in"}\n';
  for (let k = i; k < Math.min(KEYS, i + LOAD_BATCH); k++) body += JSON.stringify({ id: `u${k}`, score: k }) + '\n';
  const res = await post('/inserts-stream', body);
  const text = await res.text();
  if (!res.ok || text.includes('"error"')) throw new Error(`load failed: ${text.slice(0, 300)}`);
}
console.log(`loaded ${KEYS} keys${o.preload ? ' (preloaded)' : ''} in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`);

// The first pull query builds the table's index from its topic (docs/decisions/0041-pull-queries.md);
// it is timed on its own and kept out of the load run's percentiles.
const coldStart = performance.now();
const cold = await post('/query-stream', { sql: `SELECT * FROM users WHERE id = 'u0';` }, { headers: { accept: 'application/json' } });
if (!(await cold.text()).includes('u0')) throw new Error('warm-up pull query did not find u0');
const pullColdMs = performance.now() - coldStart;

// Push clients in their own thread (default) or in this one (--push-clients main, as before).
const pushClients = await startPushClientsIn(o['push-clients']);

const pullLatencies = [];
let pullErrors = 0;
let firstPullError = null;
const pullError = (what) => {
  pullErrors++;
  firstPullError ??= what.slice(0, 300);
};
let inFlight = 0;
let maxInFlight = 0;
async function pullOnce() {
  const key = `u${Math.floor(Math.random() * KEYS)}`;
  const t = performance.now();
  inFlight++;
  maxInFlight = Math.max(maxInFlight, inFlight);
  try {
    const { status, text } = await pullPost(url + '/query-stream', JSON.stringify({ sql: `SELECT * FROM users WHERE id = '${key}';` }));
    if (status !== 200 || !text.includes(key)) pullError(`${key}: HTTP ${status} ${text}`);
  } catch (err) {
    pullError(`${key}: ${err.message}`);
  } finally {
    inFlight--;
  }
  pullLatencies.push(performance.now() - t);
}

if (o.probe) server.kill('SIGUSR2');
// The bench's own event loop: a pull reply that arrives while this process is busy (say, reading 50
// push rows) is timed late, so a tail here is the client's, not the server's.
const clientLoop = monitorEventLoopDelay({ resolution: 1 });
clientLoop.enable();
const end = Date.now() + SECONDS * 1000;
const pulls = [];
const pullTimer = PULL_RATE > 0 ? setInterval(() => pulls.push(pullOnce()), 1000 / PULL_RATE) : undefined;
let seq = 0;
// A rate of 0 sends nothing (setInterval would read 1000/0 as 1 ms).
const insertTimer = INSERT_RATE > 0 ? setInterval(() => {
  void ksql(`INSERT INTO ticks (id, sent) VALUES ('t${seq++}', ${Date.now()});`).catch((e) => console.error(e.message));
}, 1000 / INSERT_RATE) : undefined;
while (Date.now() < end) await new Promise((r) => setTimeout(r, 200));
clearInterval(pullTimer);
clearInterval(insertTimer);
await Promise.all(pulls);
await new Promise((r) => setTimeout(r, 500));
const pushLatencies = await pushClients.stop();

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const mem = await (await fetch(url + '/info')).json();
console.log(JSON.stringify({
  keys: KEYS, pushQueries: PUSH, pullRatePerSec: PULL_RATE, seconds: SECONDS,
  pullColdMs: +pullColdMs.toFixed(1), pullQueries: pullLatencies.length, pullErrors, firstPullError, pullMaxInFlight: maxInFlight,
  pullClient: o['pull-client'], pullP50ms: +pct(pullLatencies, 50).toFixed(2), pullP99ms: +pct(pullLatencies, 99).toFixed(2),
  floorPullP50ms: floor?.p50 ?? null, floorPullP99ms: floor?.p99 ?? null,
  insertsSent: seq, pushRowsReceived: pushLatencies.length, expectedPushRows: seq * PUSH,
  pushP50ms: pct(pushLatencies, 50), pushP99ms: pct(pushLatencies, 99), server: mem.KsqlServerInfo.version,
  clientLoopDelayP99ms: +(clientLoop.percentile(99) / 1e6).toFixed(2), clientLoopDelayMaxMs: +(clientLoop.max / 1e6).toFixed(2),
}, null, 1));
await stopServer();
rmSync(dir, { recursive: true, force: true });

async function startPushClientsIn(where) {
  if (where === 'main') {
    const clients = startPushClients(url, PUSH);
    await clients.started;
    return clients;
  }
  if (where !== 'worker') throw new Error(`--push-clients must be worker or main, got ${where}`);
  const worker = new Worker(new URL('./push-clients.mjs', import.meta.url), { workerData: { pushClients: true, url, count: PUSH } });
  const message = () => new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await message();
  return {
    async stop() {
      const reply = message();
      worker.postMessage('stop');
      const { latencies } = await reply;
      await worker.terminate();
      return latencies;
    },
  };
}
