/**
 * One REST case (rest-query-validation-tests): as ksqlDB's REST test executor does it —
 * statements before the first SELECT are admin statements whose results are the first responses;
 * then the input is produced; then each query runs and its streamed rows (header, rows, final
 * message) are the next responses. Expected responses match field by field: only the fields the
 * test names are compared, `field|starts_with` compares a prefix, `{STATEMENT}` is the statement;
 * a query's rows in any order unless the case sets `outputConditions.verifyOrder`.
 */
import type { ColumnSchema } from '../analyze/catalog.js';
import type { EngineEvent } from '../engine/events.js';
import type { Diagnostic } from '../sql/diagnostic.js';
import { toClientValue } from '../types/render.js';
import { Decimal } from '../types/decimal.js';
import { typeToString } from '../types/sql-type.js';
import type { CaseEnv } from './case-env.js';
import { firstDifference, show, type Comparable } from './json-value.js';
import { failed, passed, type CaseOutcome } from './outcome.js';
import { isObject, type JsonValue, type QttCase, type QttResponse } from './qtt-case.js';
import { expectedErrorOutcome, prepare, runWithTimeout, STATEMENT_TIMEOUT_MS } from './run-qtt-case.js';
import { waitUntilSettled } from './settle.js';
import { verifyOutputs } from './verify-outputs.js';

/** A query that produced nothing for this long is stopped (push queries end only by LIMIT). */
export const QUERY_IDLE_MS = 1_500;
/** Hard bound on one query's run time. */
export const QUERY_MAX_MS = 10_000;
/** How long a cancelled query gets to end its event stream. */
export const QUERY_ABORT_GRACE_MS = 2_000;

export type Rqtt = { readonly kind: 'admin'; readonly payload: Comparable } | { readonly kind: 'query'; readonly rows: readonly Comparable[] };

export const IS_QUERY = /^\s*SELECT\s/i;
export const PERSISTENT_QUERY = /\bAS\s+SELECT\b|\bINSERT\s+INTO\s+\S+\s+SELECT\b/i;

export async function runRestCase(c: QttCase, env: CaseEnv): Promise<CaseOutcome> {
  const setup = await prepare(c, env);
  if (setup) return setup;
  await env.createTopics(statementTopics(c.statements));
  const split = splitStatements(c);
  if ('problem' in split) return failed(split.problem);
  const { admin, queries } = split;

  const responses: Rqtt[] = [];
  for (let i = 0; i < admin.length; i++) {
    const run = await runWithTimeout(env, admin[i]!, STATEMENT_TIMEOUT_MS);
    if (run.timedOut) return failed(`statement ${i + 1} did not finish within ${STATEMENT_TIMEOUT_MS} ms`);
    if (run.error) return errorOutcome(c, run.error, admin[i]!);
    for (const e of run.events) if (e.type === 'result') responses.push({ kind: 'admin', payload: toComparable(e.result) });
  }

  const onHeader = await inputProducer(c, env);
  await settleIfQueried(c, env, admin.length);
  for (const sql of queries) {
    const result = await collectQuery(env, sql, onHeader);
    if (result.error) return errorOutcome(c, result.error, sql);
    if (result.problem) return failed(result.problem);
    responses.push({ kind: 'query', rows: result.rows });
  }
  return finishCase(c, env, responses);
}

/** After the last query: an expected error that never came, then output topics, then responses. */
export async function finishCase(c: QttCase, env: CaseEnv, responses: readonly Rqtt[]): Promise<CaseOutcome> {
  if (c.expectedException) return failed(`expected an error containing "${c.expectedException.message ?? ''}" but every statement succeeded`);
  const outputProblem = await verifyOutputs(c.outputs, (t) => env.readTopic(t), env.engine.catalog, c.topics);
  if (outputProblem) return failed(outputProblem);
  const responseProblem = verifyResponses(responses, c.responses ?? [], c.statements, c.verifyOrder);
  return responseProblem ? failed(responseProblem) : passed;
}

/** Produces the case's inputs now, or (waitForQueryHeader) once, when the first query's header arrives. */
export async function inputProducer(c: QttCase, env: CaseEnv): Promise<() => Promise<void>> {
  let produced = !c.waitForQueryHeader;
  if (produced) await env.produce(c.inputs, c.topics);
  return async () => {
    if (produced) return;
    produced = true;
    await env.produce(c.inputs, c.topics);
  };
}

/**
 * ksqlDB's REST test harness creates the topic of every CREATE STREAM/TABLE before the statements
 * run, with 4 partitions unless the statement says PARTITIONS (its legacy default sink partition
 * count). Where rows land decides the order of a table scan, so we do the same.
 */
export const REST_HARNESS_PARTITIONS = 4;
const CREATE_SOURCE = /^\s*CREATE\s+(?:OR\s+REPLACE\s+)?(?:SOURCE\s+)?(?:STREAM|TABLE)\b/i;
const KAFKA_TOPIC = /\bKAFKA_TOPIC\s*=\s*'([^']*)'/i;
const PARTITIONS = /\bPARTITIONS\s*=\s*(\d+)/i;

