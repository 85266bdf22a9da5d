/** Sending whole JSON responses and error entities. */
import { toJsonText } from '../client/json-text.js';
import type { ApiError } from './errors.js';
import type { ResponseLike } from './http-types.js';

export function sendJson(res: ResponseLike, status: number, body: unknown, contentType = 'application/json'): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = toJsonText(body);
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  res.end(Buffer.from(text, "utf8"));
}

export function sendError(res: ResponseLike, error: ApiError): void {
  sendJson(res, error.status, error.entity);
}
