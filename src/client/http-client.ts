/**
 * The Client over a streamsql (or ksqlDB) server's HTTP API, for `--server URL`. Like ksqlDB's
 * CLI it keeps SET/UNSET/DEFINE/UNDEFINE locally and sends them with every request
 * (streamsProperties, sessionVariables); other statements go one at a time to /ksql, queries and
 * PRINT to /query. A server that cannot be reached is an error event, never a throw; the next
 * execute tries again.
 */
import { PROPERTY_DEFAULTS, validateProperty } from '../engine/properties.js';
import { splitStatements } from '../sql/parse.js';
import type { Client, ClientError, ClientEvent, ClientValue, ColumnInfo, ExecuteOptions } from './client.js';
import type { StatementResult } from './results.js';
import { authorizationHeader, splitUrlCredentials, UNAUTHORIZED_HINT } from './basic-auth.js';

export const CONNECTION_ERROR = 'CONNECTION_ERROR';
export const SERVER_ERROR = 'SERVER_ERROR';

export interface HttpClientOptions {
  /** `user:password` for HTTP basic auth. */
  readonly basicAuth?: string;
}

export class HttpClient implements Client {
  private readonly properties = new Map<string, string>();
  private readonly variables = new Map<string, string>();

  private constructor(
    private readonly base: string,
    readonly target: string,
    readonly version: string,
    private readonly headers: Readonly<Record<string, string>>,
  ) {}

  /** Asks the server for its version and status (GET /info); throws with a readable message if it cannot. */
  static async connect(url: string, options: HttpClientOptions = {}): Promise<HttpClient> {
    // Credentials in the URL (http://user:password@host:port) become basic auth.
    const split = splitUrlCredentials(url);
    if ('error' in split) throw new Error(split.error);
    const base = split.url;
    const headers = authorizationHeader(options.basicAuth ?? split.basicAuth);
    let info: { KsqlServerInfo?: { version?: string; serverStatus?: string } };
    try {
      const res = await fetch(`${base}/info`, { headers });
      if (res.status === 401) throw new Error(`HTTP 401: ${UNAUTHORIZED_HINT}`);
      if (!res.ok) throw new Error(`HTTP ${res.status} ${await res.text()}`);
      info = (await res.json()) as typeof info;
    } catch (err) {
      throw new Error(`cannot reach the server at ${base}: ${describeFetchError(err)}`);
    }
    const version = info.KsqlServerInfo?.version ?? 'unknown';
    const status = info.KsqlServerInfo?.serverStatus;
    return new HttpClient(base, status ? `${base} (${status})` : base, version, headers);
  }

  async *execute(sql: string, options: ExecuteOptions = {}): AsyncIterable<ClientEvent> {
    for (const { text } of splitStatements(sql)) {
      if (options.signal?.aborted) return;
      const local = this.localStatement(text);
      if (local) {
        yield local;
        if (local.type === 'error') return;
        continue;
      }
      const word = /^\s*([A-Za-z]+)/.exec(text)?.[1]?.toUpperCase();
      let failed = false;
      const events = word === 'SELECT' || word === 'PRINT' ? this.query(text, word === 'PRINT', options.signal) : this.statement(text, options.signal);
      for await (const e of events) {
        yield e;
        if (e.type === 'error') failed = true;
      }
      if (failed) return;
    }
  }

  async close(): Promise<void> {}

  /** SET/UNSET/DEFINE/UNDEFINE, handled here as ksqlDB's CLI does; undefined for anything else. */
  private localStatement(text: string): ClientEvent | undefined {
    const quoted = `'((?:[^']|'')*)'`;
    const unquote = (s: string): string => s.replaceAll("''", "'");
    const changed = (name: string, value: string | null, previous: string | undefined): ClientEvent => ({
      type: 'result',
      result: { '@type': 'property_changed', statementText: text, name, value, previous: previous ?? null },
    });
    let m = new RegExp(`^\\s*SET\\s+${quoted}\\s*=\\s*${quoted}\\s*;?\\s*$`, 'i').exec(text);
    if (m) {
      const [name, value] = [unquote(m[1]!), unquote(m[2]!)];
      const problem = validateProperty(name, value);
      if (problem) return errorEvent('INVALID_PROPERTY', problem);
      const previous = this.properties.get(name);
      this.properties.set(name, value);
      return changed(name, value, previous);
    }
    m = new RegExp(`^\\s*UNSET\\s+${quoted}\\s*;?\\s*$`, 'i').exec(text);
    if (m) {
      const name = unquote(m[1]!);
      const previous = this.properties.get(name);
      this.properties.delete(name);
      return changed(name, PROPERTY_DEFAULTS.get(name) ?? null, previous);
    }
    m = new RegExp(`^\\s*DEFINE\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*${quoted}\\s*;?\\s*$`, 'i').exec(text);
    if (m) {
      const previous = this.variables.get(m[1]!);
      this.variables.set(m[1]!, unquote(m[2]!));
      return changed(m[1]!, unquote(m[2]!), previous);
    }
    m = /^\s*UNDEFINE\s+([A-Za-z_][A-Za-z0-9_]*)\s*;?\s*$/i.exec(text);
    if (m) {
      const previous = this.variables.get(m[1]!);
      this.variables.delete(m[1]!);
      return changed(m[1]!, null, previous);
    }
    return undefined;
  }

  private async post(path: string, body: object, signal: AbortSignal | undefined): Promise<Response | ClientEvent> {
    try {
      return await fetch(`${this.base}${path}`, {
        method: 'POST',
        headers: { ...this.headers, 'content-type': 'application/vnd.ksql.v1+json', accept: 'application/vnd.ksql.v1+json' },
        body: JSON.stringify(body),
        ...(signal ? { signal } : {}),
      });
    } catch (err) {
      if (signal?.aborted) return { type: 'queryEnd', reason: 'cancelled' };
      return errorEvent(CONNECTION_ERROR, `lost connection to the server at ${this.base}: ${describeFetchError(err)}`);
    }
  }

