// The load bench's push clients (not a test): N concurrent `SELECT ... EMIT CHANGES` over
// /query-stream, each row's delivery latency = receive time − the `sent` column (Date.now() at
// insert). Run in a worker thread by default (load.mjs --push-clients worker): 50 streams of rows
// keep an event loop busy, and a pull query's reply that lands in the same loop would be timed
// late by the bench, not by the server.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';

export function startPushClients(url, count) {
  const latencies = [];
  const controllers = [];
  let started = 0;
  let onStarted;
  const allStarted = new Promise((resolve) => (onStarted = resolve));
  const client = async () => {
    const controller = new AbortController();
    controllers.push(controller);
    const res = await fetch(url + '/query-stream', { method: 'POST', body: JSON.stringify({ sql: 'SELECT id, sent FROM ticks EMIT CHANGES;' }), signal: controller.signal });
    if (++started === count) onStarted();
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
          else latencies.push(now - JSON.parse(line)[1]);
        }
      }
    } catch (err) {
      if (!controller.signal.aborted) console.error('push client failed:', err.message);
    }
  };
  if (count === 0) onStarted();
  const done = Array.from({ length: count }, client);
  return {
    started: allStarted,
    async stop() {
      for (const c of controllers) c.abort();
      await Promise.all(done);
      return latencies;
    },
  };
}

if (!isMainThread && workerData?.pushClients) {
  const clients = startPushClients(workerData.url, workerData.count);
  await clients.started;
  parentPort.postMessage({ started: true });
  parentPort.once('message', async () => parentPort.postMessage({ latencies: await clients.stop() }));
}
