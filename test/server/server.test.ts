/** The real `streamsql serve` in a child process, driven over real HTTP/1.1 and HTTP/2. */
import { connect } from 'node:http2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_S, eventually, ksql, postJson, runningTransientQueries, startServerProcess, type ServerProcess } from './server-process.js';

describe('streamsql serve', () => {
  let server: ServerProcess;
  let base: string;

  beforeAll(async () => {
    server = await startServerProcess();
    base = server.url;
    const r = await ksql(base, `${CREATE_S} INSERT INTO s (k, v) VALUES ('a', 1); INSERT INTO s (k, v) VALUES ('b', 2);`);
    expect(r.status).toBe(200);
  });
  afterAll(async () => {
    await server.stop();
  });

  it('binds 127.0.0.1 by default and answers /info, /healthcheck, /status', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const info = (await (await fetch(`${base}/info`)).json()) as { KsqlServerInfo: { version: string; serverStatus: string } };
    expect(info.KsqlServerInfo.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(info.KsqlServerInfo.serverStatus).toBe('RUNNING');
    expect(await (await fetch(`${base}/healthcheck`)).json()).toMatchObject({ isHealthy: true });
    const status = (await (await fetch(`${base}/status`)).json()) as { commandStatuses: Record<string, string> };
    expect(status.commandStatuses['stream/S/create']).toBe('SUCCESS');
    const one = await fetch(`${base}/status/stream/S/create`);
    expect(await one.json()).toEqual({ status: 'SUCCESS', message: 'Stream created' });
    expect((await fetch(`${base}/status/nope`)).status).toBe(404);
  });

  it('/ksql returns ksqlDB entities, and SET produces none', async () => {
    const r = await ksql(base, "SET 'auto.offset.reset'='earliest'; SHOW STREAMS; DESCRIBE s;");
    expect(r.status).toBe(200);
    const [streams, describe] = r.body as [{ '@type': string; streams: { name: string }[] }, { '@type': string; sourceDescription: { name: string } }];
    expect((r.body as unknown[]).length).toBe(2);
    expect(streams['@type']).toBe('streams');
    expect(streams.streams.map((s) => s.name)).toEqual(['KSQL_PROCESSING_LOG', 'S']);
    expect(describe['@type']).toBe('sourceDescription');
  });

  it('/ksql errors are ksqlDB error entities with the right status', async () => {
    const select = await ksql(base, 'SHOW STREAMS; SELECT * FROM s;');
    expect(select.status).toBe(400);
    expect(select.body).toMatchObject({ '@type': 'statement_error', error_code: 40002, statementText: 'SELECT * FROM s;' });

    const bad = await ksql(base, 'SHOW STREAMS; SELEC * FROM s;');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ '@type': 'statement_error', error_code: 40001, statementText: 'SELEC * FROM s;' });
    expect((bad.body as { entities: { '@type': string }[] }).entities.map((e) => e['@type'])).toEqual(['streams']);

    const props = await ksql(base, 'SHOW STREAMS;', { streamsProperties: { 'auto.offset.reset': 'sometimes' } });
    expect(props.status).toBe(400);
    expect(props.body).toMatchObject({ '@type': 'generic_error', error_code: 40000 });
  });

  it('rejects malformed JSON, unknown fields, huge bodies, unknown paths and methods with 4xx', async () => {
    const malformed = await postJson(`${base}/ksql`, '{"ksql": ');
    expect(malformed.status).toBe(400);
    expect(malformed.json()).toMatchObject({ '@type': 'generic_error', error_code: 40000 });
    const notObject = await postJson(`${base}/query-stream`, '[1,2]');
    expect(notObject.status).toBe(400);
    const unknown = await postJson(`${base}/ksql`, { ksql: 'SHOW STREAMS;', bogus: 1 });
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain('bogus');
    const huge = await postJson(`${base}/ksql`, { ksql: 'x'.repeat(2 << 20) });
    expect(huge.status).toBe(413);
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
    expect((await fetch(`${base}/ksql`)).status).toBe(405);
    // The server is still fine.
    expect((await ksql(base, 'SHOW STREAMS;')).status).toBe(200);
  });

  it('/query-stream: delimited by default, JSON on request, errors as 400', async () => {
    const delimited = await postJson(`${base}/query-stream`, { sql: 'SELECT * FROM s;' });
    expect(delimited.status).toBe(200);
    const lines = delimited.text.trim().split('\n').map((l) => JSON.parse(l) as unknown);
    expect(lines[0]).toMatchObject({ columnNames: ['K', 'V'], columnTypes: ['STRING', 'INTEGER'] });
    expect((lines[0] as { queryId: string }).queryId).toMatch(/^transient_S_/);
    expect(lines.slice(1)).toEqual([
      ['a', 1],
      ['b', 2],
    ]);

    const json = await postJson(`${base}/query-stream`, { sql: 'SELECT v FROM s WHERE k = $1;'.replace('$1', "'b'") }, { accept: 'application/json' });
    expect(json.json()).toEqual([expect.objectContaining({ columnNames: ['V'], columnTypes: ['INTEGER'] }), [2]]);

    const push = await postJson(`${base}/query-stream`, { sql: 'SELECT k FROM s EMIT CHANGES LIMIT 2;', properties: { 'auto.offset.reset': 'earliest' } });
    expect(push.text.trim().split('\n').slice(1)).toEqual(['["a"]', '["b"]']);

    const missing = await postJson(`${base}/query-stream`, { sql: 'SELECT * FROM nope;' });
    expect(missing.status).toBe(400);
    expect(missing.json()).toMatchObject({ '@type': 'generic_error', error_code: 40001 });
    const notQuery = await postJson(`${base}/query-stream`, { sql: 'SHOW STREAMS;' });
    expect(notQuery.status).toBe(400);
  });

  it('/query streams the older JSON array with a final message', async () => {
    const r = await postJson(`${base}/query`, { ksql: 'SELECT * FROM s EMIT CHANGES LIMIT 1;', streamsProperties: { 'auto.offset.reset': 'earliest' } });
    expect(r.status).toBe(200);
    const body = r.json() as unknown[];
    expect(body[0]).toMatchObject({ header: { schema: '`K` STRING, `V` INTEGER' } });
    expect(body.slice(1)).toEqual([{ row: { columns: ['a', 1] } }, { finalMessage: 'Limit Reached' }]);
    const pull = (await postJson(`${base}/query`, { ksql: 'SELECT * FROM s;' })).json() as unknown[];
    expect(pull.at(-1)).toEqual({ finalMessage: 'Query Completed' });
  });

  it('/query-stream over HTTP/2 (prior knowledge, as ksqlDB clients connect)', async () => {
    const session = connect(base);
    try {
      const text = await new Promise<string>((resolve, reject) => {
        const req = session.request({ ':method': 'POST', ':path': '/query-stream', 'content-type': 'application/json' });
        let out = '';
        req.setEncoding('utf8');
        req.on('data', (d: string) => (out += d));
        req.on('end', () => resolve(out));
        req.on('error', reject);
        req.end(JSON.stringify({ sql: 'SELECT * FROM s;' }));
      });
      const lines = text.trim().split('\n').map((l) => JSON.parse(l) as unknown);
      expect(lines.slice(1)).toEqual([
        ['a', 1],
        ['b', 2],
      ]);
    } finally {
      session.close();
    }
  });

  it('/inserts-stream acks each row; a bad row gets an error ack', async () => {
    await ksql(base, "CREATE STREAM ins (k STRING KEY, v INT, tags ARRAY<STRING>) WITH (kafka_topic='ins', partitions=1, value_format='JSON');");
    const r = await postJson(`${base}/inserts-stream`, '{"target":"ins"}\n{"K":"x","V":1,"tags":["p","q"]}\n{"k":"y","v":2}\n{"nope":1}\n');
    expect(r.status).toBe(200);
    const acks = r.text.trim().split('\n').map((l) => JSON.parse(l) as unknown);
    expect(acks.slice(0, 2)).toEqual([
      { status: 'ok', seq: 0 },
      { status: 'ok', seq: 1 },
    ]);
    expect(acks[2]).toMatchObject({ status: 'error', seq: 2 });
    const rows = (await postJson(`${base}/query-stream`, { sql: 'SELECT * FROM ins;' }, { accept: 'application/json' })).json() as unknown[];
    expect(rows.slice(1)).toEqual([
      ['x', 1, ['p', 'q']],
      ['y', 2, null],
    ]);
    const unknownTarget = await postJson(`${base}/inserts-stream`, '{"target":"missing"}\n');
    expect(unknownTarget.status).toBe(400);
  });

  it('/close-query ends a push query; a disconnect closes one; the running count returns to zero', async () => {
    const controller = new AbortController();
    const res = await fetch(`${base}/query-stream`, { method: 'POST', body: JSON.stringify({ sql: 'SELECT * FROM s EMIT CHANGES;' }), signal: controller.signal });
    const reader = res.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    const queryId = (JSON.parse(first.split('\n')[0]!) as { queryId: string }).queryId;
    const disconnected = await fetch(`${base}/query-stream`, { method: 'POST', body: JSON.stringify({ sql: 'SELECT * FROM s EMIT CHANGES;' }) });
    const reader2 = disconnected.body!.getReader();
    await reader2.read();
    expect(await runningTransientQueries(base)).toBe(2);

    const close = await postJson(`${base}/close-query`, { queryId });
    expect(close.status).toBe(200);
    expect((await reader.read()).done).toBe(true);
    await reader2.cancel(); // the client goes away without a word
    await eventually(async () => (await runningTransientQueries(base)) === 0);

    const again = await postJson(`${base}/close-query`, { queryId });
    expect(again.status).toBe(400);
  });
});

describe('streamsql serve shutdown', () => {
  it('stops cleanly on SIGTERM with a push query running, and the next start has the data', async () => {
    const first = await startServerProcess();
    await ksql(first.url, `${CREATE_S} INSERT INTO s (k, v) VALUES ('a', 1);`);
    const res = await fetch(`${first.url}/query-stream`, { method: 'POST', body: JSON.stringify({ sql: 'SELECT * FROM s EMIT CHANGES;' }) });
    const reader = res.body!.getReader();
    await reader.read();
    const result = await first.stop('SIGTERM');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(await reader.read().then((r) => r.done, () => true)).toBe(true);

    const second = await startServerProcess(first.dataDir);
    try {
      const rows = (await postJson(`${second.url}/query-stream`, { sql: 'SELECT * FROM s;' }, { accept: 'application/json' })).json() as unknown[];
      expect(rows.slice(1)).toEqual([['a', 1]]);
    } finally {
      expect((await second.stop('SIGINT')).code).toBe(0);
    }
  });
});
