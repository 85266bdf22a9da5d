/**
 * `streamsql serve [--host H] [--port P] [--data-dir DIR] [--auth-file F] [--tls-cert C --tls-key K]`:
 * runs the server until SIGTERM or SIGINT, then shuts down cleanly (running queries closed, the
 * engine's store closed at a committed point) and exits 0.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../cli/main.js';
import { loadCredentials, type Credentials } from './auth.js';
import { stopWithLauncher } from './serve-relaunch.js';
import { DEFAULT_HOST, DEFAULT_PORT, startServer, type ServerOptions } from './server.js';

export const SERVE_HELP = `Usage: streamsql serve [options]

Runs the engine as a server with a ksqlDB-compatible HTTP API (HTTP/1.1 and HTTP/2).

Options:
  --host HOST         address to bind (default ${DEFAULT_HOST})
  --port PORT         port (default ${DEFAULT_PORT}; 0 picks a free one)
  --data-dir DIR      data directory (default: $STREAMSQL_DATA_DIR, else ~/.streamsql/data)
  --auth-file FILE    require HTTP basic auth; FILE has one user:password per line
  --tls-cert FILE     serve HTTPS with this certificate (PEM); needs --tls-key
  --tls-key FILE      the certificate's private key (PEM)
  -h, --help          show this help

SIGTERM or SIGINT stops it cleanly. Prints "listening on URL" once it accepts connections.
`;

export async function serveCommand(argv: readonly string[]): Promise<number> {
  const parsed = parseServeArgs(argv);
  if ('error' in parsed) {
    process.stderr.write(`streamsql serve: ${parsed.error}\nTry 'streamsql serve --help'.\n`);
    return 1;
  }
  if ('help' in parsed) {
    process.stdout.write(SERVE_HELP);
    return 0;
  }
  stopWithLauncher();
  let server;
  try {
    server = await startServer(parsed);
  } catch (err) {
    process.stderr.write(`streamsql serve: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  process.stdout.write(`streamsql server listening on ${server.url} (data dir ${parsed.dataDir})\n`);
  const signal = await new Promise<NodeJS.Signals>((done) => {
    process.once('SIGTERM', () => done('SIGTERM'));
    process.once('SIGINT', () => done('SIGINT'));
  });
  process.stdout.write(`${signal}: shutting down\n`);
  await server.close();
  process.stdout.write('stopped\n');
  return 0;
}

function parseServeArgs(argv: readonly string[]): ServerOptions | { help: true } | { error: string } {
  let v;
  try {
    v = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        'auth-file': { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
  if (v.help) return { help: true };
  const port = v.port === undefined ? DEFAULT_PORT : Number(v.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return { error: `--port must be 0..65535, got '${v.port}'` };
  let credentials: Credentials | undefined;
  if (v['auth-file'] !== undefined) {
    const c = loadCredentials(v['auth-file']);
    if ('error' in c) return { error: c.error as string };
    credentials = c as Credentials;
  }
  if ((v['tls-cert'] === undefined) !== (v['tls-key'] === undefined)) return { error: '--tls-cert and --tls-key go together' };
  let tls: ServerOptions['tls'];
  if (v['tls-cert'] !== undefined && v['tls-key'] !== undefined) {
    try {
      tls = { cert: readFileSync(v['tls-cert']), key: readFileSync(v['tls-key']) };
    } catch (err) {
      return { error: `cannot read TLS files: ${err instanceof Error ? err.message : String(err)}` };
    }
  }
  return {
    dataDir: resolve(v['data-dir'] ?? defaultDataDir()),
    host: v.host ?? DEFAULT_HOST,
    port,
    ...(credentials ? { credentials } : {}),
    ...(tls ? { tls } : {}),
  };
}
