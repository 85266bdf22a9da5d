/** startServer in-process (the conformance runner's entry point): basic auth, TLS, running-query count. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../src/server/server.js';
import { tempDir } from '../helpers/cli.js';
import { CREATE_S, eventually } from './server-process.js';

const AUTH = { authorization: `Basic ${Buffer.from('ann:s3cret').toString('base64')}` };

describe('startServer', () => {
  it('requires basic auth when credentials are given, and counts running queries back to zero', async () => {
    const server = await startServer({ dataDir: join(tempDir(), 'data'), port: 0, credentials: new Map([['ann', 's3cret']]) });
    try {
      const denied = await fetch(`${server.url}/info`);
      expect(denied.status).toBe(401);
      expect(await denied.json()).toMatchObject({ '@type': 'generic_error', error_code: 40100 });
      const wrong = await fetch(`${server.url}/info`, { headers: { authorization: `Basic ${Buffer.from('ann:nope').toString('base64')}` } });
      expect(wrong.status).toBe(401);
      const created = await fetch(`${server.url}/ksql`, { method: 'POST', headers: AUTH, body: JSON.stringify({ ksql: CREATE_S }) });
      expect(created.status).toBe(200);

      const controllers = [new AbortController(), new AbortController(), new AbortController()];
      for (const c of controllers) {
        const res = await fetch(`${server.url}/query-stream`, { method: 'POST', headers: AUTH, body: JSON.stringify({ sql: 'SELECT * FROM s EMIT CHANGES;' }), signal: c.signal });
        await res.body!.getReader().read();
      }
      expect(server.runningQueries()).toBe(3);
      for (const c of controllers) c.abort();
      await eventually(async () => server.runningQueries() === 0);
    } finally {
      await server.close();
    }
  });

  it('serves HTTPS with --tls-cert/--tls-key material', async () => {
    const dir = tempDir();
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
    const server = await startServer({ dataDir: join(dir, 'data'), port: 0, tls: { cert: readFileSync(cert), key: readFileSync(key) } });
    try {
      expect(server.url).toMatch(/^https:/);
      const body = await new Promise<string>((resolve, reject) => {
        const req = request(`${server.url}/info`, { ca: readFileSync(cert), servername: 'localhost', checkServerIdentity: () => undefined }, (res) => {
          let out = '';
          res.on('data', (d: Buffer) => (out += d.toString()));
          res.on('end', () => resolve(out));
        });
        req.on('error', reject);
        req.end();
      });
      expect(JSON.parse(body)).toMatchObject({ KsqlServerInfo: { serverStatus: 'RUNNING' } });
    } finally {
      await server.close();
    }
  });
});
