/**
 * One streaming QTT case: statements, then input records, then (once persistent queries have
 * settled) the output topics and `post` conditions. A case that expects an exception passes when
 * a statement fails with a message containing the expected one.
 */
import type { Diagnostic } from '../sql/diagnostic.js';
import type { CaseEnv, StatementRun } from './case-env.js';
import { errorMatches, statementFirstLines } from './error-location.js';
import { failed, passed, type CaseOutcome } from './outcome.js';
import type { QttCase, QttExpectedException } from './qtt-case.js';
import { waitUntilSettled } from './settle.js';
import { verifyOutputs } from './verify-outputs.js';
import { verifyPost } from './verify-post.js';

/** How long one statement may run before the case fails (a push query in a QTT script never ends). */
export const STATEMENT_TIMEOUT_MS = 10_000;

/** Statements that start a persistent query, after which the runner must wait for output. */
const PERSISTENT_QUERY = /\bAS\s+SELECT\b|\bINSERT\s+INTO\s+\S+\s+SELECT\b/i;

export async function runQttCase(c: QttCase, env: CaseEnv): Promise<CaseOutcome> {
  const setup = await prepare(c, env);
  if (setup) return setup;
  const firstLines = statementFirstLines(c.statements);
  for (let i = 0; i < c.statements.length; i++) {
    const stmt = c.statements[i]!;
    // QTT parses the statements as one script, each on new lines: error positions count lines so
    // (the leading newlines put our spans on those lines).
    const run = await runWithTimeout(env, '\n'.repeat(firstLines[i]! - 1) + stmt, STATEMENT_TIMEOUT_MS);
    if (run.timedOut) return failed(`statement ${i + 1} did not finish within ${STATEMENT_TIMEOUT_MS} ms: ${stmt}`);
    if (run.error) return c.expectedException ? expectedErrorOutcome(run.error, c.expectedException) : failed(`statement ${i + 1} failed: ${run.error.message} — ${stmt}`);
  }
  if (c.expectedException && c.inputs.length === 0) return failed(`expected an error containing "${c.expectedException.message ?? ''}" but every statement succeeded`);
  await env.produce(c.inputs, c.topics);
  if (c.statements.some((s) => PERSISTENT_QUERY.test(s))) {
    const groups = await env.persistentQueryIds();
    await waitUntilSettled(env.engine.store, () => groups);
  }
  if (c.expectedException) {
    // An error at run time (Kafka Streams stops the query): a persistent query in ERROR.
    const failure = env.engine.queryFailures()[0];
    if (failure) return expectedErrorOutcome({ message: failure.error }, c.expectedException);
    return failed(`expected an error containing "${c.expectedException.message ?? ''}" but every statement succeeded and every query ran`);
  }
  const outputProblem = await verifyOutputs(c.outputs, (t) => env.readTopic(t), env.engine.catalog, c.topics);
  if (outputProblem) return failed(outputProblem);
  if (c.post) {
    const postProblem = verifyPost(c.post, env.engine.catalog, env.engine.store);
    if (postProblem) return failed(postProblem);
  }
  return passed;
}

export const QTT_DEFAULT_PROPERTIES: ReadonlyMap<string, string> = new Map([
  ['auto.offset.reset', 'earliest'],
  ['ksql.service.id', 'some.ksql.service.id'],
  ['cache.max.bytes.buffering', '0'],
]);

/** Properties (auto.offset.reset defaults to earliest: QTT feeds input after the queries start) and topics. */
export async function prepare(c: QttCase, env: CaseEnv): Promise<CaseOutcome | undefined> {
  // QTT's harness runs ksqlDB with the service id some.ksql.service.id (internal topics carry it)
  // and without Kafka Streams' record cache (every table change is output).
  const props = new Map<string, string>([...QTT_DEFAULT_PROPERTIES, ...c.properties]);
  for (const [name, value] of props) {
    const error = await env.setProperty(name, value);
    if (error) return failed(`cannot set property ${name}=${value}: ${error.message}`);
  }
  await env.createTopics(c.topics);
  return undefined;
}

/**
 * QTT compares the message as a substring (see error-location.ts for messages with a location);
 * the Java exception type is not comparable to our codes.
 */
export function expectedErrorOutcome(error: Pick<Diagnostic, 'message' | 'span'>, expected: QttExpectedException, firstLine?: number): CaseOutcome {
  if (expected.message === undefined || errorMatches(error, expected.message, firstLine)) return passed;
  return failed(`expected an error containing "${expected.message}" but got "${error.message}"`);
}

export async function runWithTimeout(env: CaseEnv, sql: string, timeoutMs: number): Promise<StatementRun & { timedOut: boolean }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const run = await env.run(sql, controller.signal);
    return { ...run, timedOut: controller.signal.aborted };
  } finally {
    clearTimeout(timer);
  }
}
