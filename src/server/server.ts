/**
 * startServer: one engine on a data dir, served over HTTP/1.1 and HTTP/2 on one port. Cleartext
 * connections are sniffed: HTTP/2 prior knowledge (what ksqlDB's clients send) starts with
 * "PRI * HTTP/2.0", anything else is HTTP/1.x. With TLS, ALPN chooses. The engine, and the
 * persistent queries it runs, live as long as the server; clients come and go.
 */
import { createServer as createHttp1Server, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttp2Server, createSecureServer, type Http2ServerRequest, type Http2ServerResponse, type Http2Session } from 'node:http2';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { Engine } from '../engine/engine.js';
import type { Credentials } from './auth.js';
import { CommandStatuses } from './command-statuses.js';
import type { ServerContext } from './context.js';
import type { RequestLike, ResponseLike } from './http-types.js';
import { HEADERS_TIMEOUT_MS, PROTOCOL_SNIFF_BYTES, SHUTDOWN_GRACE_MS } from './limits.js';
import { QueryTracker } from './query-tracker.js';
import { route } from './router.js';
import { removeServerAddress, writeServerAddress } from '../store/server-address.js';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8088;

export interface ServerOptions {
  readonly dataDir: string;
  readonly host?: string;
  /** 0 picks a free port (see the returned url). */
  readonly port?: number;
  readonly credentials?: Credentials;
  readonly tls?: { readonly cert: string | Buffer; readonly key: string | Buffer };
  readonly clock?: () => number;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** The engine it serves, for drivers that feed its topics directly (the conformance runner, as Kafka producers would). */
  readonly engine: Engine;
  /** Streamed queries running now (push and pull). */
  readonly runningQueries: () => number;
  /** Stops accepting, closes running queries, waits for in-flight requests (bounded), closes the engine. */
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const engine = await Engine.open({ dataDir: options.dataDir, ...(options.clock ? { clock: options.clock } : {}) });
  let shuttingDown = false;
  const queries = new QueryTracker();
  const ctx: ServerContext = { engine, queries, statuses: new CommandStatuses(), isShuttingDown: () => shuttingDown };
  const inFlight = new Set<Promise<void>>();
  const handle = (req: IncomingMessage | Http2ServerRequest, res: ServerResponse | Http2ServerResponse): void => {
    const p = route(ctx, options.credentials, req as unknown as RequestLike, res as unknown as ResponseLike);
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  };

  const sockets = new Set<Socket>();
  const sessions = new Set<Http2Session>();
  const http1 = createHttp1Server({ headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: 0 }, handle);
  let listener: NetServer;
  if (options.tls) {
    const secure = createSecureServer({ cert: options.tls.cert, key: options.tls.key, allowHTTP1: true }, handle);
    secure.on('session', (s: Http2Session) => trackSession(sessions, s));
    listener = secure;
  } else {
    const http2 = createHttp2Server(handle);
    http2.on('session', (s: Http2Session) => trackSession(sessions, s));
    listener = createNetServer((socket) => sniff(socket, (isHttp2) => (isHttp2 ? http2 : http1).emit('connection', socket)));
  }
  listener.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  try {
    await new Promise<void>((resolve, reject) => {
      listener.once('error', reject);
      listener.listen(options.port ?? DEFAULT_PORT, options.host ?? DEFAULT_HOST, () => {
        listener.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    await engine.close();
    throw err;
  }
  const address = listener.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? DEFAULT_PORT);
  const host = options.host ?? DEFAULT_HOST;
  const url = `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  // Topic tools started while we own the data dir find us here (src/cli/tools/tool-store.ts).
  await writeServerAddress(options.dataDir, url);

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      shuttingDown = true;
      const stopped = new Promise<void>((resolve) => listener.close(() => resolve()));
      queries.closeAll();
      await Promise.race([Promise.allSettled([...inFlight]), delay(SHUTDOWN_GRACE_MS)]);
      for (const s of sessions) s.destroy();
      for (const s of sockets) s.destroy();
      await stopped;
      await removeServerAddress(options.dataDir);
      await engine.close();
    })());
  return { url, port, engine, runningQueries: () => queries.size, close };
}

function trackSession(sessions: Set<Http2Session>, s: Http2Session): void {
  sessions.add(s);
  s.once('close', () => sessions.delete(s));
  // An unhandled session error would crash the process; the stream's own handlers report it.
  s.on('error', () => undefined);
}

/** Reads just enough of a new connection to tell HTTP/2 prior knowledge from HTTP/1.x, then hands it over. */
function sniff(socket: Socket, handOver: (isHttp2: boolean) => void): void {
  let head = Buffer.alloc(0);
  const onData = (chunk: Buffer): void => {
    head = Buffer.concat([head, chunk]);
    if (head.length < PROTOCOL_SNIFF_BYTES) return;
    socket.off('data', onData);
    socket.pause();
    socket.unshift(head);
    const isHttp2 = head.subarray(0, PROTOCOL_SNIFF_BYTES).toString('latin1') === 'PRI';
    handOver(isHttp2);
    // node:http2 reads what was unshifted itself; node:http needs the stream flowing again.
    if (!isHttp2) socket.resume();
  };
  socket.on('data', onData);
  socket.on('error', () => socket.destroy());
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
