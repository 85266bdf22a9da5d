// What the server spends per pull query and per push fan-out, in CPU time (not a test). Wall-clock
// percentiles on a shared machine follow its load; the server's CPU per operation does much less,
// so this is the number to compare before/after a change. Starts `streamsql serve` as a child on a
// data dir preloaded with K keys, then, one phase after the other:
//   pull: N pull queries one after another over keep-alive → server CPU µs per query, latency p50/p99
//   push: P push queries; M inserts, each sent after every push client got the previous one →
//         server CPU µs per insert (insert + delivery to all P clients) and fan-out time p50/p99
//   behind: B more inserts, each followed 1 ms later by a pull query → that pull's latency p50/p90,
//         i.e. how long a pull waits behind the delivery of one row to P push clients
// Server CPU is read from /proc/<pid>/stat (Linux; 10 ms ticks, so phases run long enough).
//   node bench/server/cost.mjs [--keys 100000] [--pulls 4000] [--push 50] [--inserts 300] [--behind 200]
//     [--profile FILE]  CPU profile of the server from the end of the warm-up to its exit (.cpuprofile)
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PROBE, preloadUsers, startServerProcess } from './bench-server.mjs';

const { values: o } = parseArgs({
  options: {
    keys: { type: 'string', default: '100000' },
    pulls: { type: 'string', default: '4000' },
    push: { type: 'string', default: '50' },
    inserts: { type: 'string', default: '300' },
    behind: { type: 'string', default: '200' },
    'server-flags': { type: 'string', default: '' },
    profile: { type: 'string' },
  },
});
const KEYS = Number(o.keys), PULLS = Number(o.pulls), PUSH = Number(o.push), INSERTS = Number(o.inserts), BEHIND = Number(o.behind);
const TICK_MS = 1000 / 100; // USER_HZ

const dir = mkdtempSync(join(tmpdir(), 'streamsql-cost-'));
const dataDir = join(dir, 'data');
await preloadUsers(dataDir, KEYS);
const { server, url, stop: stopServer } = await startServerProcess(
  dataDir,
  [...o['server-flags'].split(' ').filter(Boolean), ...(o.profile ? ['--import', PROBE] : [])],
  o.profile ? { STREAMSQL_PROBE_PROFILE: o.profile } : {},
);
const serverCpuMs = () => {
  const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  if (process.env.COST_SPLIT) {
    const threads = readdirSync(`/proc/${server.pid}/task`).map((t) => {
      const s = readFileSync(`/proc/${server.pid}/task/${t}/stat`, 'utf8');
      const f = s.split(') ')[1].split(' ');
      return `${s.slice(s.indexOf('(') + 1, s.indexOf(')'))}:${(Number(f[11]) + Number(f[12])) * TICK_MS}`;
    });
    console.error(`server utime ${Number(fields[11]) * TICK_MS} ms, stime ${Number(fields[12]) * TICK_MS} ms; threads ${threads.join(' ')}`);
  }
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime, stime
};
const post = (path, body, extra = {}) => fetch(url + path, { method: 'POST', body: JSON.stringify(body), ...extra });
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return +s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))].toFixed(2);
};

// Pull phase. The first query builds the index and is left out.
const pull = async (k) => {
  const text = await (await post('/query-stream', { sql: `SELECT * FROM users WHERE id = 'u${k}';` }, { headers: { accept: 'application/json' } })).text();
  if (!text.includes(`"u${k}"`)) throw new Error(`pull query did not find u${k}: ${text.slice(0, 200)}`);
};
await pull(0);
for (let i = 0; i < 200; i++) await pull((i * 31) % KEYS); // warm-up: JIT
if (o.profile) server.kill('SIGUSR2');
let cpu0 = serverCpuMs();
const pullLat = [];
for (let i = 0; i < PULLS; i++) {
  const t = performance.now();
  await pull((i * 7919) % KEYS);
  pullLat.push(performance.now() - t);
}
const pullCpuUs = ((serverCpuMs() - cpu0) * 1000) / PULLS;

// Push phase.
let received = 0;
let onReceived = () => undefined;
const controllers = [];
let started = 0;
const pushClient = async () => {
  const controller = new AbortController();
  controllers.push(controller);
  const res = await post('/query-stream', { sql: 'SELECT id, sent FROM ticks EMIT CHANGES;' }, { signal: controller.signal });
  started++;
  let header = true;
  try {
    for await (const chunk of res.body) {
      const lines = Buffer.from(chunk).toString().split('\n').filter(Boolean).length;
      const rows = header ? lines - 1 : lines;
      header = false;
      received += rows;
      onReceived();
    }
  } catch {
    // aborted at the end
  }
};
const pushDone = Array.from({ length: PUSH }, pushClient);
while (started < PUSH) await new Promise((r) => setTimeout(r, 20));
const pushRuns = PUSH > 0 && INSERTS > 0;
const insert = (i) => post('/ksql', { ksql: `INSERT INTO ticks (id, sent) VALUES ('t${i}', ${Date.now()});` }).then((r) => r.text());
const fanOut = [];
for (let i = 0; pushRuns && i < 20; i++) await insertAndWait(i); // warm-up
fanOut.length = 0;
cpu0 = serverCpuMs();
for (let i = 0; pushRuns && i < INSERTS; i++) await insertAndWait(i);
const insertCpuUs = ((serverCpuMs() - cpu0) * 1000) / INSERTS;
async function insertAndWait(i) {
  const want = received + PUSH;
  const t = performance.now();
  const all = new Promise((resolve) => (onReceived = () => received >= want && resolve()));
  await insert(i);
  await all;
  fanOut.push(performance.now() - t);
}
// A pull query sent together with an insert: it reaches the server while the insert's rows are
// delivered to the P push clients, so its latency shows how long a pull waits behind a fan-out.
const behind = [];
for (let i = 0; pushRuns && i < BEHIND; i++) {
  const want = received + PUSH;
  const all = new Promise((resolve) => (onReceived = () => received >= want && resolve()));
  const inserted = insert(INSERTS + i);
  await new Promise((r) => setTimeout(r, 1)); // the insert's append lands first
  const t = performance.now();
  await pull((i * 7919) % KEYS);
  behind.push(performance.now() - t);
  await inserted;
  await all;
}
for (const c of controllers) c.abort();
await Promise.all(pushDone);

console.log(
  JSON.stringify({
    keys: KEYS,
    pulls: PULLS,
    pullServerCpuUs: Math.round(pullCpuUs),
    pullP50ms: pct(pullLat, 50),
    pullP99ms: pct(pullLat, 99),
    pushQueries: PUSH,
    inserts: INSERTS,
    insertServerCpuUs: Math.round(insertCpuUs),
    perPushRowServerCpuUs: Math.round(insertCpuUs / Math.max(1, PUSH)),
    ...(pushRuns ? { fanOutP50ms: pct(fanOut, 50), fanOutP99ms: pct(fanOut, 99), pullBehindFanOutP50ms: pct(behind, 50), pullBehindFanOutP90ms: pct(behind, 90) } : {}),
    loadAvg: readFileSync('/proc/loadavg', 'utf8').split(' ')[0],
  }),
);
await stopServer();
rmSync(dir, { recursive: true, force: true });
