/** HttpClient against a real `streamsql serve` child process; and bin/streamsql --server. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientEvent } from '../../src/client/client.js';
import { CONNECTION_ERROR, HttpClient, parseSchema } from '../../src/client/http-client.js';
import { childEnv, runCli, tempDir } from '../helpers/cli.js';
import { CREATE_S, startServerProcess, type ServerProcess } from '../server/server-process.js';

async function collect(events: AsyncIterable<ClientEvent>): Promise<ClientEvent[]> {
  const out: ClientEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

describe('HttpClient', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('reports the server version and runs statements, local SET, push and pull queries', async () => {
    const client = await HttpClient.connect(server.url);
    expect(client.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(client.target).toBe(`${server.url} (RUNNING)`);
    const created = await collect(client.execute(`${CREATE_S} INSERT INTO s (k, v) VALUES ('a', 1);`));
    expect(created.map((e) => e.type)).toEqual(['result', 'result']);

    const set = await collect(client.execute("SET 'auto.offset.reset'='earliest';"));
    expect(set[0]).toMatchObject({ type: 'result', result: { '@type': 'property_changed', name: 'auto.offset.reset', value: 'earliest' } });

    // The local SET travels with the query: the push query starts at the earliest offset.
    const push = await collect(client.execute('SELECT k, v FROM s EMIT CHANGES LIMIT 1;'));
    expect(push).toEqual([
      { type: 'queryStart', queryId: expect.stringMatching(/^transient_S_/), push: true, columns: [{ name: 'K', type: 'STRING' }, { name: 'V', type: 'INTEGER' }] },
      { type: 'rows', rows: [['a', 1]] },
      { type: 'queryEnd', reason: 'limit' },
    ]);
    const pull = await collect(client.execute('SELECT * FROM s;'));
    expect(pull.map((e) => e.type)).toEqual(['queryStart', 'rows', 'queryEnd']);
    expect(pull.at(-1)).toEqual({ type: 'queryEnd', reason: 'complete' });

    const bad = await collect(client.execute('SHOW STREAMS; SELECT * FROM nope; SHOW STREAMS;'));
    expect(bad.map((e) => e.type)).toEqual(['result', 'error']);
  });

  it('cancels a push query when the signal aborts', async () => {
    const client = await HttpClient.connect(server.url);
    const controller = new AbortController();
    const events: ClientEvent[] = [];
    for await (const e of client.execute('SELECT * FROM s EMIT CHANGES;', { signal: controller.signal })) {
      events.push(e);
      if (e.type === 'queryStart') controller.abort();
    }
    expect(events.at(-1)).toEqual({ type: 'queryEnd', reason: 'cancelled' });
  });

  it('reports a lost connection as an error event, not a throw', async () => {
    const other = await startServerProcess();
    const client = await HttpClient.connect(other.url);
    await other.stop();
    const events = await collect(client.execute('SHOW STREAMS;'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'error', error: { code: CONNECTION_ERROR } });
    await expect(HttpClient.connect(other.url)).rejects.toThrow(/cannot reach the server/);
  });

  it('parses ksqlDB header schemas with nested types', () => {
    expect(parseSchema('`A` STRING, `B,C` STRUCT<`X` INTEGER, `Y` DECIMAL(4, 2)>, `D` ARRAY<MAP<STRING, INTEGER>>')).toEqual([
      { name: 'A', type: 'STRING' },
      { name: 'B,C', type: 'STRUCT<`X` INTEGER, `Y` DECIMAL(4, 2)>' },
      { name: 'D', type: 'ARRAY<MAP<STRING, INTEGER>>' },
    ]);
  });

  it('bin/streamsql --server runs -e against the server, and fails cleanly when it is down', async () => {
    const env = childEnv(tempDir());
    const r = await runCli(['--server', server.url, '--output', 'json', '-e', 'SELECT * FROM s;'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l) as unknown)).toEqual([{ K: 'a', V: 1 }]);
    const down = await runCli(['--server', 'http://127.0.0.1:1', '-e', 'SHOW STREAMS;'], env);
    expect(down.code).toBe(1);
    expect(down.stderr).toContain('cannot reach the server');
  });
});
