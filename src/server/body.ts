/** Reading and validating request bodies: a size limit, JSON syntax, and ksqlDB's field names. */
import { ERROR_CODE, genericError, type ApiError } from './errors.js';
import type { RequestLike } from './http-types.js';
import { MAX_BODY_BYTES } from './limits.js';

/**
 * The whole body as text, or 413 once it passes `limit` bytes. The rest of an oversized body is
 * read and discarded (not kept), so the connection stays usable for the client's next request.
 */
export function readBody(req: RequestLike, limit = MAX_BODY_BYTES): Promise<string | ApiError> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer | string): void => {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += b.length;
      if (size <= limit) return void chunks.push(b);
      cleanup();
      req.resume();
      resolve(genericError(ERROR_CODE.PAYLOAD_TOO_LARGE, `Request body larger than ${limit} bytes`));
    };
    const onEnd = (): void => {
      cleanup();
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const onError = (): void => {
      cleanup();
      resolve(genericError(ERROR_CODE.BAD_REQUEST, 'The request body could not be read'));
    };
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

export type JsonObject = { readonly [k: string]: unknown };

export function parseJsonObject(text: string): JsonObject | ApiError {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return genericError(ERROR_CODE.BAD_REQUEST, `Invalid JSON in request: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return genericError(ERROR_CODE.BAD_REQUEST, 'Invalid JSON in request: expected an object');
  return value as JsonObject;
}

export function isApiError(v: unknown): v is ApiError {
  return typeof v === 'object' && v !== null && 'entity' in v && 'status' in v;
}

/** Rejects fields the endpoint does not know (ksqlDB: "Unrecognized field"). */
export function checkFields(body: JsonObject, known: readonly string[]): ApiError | undefined {
  for (const k of Object.keys(body)) if (!known.includes(k)) return genericError(ERROR_CODE.BAD_REQUEST, `Unrecognized field "${k}" (known fields: ${known.join(', ')})`);
  return undefined;
}

export function requireString(body: JsonObject, field: string): string | ApiError {
  const v = body[field];
  if (typeof v !== 'string') return genericError(ERROR_CODE.BAD_REQUEST, `Field "${field}" must be a string`);
  return v;
}

/** A map of property name → value; values must be scalars (sent as text to the engine). */
export function optionalStringMap(body: JsonObject, field: string): Map<string, string> | ApiError {
  const v = body[field];
  const out = new Map<string, string>();
  if (v === undefined || v === null) return out;
  if (typeof v !== 'object' || Array.isArray(v)) return genericError(ERROR_CODE.BAD_REQUEST, `Field "${field}" must be an object`);
  for (const [k, x] of Object.entries(v as JsonObject)) {
    if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') out.set(k, String(x));
    else return genericError(ERROR_CODE.BAD_REQUEST, `Field "${field}.${k}" must be a string, number or boolean`);
  }
  return out;
}
