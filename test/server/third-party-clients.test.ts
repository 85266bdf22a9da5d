/**
 * Clients nobody here wrote: the npm package ksqldb-client (HTTP/2, as ksqlDB's own clients) and
 * curl (HTTP/1.1). Each creates a stream, inserts, runs a push query and a pull query.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from './server-process.js';

interface KsqldbResponse {
  status: number;
  error?: unknown;
  data?: { metadata?: { columnNames: string[]; queryId?: string }; rows?: unknown[] };
}
interface KsqldbClient {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  executeStatement(sql: string, extra?: object): Promise<KsqldbResponse>;
  insertInto(stream: string, row: object): Promise<KsqldbResponse>;
  query(sql: string, extra?: object): Promise<KsqldbResponse>;
  streamQuery(sql: string, callback: (d: { rows?: object[] }) => void, extra?: object): Promise<KsqldbResponse>;
  listStreams(): Promise<{ name: string }[]>;
}

const require = createRequire(import.meta.url);
const KsqldbClientClass = require('ksqldb-client') as new (options: object) => KsqldbClient;
const run = promisify(execFile);

describe('third-party clients against streamsql serve', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('ksqldb-client (npm): create, insert, push query, pull query', async () => {
    const client = new KsqldbClientClass({ host: '127.0.0.1', port: server.port });
    await client.connect();
    try {
      const created = await client.executeStatement("CREATE STREAM orders (id STRING KEY, amount INT) WITH (kafka_topic='orders', partitions=1, value_format='JSON');");
      expect(created.status).toBe(200);
      expect((await client.listStreams()).map((s) => s.name)).toContain('ORDERS');
      const inserted = await client.insertInto('orders', { ID: 'o1', AMOUNT: 10 });
      expect(inserted.status).toBe(200);
      expect(inserted.error).toBeUndefined();
      await client.insertInto('ORDERS', { id: 'o2', amount: 20 });

      const pushed: object[] = [];
      const push = await client.streamQuery('SELECT id, amount FROM orders EMIT CHANGES LIMIT 2;', (d) => pushed.push(...(d.rows ?? [])), {
        properties: { 'auto.offset.reset': 'earliest' },
      });
      expect(push.status).toBe(200);
      expect(push.data?.metadata?.columnNames).toEqual(['ID', 'AMOUNT']);
      expect(pushed).toEqual([
        { ID: 'o1', AMOUNT: 10 },
        { ID: 'o2', AMOUNT: 20 },
      ]);

      const pull = await client.query('SELECT * FROM orders;');
      expect(pull.status).toBe(200);
      expect(pull.data?.rows).toEqual([
        { ID: 'o1', AMOUNT: 10 },
        { ID: 'o2', AMOUNT: 20 },
      ]);
      const bad = await client.query('SELECT * FROM nope;');
      expect(bad.status).toBe(400);
      expect(bad.error).toMatchObject({ error_code: 40001 });
    } finally {
      await client.disconnect();
    }
  });

  it('curl: create, insert, push query, pull query', async () => {
    const curl = async (path: string, body: object, accept?: string): Promise<string> =>
      (await run('curl', ['-sS', '--fail-with-body', '-X', 'POST', `${server.url}${path}`, '-H', 'content-type: application/json', ...(accept ? ['-H', `accept: ${accept}`] : []), '-d', JSON.stringify(body)]))
        .stdout;
    const created = JSON.parse(await curl('/ksql', { ksql: "CREATE STREAM pays (id STRING KEY, n INT) WITH (kafka_topic='pays', partitions=1, value_format='JSON'); INSERT INTO pays (id, n) VALUES ('p1', 7);" })) as { '@type': string }[];
    expect(created.map((e) => e['@type'])).toEqual(['currentStatus', 'currentStatus']);
    const push = await curl('/query-stream', { sql: 'SELECT * FROM pays EMIT CHANGES LIMIT 1;', properties: { 'auto.offset.reset': 'earliest' } });
    const lines = push.trim().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ columnNames: ['ID', 'N'] });
    expect(lines.slice(1)).toEqual(['["p1",7]']);
    const pull = JSON.parse(await curl('/query', { ksql: 'SELECT * FROM pays;' })) as unknown[];
    expect(pull.slice(1)).toEqual([{ row: { columns: ['p1', 7] } }, { finalMessage: 'Query Completed' }]);
    const h2 = (await run('curl', ['-sS', '--http2-prior-knowledge', '-X', 'POST', `${server.url}/query-stream`, '-d', JSON.stringify({ sql: 'SELECT n FROM pays;' })])).stdout;
    expect(h2.trim().split('\n').slice(1)).toEqual(['[7]']);
  });
});
