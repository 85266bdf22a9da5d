/**
 * One REST case run as ksqlDB's RestTestExecutor runs it: against a real server over HTTP. A
 * server (startServer) on a temporary data dir; the admin statements go in one POST /ksql, the
 * input records are produced straight into the server's topic store (as the harness produces to
 * Kafka), and each query is a POST /query whose streamed {header}/{row}/{finalMessage} elements
 * are the responses. Only the transport differs from the in-process run (run-rest-case.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../server/server.js';
import { CaseEnv } from './case-env.js';
import type { Comparable } from './json-value.js';
import { failed, type CaseOutcome } from './outcome.js';
import { isObject, type QttCase } from './qtt-case.js';
import { prepare, expectedErrorOutcome } from './run-qtt-case.js';
import { finishCase, inputProducer, QUERY_IDLE_MS, QUERY_MAX_MS, settleIfQueried, splitStatements, statementTopics, type Rqtt } from './run-rest-case.js';
import { stringifyJson } from './lossless-json.js';

/** Bound on one /ksql request (admin statements). */
export const HTTP_STATEMENT_TIMEOUT_MS = 30_000;

export async function runRestCaseOverHttp(c: QttCase): Promise<CaseOutcome> {
  const dir = await mkdtemp(join(tmpdir(), 'streamsql-rest-'));
  let server: RunningServer | undefined;
  try {
    server = await startServer({ dataDir: dir, port: 0 });
    return await runOn(c, server);
  } finally {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function runOn(c: QttCase, server: RunningServer): Promise<CaseOutcome> {
  const env = CaseEnv.over(server.engine);
  // Properties travel with every request, as the harness's REST client sends them.
  const properties: Record<string, string> = { 'auto.offset.reset': 'earliest', 'cache.max.bytes.buffering': '0', ...Object.fromEntries(c.properties) };
  const setup = await prepare({ ...c, properties: new Map() }, env);
  if (setup) return setup;
  await env.createTopics(statementTopics(c.statements));
  const split = splitStatements(c);
  if ('problem' in split) return failed(split.problem);
  const { admin, queries } = split;

  const responses: Rqtt[] = [];
  if (admin.length > 0) {
    const reply = await post(server.url, '/ksql', { ksql: admin.join('\n'), streamsProperties: properties }, HTTP_STATEMENT_TIMEOUT_MS);
    if (reply.status !== 200) return errorOutcome(c, reply.body, admin.join('\n'));
    const entities = JSON.parse(reply.body) as unknown;
    if (!Array.isArray(entities)) return failed(`/ksql answered ${reply.body.slice(0, 200)}`);
    for (const e of entities) responses.push({ kind: 'admin', payload: e as Comparable });
  }

  const onHeader = await inputProducer(c, env);
  await settleIfQueried(c, env, admin.length);
  for (const sql of queries) {
    const result = await streamQuery(server.url, sql, properties, onHeader);
    if ('error' in result) return errorOutcome(c, result.error, sql);
    responses.push({ kind: 'query', rows: result.rows });
  }
  return finishCase(c, env, responses);
}

/** An HTTP error body: ksqlDB's error entity; its message is what the expected error is matched on. */
function errorOutcome(c: QttCase, body: string, sql: string): CaseOutcome {
  let message = body;
  try {
    const parsed = JSON.parse(body) as unknown;
    if (isObject(parsed) && typeof parsed.message === 'string') message = parsed.message;
  } catch {
    // not JSON: the body itself is the message
  }
  return c.expectedException ? expectedErrorOutcome({ message }, c.expectedException) : failed(`statement failed: ${message} — ${sql}`);
}

async function post(url: string, path: string, body: object, timeoutMs: number): Promise<{ status: number; body: string }> {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/vnd.ksql.v1+json' },
    body: stringifyJson(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  return { status: res.status, body: await res.text() };
}

/**
 * POST /query and collect its elements until the server ends the response, or the query has been
 * idle for QUERY_IDLE_MS (a push query ends only by LIMIT), then close the connection.
 */
async function streamQuery(url: string, sql: string, properties: Record<string, string>, onHeader: () => Promise<void>): Promise<{ rows: Comparable[] } | { error: string }> {
  const controller = new AbortController();
  const res = await fetch(url + '/query', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/vnd.ksql.v1+json' },
    body: JSON.stringify({ ksql: sql, streamsProperties: properties }),
    signal: controller.signal,
  });
  if (res.status !== 200) return { error: await res.text() };
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const rows: Comparable[] = [];
  const started = Date.now();
  let pending = '';
  try {
    for (;;) {
      const idle = Math.max(0, Math.min(QUERY_IDLE_MS, QUERY_MAX_MS - (Date.now() - started)));
      const step = await Promise.race([reader.read(), delay(idle)]);
      if (step === 'timeout' || step.done) break;
      pending += decoder.decode(step.value, { stream: true });
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const element = parseElement(pending.slice(0, nl));
        pending = pending.slice(nl + 1);
        if (element === undefined) continue;
        if (isObject(element) && isObject(element.errorMessage)) return { error: JSON.stringify(element.errorMessage) };
        rows.push(element);
        if (isObject(element) && element.header !== undefined) await onHeader();
      }
    }
  } finally {
    controller.abort();
    await reader.cancel().catch(() => undefined);
  }
  return { rows };
}

/** One line of /query's array: `[{...}`, `,{...}` or `,{...}]`. */
function parseElement(line: string): Comparable | undefined {
  let text = line.trim();
  if (text.startsWith('[') || text.startsWith(',')) text = text.slice(1);
  if (text.endsWith(']')) text = text.slice(0, -1);
  if (text === '') return undefined;
  return JSON.parse(text) as Comparable;
}

function delay(ms: number): Promise<'timeout'> {
  return new Promise((resolve) => setTimeout(() => resolve('timeout'), ms).unref());
}
