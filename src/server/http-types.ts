/**
 * The slice of a request/response that the routes use. node:http's IncomingMessage/ServerResponse
 * and node:http2's compatibility Http2ServerRequest/Http2ServerResponse both have it, so every
 * route serves HTTP/1.1 and HTTP/2 alike.
 */
import type { EventEmitter } from 'node:events';

export interface RequestLike extends AsyncIterable<Buffer | string>, EventEmitter {
  readonly method?: string | undefined;
  readonly url?: string | undefined;
  readonly httpVersionMajor: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  pause(): unknown;
  resume(): unknown;
}

export interface ResponseLike extends EventEmitter {
  writeHead(status: number, headers?: Record<string, string | number>): unknown;
  write(chunk: string | Buffer): boolean;
  end(chunk?: string | Buffer): unknown;
  readonly headersSent: boolean;
  readonly writableEnded: boolean;
  /** False once the connection is gone. */
  readonly writable: boolean;
}

export function header(req: RequestLike, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