  private async *statement(text: string, signal: AbortSignal | undefined): AsyncGenerator<ClientEvent> {
    const res = await this.post('/ksql', { ksql: text, streamsProperties: Object.fromEntries(this.properties), sessionVariables: Object.fromEntries(this.variables) }, signal);
    if (!(res instanceof Response)) return yield res;
    const body = await readJson(res);
    if (!res.ok || !Array.isArray(body)) return yield serverError(body, res.status);
    for (const entity of body as StatementResult[]) yield { type: 'result', result: entity };
  }

  private async *query(text: string, isPrint: boolean, signal: AbortSignal | undefined): AsyncGenerator<ClientEvent> {
    const res = await this.post('/query', { ksql: text, streamsProperties: Object.fromEntries(this.properties), sessionVariables: Object.fromEntries(this.variables) }, signal);
    if (!(res instanceof Response)) return yield res;
    if (!res.ok) return yield serverError(await readJson(res), res.status);
    const push = isPrint || /\bEMIT\s+CHANGES\b/i.test(text);
    const plain = (res.headers.get('content-type') ?? '').startsWith('text/plain');
    try {
      for await (const line of responseLines(res)) {
        if (plain) {
          yield { type: 'printLine', line };
          continue;
        }
        const element = arrayElement(line);
        if (element === undefined) continue;
        const e = streamedRowEvent(element, push);
        if (e) yield e;
        if (e?.type === 'queryEnd' || e?.type === 'error') return;
      }
      yield { type: 'queryEnd', reason: 'cancelled' };
    } catch (err) {
      if (signal?.aborted) return yield { type: 'queryEnd', reason: 'cancelled' };
      yield errorEvent(CONNECTION_ERROR, `lost connection to the server at ${this.base}: ${describeFetchError(err)}`);
    }
  }
}

/** One element of /query's streamed array: each sits on its own line, after `[` or `,`, maybe before `]`. */
function arrayElement(line: string): unknown {
  let s = line.trim();
  if (s.startsWith('[') || s.startsWith(',')) s = s.slice(1);
  if (s.endsWith(']')) s = s.slice(0, -1);
  if (s.endsWith(',')) s = s.slice(0, -1);
  s = s.trim();
  if (s === '') return undefined;
  return JSON.parse(s) as unknown;
}

function streamedRowEvent(element: unknown, push: boolean): ClientEvent | undefined {
  if (typeof element !== 'object' || element === null) return undefined;
  const o = element as { header?: { queryId?: string; schema?: string }; row?: { columns?: ClientValue[] }; finalMessage?: string; errorMessage?: unknown };
  if (o.header) return { type: 'queryStart', queryId: o.header.queryId ?? '', columns: parseSchema(o.header.schema ?? ''), push };
  if (o.row?.columns) return { type: 'rows', rows: [o.row.columns] };
  if (o.finalMessage !== undefined) return { type: 'queryEnd', reason: o.finalMessage === 'Limit Reached' ? 'limit' : 'complete' };
  if (o.errorMessage !== undefined) return serverError(o.errorMessage, 200);
  return undefined;
}

/** ksqlDB's header schema `` `A` STRING, `B` STRUCT<`X` INT, `Y` STRING> `` → columns. */
export function parseSchema(schema: string): ColumnInfo[] {
  const columns: ColumnInfo[] = [];
  let i = 0;
  while (i < schema.length) {
    while (schema[i] === ' ' || schema[i] === ',') i++;
    if (i >= schema.length) break;
    let name = '';
    if (schema[i] === '`') {
      i++;
      while (i < schema.length) {
        if (schema[i] === '`' && schema[i + 1] === '`') (name += '`'), (i += 2);
        else if (schema[i] === '`') break;
        else name += schema[i++];
      }
      i++;
    } else {
      while (i < schema.length && schema[i] !== ' ') name += schema[i++];
    }
    while (schema[i] === ' ') i++;
    let depth = 0;
    let inQuote = false;
    const start = i;
    for (; i < schema.length; i++) {
      const c = schema[i];
      if (c === '`') inQuote = !inQuote;
      else if (!inQuote && (c === '<' || c === '(')) depth++;
      else if (!inQuote && (c === '>' || c === ')')) depth--;
      else if (!inQuote && depth === 0 && c === ',') break;
    }
    columns.push({ name, type: schema.slice(start, i).trim() });
  }
  return columns;
}

async function* responseLines(res: Response): AsyncGenerator<string> {
  if (!res.body) return;
  const decoder = new TextDecoder();
  let pending = '';
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    pending += decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      yield pending.slice(0, nl);
      pending = pending.slice(nl + 1);
    }
  }
  pending += decoder.decode();
  if (pending.trim() !== '') yield pending;
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { message: text };
  }
}

function serverError(body: unknown, status: number): ClientEvent {
  const o = (typeof body === 'object' && body !== null ? body : {}) as { message?: unknown; error_code?: unknown };
  const message = typeof o.message === 'string' ? o.message : `HTTP ${status}`;
  return errorEvent(typeof o.error_code === 'number' ? String(o.error_code) : SERVER_ERROR, message);
}

function errorEvent(code: string, message: string): ClientEvent {
  const error: ClientError = { code, message, rendered: message };
  return { type: 'error', error };
}

function describeFetchError(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as { cause?: unknown }).cause;
    if (cause instanceof Error) return (cause as NodeJS.ErrnoException).code ?? cause.message;
    return err.message;
  }
  return String(err);
}
