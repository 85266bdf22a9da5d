// The load bench's pull client, and the floor it is measured against.
//
// Pulls go over node:http with a keep-alive agent. The global fetch (undici on Node 20) adds about
// 0.7 ms at the median and 4-5 ms at p99 to every request on these 2-core machines, measured
// against a server that does nothing (`echoFloor` below), so a fetch-timed p99 says more about the
// client than about the server. `--pull-client fetch` in load.mjs keeps the old way for comparison.
import { fork } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

/** A POST function: (url, body) -> {status, text}. */
export function httpPoster() {
  const agent = new http.Agent({ keepAlive: true });
  return (url, body) =>
    new Promise((resolve, reject) => {
      const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', accept: 'application/json' } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
}

export function fetchPoster() {
  return async (url, body) => {
    const res = await fetch(url, { method: 'POST', body, headers: { accept: 'application/json' } });
    return { status: res.status, text: await res.text() };
  };
}

/**
 * The floor: the same client at the same rate against an HTTP server in its own process that
 * answers every request at once with a pull query's reply. Returns {p50, p99} in ms.
 */
export async function echoFloor(post, ratePerSec, seconds) {
  const child = fork(fileURLToPath(import.meta.url), ['echo-server'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise((resolve) => child.once('message', resolve));
  const url = `http://127.0.0.1:${port}/query-stream`;
  const latencies = [];
  const pending = [];
  const timer = setInterval(() => {
    pending.push((async () => {
      const t = performance.now();
      await post(url, JSON.stringify({ sql: "SELECT * FROM users WHERE id = 'u1';" }));
      latencies.push(performance.now() - t);
    })());
  }, 1000 / ratePerSec);
  await new Promise((r) => setTimeout(r, seconds * 1000));
  clearInterval(timer);
  await Promise.all(pending);
  child.kill();
  latencies.sort((a, b) => a - b);
  const at = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { p50: +at(50).toFixed(2), p99: +at(99).toFixed(2) };
}

if (process.argv[2] === 'echo-server') {
  const reply = '[{"queryId":"q","columnNames":["ID","SCORE"],"columnTypes":["STRING","INTEGER"]},["u1",1]]';
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(reply);
    });
  });
  server.listen(0, '127.0.0.1', () => process.send(server.address().port));
}