export function statementTopics(statements: readonly string[]): { name: string; partitions: number }[] {
  const out: { name: string; partitions: number }[] = [];
  for (const s of statements) {
    if (!CREATE_SOURCE.test(s) || PERSISTENT_QUERY.test(s)) continue;
    const topic = KAFKA_TOPIC.exec(s)?.[1];
    if (topic === undefined) continue;
    const partitions = PARTITIONS.exec(s)?.[1];
    out.push({ name: topic, partitions: partitions === undefined ? REST_HARNESS_PARTITIONS : Number(partitions) });
  }
  return out;
}

/** As ksqlDB's harness: the statements before the first SELECT are admin statements, the rest queries. */
export function splitStatements(c: QttCase): { admin: readonly string[]; queries: readonly string[] } | { problem: string } {
  const firstQuery = c.statements.findIndex((s) => IS_QUERY.test(s));
  const admin = firstQuery < 0 ? c.statements : c.statements.slice(0, firstQuery);
  const queries = firstQuery < 0 ? [] : c.statements.slice(firstQuery);
  const out = queries.findIndex((q) => !IS_QUERY.test(q));
  if (out >= 0) return { problem: `invalid case: statement ${firstQuery + out + 1} follows a query but is not one` };
  return { admin, queries };
}

/** Waits for the persistent queries to catch up when the case expects query responses after them. */
export async function settleIfQueried(c: QttCase, env: CaseEnv, adminCount: number): Promise<void> {
  if (!c.expectedException && (c.responses?.length ?? 0) > adminCount && c.statements.some((s) => PERSISTENT_QUERY.test(s))) {
    const groups = await env.persistentQueryIds();
    await waitUntilSettled(env.engine.store, () => groups);
  }
}

function errorOutcome(c: QttCase, error: Diagnostic, sql: string): CaseOutcome {
  return c.expectedException ? expectedErrorOutcome(error, c.expectedException) : failed(`statement failed: ${error.message} — ${sql}`);
}

interface QueryRun {
  readonly rows: Comparable[];
  readonly error?: Diagnostic;
  readonly problem?: string;
}

/** Runs one query, turning its events into ksqlDB's streamed rows; stops it when it goes idle. */
async function collectQuery(env: CaseEnv, sql: string, onHeader: () => Promise<void>): Promise<QueryRun> {
  const controller = new AbortController();
  const iterator = env.session.execute(sql, { signal: controller.signal });
  const rows: Comparable[] = [];
  let columns: readonly ColumnSchema[] = [];
  let tablePull = false;
  const started = Date.now();
  let aborted = false;
  for (;;) {
    const next = iterator.next();
    const idle = aborted ? QUERY_ABORT_GRACE_MS : Math.max(0, Math.min(QUERY_IDLE_MS, QUERY_MAX_MS - (Date.now() - started)));
    const step = await within(next, idle);
    if (step === 'timeout') {
      if (aborted) {
        void iterator.return(false);
        return { rows, problem: `query did not stop ${QUERY_ABORT_GRACE_MS} ms after cancellation: ${sql}` };
      }
      aborted = true;
      controller.abort();
      const after = await within(next, QUERY_ABORT_GRACE_MS);
      if (after === 'timeout') {
        void iterator.return(false);
        return { rows, problem: `query did not stop ${QUERY_ABORT_GRACE_MS} ms after cancellation: ${sql}` };
      }
      if (after.done) return { rows };
      const r = handle(after.value);
      if (r) return r;
      continue;
    }
    if (step.done) return { rows };
    const r = handle(step.value);
    if (r) return r;
    if (step.value.type === 'queryStart') await onHeader();
  }

  function handle(e: EngineEvent): QueryRun | undefined {
    switch (e.type) {
      case 'queryStart':
        columns = e.columns;
        tablePull = e.tablePull === true;
        rows.push({ header: { queryId: e.queryId, schema: columns.map((c) => `\`${c.name}\` ${typeToString(c.type)}${c.key ? ' KEY' : ''}`).join(', ') } });
        return undefined;
      case 'rows':
        e.rows.forEach((row, r) => {
          const values = row.map((v, i) => toComparable(toClientValue(v, columns[i]!.type)));
          rows.push({ row: { columns: values, ...(e.tombstones?.[r] ? { tombstone: true } : {}) } });
        });
        return undefined;
      case 'queryEnd': {
        const message = finalMessage(e.reason, tablePull);
        if (message) rows.push({ finalMessage: message });
        return undefined;
      }
      case 'error':
        return { rows, error: e.diagnostic };
      case 'result':
      case 'printLine':
        return undefined;
    }
  }
}

/**
 * ksqlDB ends a LIMIT with "Limit Reached", a pull query over a stream (a scan that ends) with
 * "Query Completed", and a pull query over a table, or a cancelled query, with no final message.
 */
export function finalMessage(reason: 'limit' | 'cancelled' | 'complete', tablePull: boolean): string | undefined {
  if (tablePull) return undefined;
  switch (reason) {
    case 'limit':
      return 'Limit Reached';
    case 'cancelled':
      return undefined;
    case 'complete':
      return 'Query Completed';
  }
}

