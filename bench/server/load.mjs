// Load test of `streamsql serve` (not a test): P concurrent push queries and R pull queries/s for
// D seconds against one server, over HTTP/1.1 keep-alive. Reports pull-query latency p50/p99 and
// push delivery latency p50/p99 (insert sent → row received by every push client).
//   node bench/server/load.mjs [--keys 100000] [--push 50] [--pull-rate 200] [--seconds 60] [--insert-rate 20]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values: o } = parseArgs({
  options: {
    keys: { type: 'string', default: '100000' },
    push: { type: 'string', default: '50' },
    'pull-rate': { type: 'string', default: '200' },
    seconds: { type: 'string', default: '60' },
    'insert-rate': { type: 'string', default: '20' },
  },
});
const KEYS = Number(o.keys), PUSH = Number(o.push), PULL_RATE = Number(o['pull-rate']), SECONDS = Number(o.seconds), INSERT_RATE = Number(o['insert-rate']);
const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'streamsql');
const LOAD_BATCH = 1000;

const dir = mkdtempSync(join(tmpdir(), 'streamsql-bench-'));
const server = spawn(BIN, ['serve', '--port', '0', '--data-dir', join(dir, 'data')], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d) => {
    out += d;
    const m = /listening on (\S+)/.exec(out);
    if (m) resolve(m[1]);
  });
  server.on('exit', (code) => reject(new Error(`server exited ${code}`)));
});

const post = async (path, body, extra = {}) => {
  const res = await fetch(url + path, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), ...extra });
  return res;
};
const ksql = async (sql) => {
  const res = await post('/ksql', { ksql: sql });
  if (!res.ok) throw new Error(`${sql}: ${await res.text()}`);
  return res.json();
};

// A source table is materialized for pull queries (a plain CREATE TABLE is not queryable, as in ksqlDB).
await ksql("CREATE SOURCE TABLE users (id STRING PRIMARY KEY, score INT) WITH (kafka_topic='users', partitions=4, value_format='JSON');");
await ksql("CREATE STREAM ticks (id STRING KEY, sent BIGINT) WITH (kafka_topic='ticks', partitions=1, value_format='JSON');");
const loadStart = performance.now();
for (let i = 0; i < KEYS; i += LOAD_BATCH) {
  let body = '{"target":"users"}\n';
  // /inserts-stream only targets streams; the table's topic is loaded through a stream over it.
  if (i === 0) await ksql("CREATE STREAM users_in (id STRING KEY, score INT) WITH (kafka_topic='users', value_format='JSON');");
  body = '{"target":"users_in"}\n';
  for (let k = i; k < Math.min(KEYS, i + LOAD_BATCH); k++) body += JSON.stringify({ id: `u${k}`, score: k }) + '\n';
  const res = await post('/inserts-stream', body);
  const text = await res.text();
  if (!res.ok || text.includes('"error"')) throw new Error(`load failed: ${text.slice(0, 300)}`);
}
console.log(`loaded ${KEYS} keys in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`);

// The first pull query builds the table's index from its topic (docs/decisions/0041-pull-queries.md);
// it is timed on its own and kept out of the load run's percentiles.
const coldStart = performance.now();
const cold = await post('/query-stream', { sql: `SELECT * FROM users WHERE id = 'u0';` }, { headers: { accept: 'application/json' } });
if (!(await cold.text()).includes('u0')) throw new Error('warm-up pull query did not find u0');
const pullColdMs = performance.now() - coldStart;

const pushLatencies = [];
const pushControllers = [];
let pushStarted = 0;
async function pushClient() {
  const controller = new AbortController();
  pushControllers.push(controller);
  const res = await post('/query-stream', { sql: 'SELECT id, sent FROM ticks EMIT CHANGES;' }, { signal: controller.signal });
  pushStarted++;
  const decoder = new TextDecoder();
  let pending = '';
  let header = true;
  try {
    for await (const chunk of res.body) {
      const now = Date.now();
      pending += decoder.decode(chunk, { stream: true });
      let nl;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        if (header) header = false;
        else pushLatencies.push(now - JSON.parse(line)[1]);
      }
    }
  } catch (err) {
    if (!controller.signal.aborted) console.error('push client failed:', err.message);
  }
}
const pushDone = Array.from({ length: PUSH }, pushClient);
while (pushStarted < PUSH) await new Promise((r) => setTimeout(r, 20));

const pullLatencies = [];
let pullErrors = 0;
let inFlight = 0;
let maxInFlight = 0;
async function pullOnce() {
  const key = `u${Math.floor(Math.random() * KEYS)}`;
  const t = performance.now();
  inFlight++;
  maxInFlight = Math.max(maxInFlight, inFlight);
  try {
    const res = await post('/query-stream', { sql: `SELECT * FROM users WHERE id = '${key}';` }, { headers: { accept: 'application/json' } });
    const text = await res.text();
    if (!res.ok) pullErrors++;
    else if (!text.includes(key)) pullErrors++;
  } catch {
    pullErrors++;
  } finally {
    inFlight--;
  }
  pullLatencies.push(performance.now() - t);
}

const end = Date.now() + SECONDS * 1000;
const pulls = [];
const pullTimer = setInterval(() => pulls.push(pullOnce()), 1000 / PULL_RATE);
let seq = 0;
const insertTimer = setInterval(() => {
  void ksql(`INSERT INTO ticks (id, sent) VALUES ('t${seq++}', ${Date.now()});`).catch((e) => console.error(e.message));
}, 1000 / INSERT_RATE);
while (Date.now() < end) await new Promise((r) => setTimeout(r, 200));
clearInterval(pullTimer);
clearInterval(insertTimer);
await Promise.all(pulls);
await new Promise((r) => setTimeout(r, 500));
for (const c of pushControllers) c.abort();
await Promise.all(pushDone);

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const mem = await (await fetch(url + '/info')).json();
console.log(JSON.stringify({
  keys: KEYS, pushQueries: PUSH, pullRatePerSec: PULL_RATE, seconds: SECONDS,
  pullColdMs: +pullColdMs.toFixed(1), pullQueries: pullLatencies.length, pullErrors, pullMaxInFlight: maxInFlight,
  pullP50ms: +pct(pullLatencies, 50).toFixed(2), pullP99ms: +pct(pullLatencies, 99).toFixed(2),
  insertsSent: seq, pushRowsReceived: pushLatencies.length, expectedPushRows: seq * PUSH,
  pushP50ms: pct(pushLatencies, 50), pushP99ms: pct(pushLatencies, 99), server: mem.KsqlServerInfo.version,
}, null, 1));
server.kill('SIGTERM');
await new Promise((r) => server.on('exit', r));
rmSync(dir, { recursive: true, force: true });