function within<T>(p: Promise<T>, ms: number): Promise<T | 'timeout'> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve('timeout'), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

/**
 * As ksqlDB's REST test executor: a query's rows are compared as a multiset of their `columns`
 * (other row fields, the header and the final message in order) unless the case sets
 * `outputConditions.verifyOrder` — ksqlDB does not promise the order of a table scan or of rows
 * from different partitions.
 */
export function verifyResponses(actual: readonly Rqtt[], expected: readonly QttResponse[], statements: readonly string[], verifyOrder = false): string | undefined {
  if (actual.length < expected.length) return `expected ${expected.length} responses but got ${actual.length}`;
  for (let idx = 0; idx < expected.length; idx++) {
    const e = expected[idx]!;
    const a = actual[idx]!;
    const path = `responses[${idx}]->${e.kind}`;
    if (e.kind !== a.kind) return `${path}: expected a ${e.kind} response but got a ${a.kind} response`;
    if (a.kind === 'admin') {
      if (!isObject(e.payload)) return `${path}: expected payload is not an object`;
      const d = matchFields(a.payload, e.payload, statements, idx, path);
      if (d) return d;
    } else {
      if (!Array.isArray(e.payload)) return `${path}: expected payload is not an array`;
      if (a.rows.length !== e.payload.length) {
        return `${path}: expected ${e.payload.length} rows but got ${a.rows.length}: expected ${show(e.payload)} but got ${show(a.rows)}`;
      }
      const columns: ColumnsPair[] | undefined = verifyOrder ? undefined : [];
      for (let i = 0; i < e.payload.length; i++) {
        const want = e.payload[i]!;
        if (!isObject(want)) return `${path}[${i}]: expected row is not an object`;
        const d = matchFields(a.rows[i]!, want, statements, idx, `${path}[${i}]`, columns);
        if (d) return d;
      }
      const d = columns && sameMultiset(columns);
      if (d) return d;
    }
  }
  return undefined;
}

/** One row's `columns`, actual and expected, set aside to be matched in any order. */
interface ColumnsPair {
  readonly got: Comparable;
  readonly want: JsonValue;
  readonly at: string;
}

/** Every actual row's columns match a distinct expected row's; else the first positional difference. */
function sameMultiset(pairs: readonly ColumnsPair[]): string | undefined {
  const unused = pairs.map((p) => p.want);
  for (const p of pairs) {
    const i = unused.findIndex((w) => firstDifference(p.got, w) === undefined);
    if (i >= 0) {
      unused.splice(i, 1);
      continue;
    }
    const first = pairs.map((q) => firstDifference(q.got, q.want, q.at)).find((d) => d !== undefined);
    const all = `expected rows ${show(pairs.map((q) => q.want))} but got ${show(pairs.map((q) => q.got))}`;
    return `${first ?? `${p.at}: ${show(p.got)} is not an expected row`} (rows compared in any order; ${all})`;
  }
  return undefined;
}

/** Only the expected object's fields are checked; nested objects recursively; a query row's columns go to `columns` when given. */
function matchFields(
  actual: Comparable,
  expected: { [k: string]: JsonValue },
  statements: readonly string[],
  idx: number,
  path: string,
  columns?: ColumnsPair[],
): string | undefined {
  if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return `${path}: expected an object but got ${show(actual)}`;
  for (const [rawKey, rawValue] of Object.entries(expected)) {
    const bar = rawKey.indexOf('|');
    const key = bar < 0 ? rawKey : rawKey.slice(0, bar);
    const operator = bar < 0 ? 'EQUALS' : rawKey.slice(bar + 1).toUpperCase();
    const want = typeof rawValue === 'string' && idx < statements.length ? rawValue.replaceAll('{STATEMENT}', statements[idx]!) : rawValue;
    const at = `${path}->${key}`;
    if (!(key in actual)) return `${at}: missing (actual ${show(actual)})`;
    const got = actual[key]!;
    if (isObject(want)) {
      const d = matchFields(got, want, statements, idx, at, columns);
      if (d) return d;
    } else if (operator === 'STARTS_WITH') {
      if (typeof got !== 'string' || typeof want !== 'string' || !got.startsWith(want)) return `${at}: expected to start with ${show(want)} but got ${show(got)}`;
    } else if (columns && key.toLowerCase() === 'columns' && at.includes('->row->')) {
      columns.push({ got, want, at });
    } else {
      const d = firstDifference(got, want, at);
      if (d) return d;
    }
  }
  return undefined;
}

/** Any engine/client value as plain comparable JSON (bigint kept exact, bytes as base64). */
export function toComparable(v: unknown): Comparable {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string' || typeof v === 'bigint') return v;
  if (v instanceof Decimal) return v.toNumber();
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (Array.isArray(v)) return v.map(toComparable);
  if (v instanceof Map) {
    const out: { [k: string]: Comparable } = {};
    for (const [k, x] of v) out[String(k)] = toComparable(x);
    return out;
  }
  if (typeof v === 'object') {
    const out: { [k: string]: Comparable } = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = toComparable(x);
    return out;
  }
  return String(v);
}
