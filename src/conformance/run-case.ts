/**
 * Runs one case in its own engine and never throws: a skip rule applies, or the case runs with a
 * time limit, and anything thrown becomes a failure carrying the error.
 */
import { CaseEnv } from './case-env.js';
import { failed, skipped, type CaseOutcome, type CaseResult } from './outcome.js';
import type { QttCase } from './qtt-case.js';
import { runQttCase } from './run-qtt-case.js';
import { runRestCase } from './run-rest-case.js';
import { runRestCaseOverHttp } from './run-rest-http-case.js';
import { skipReason } from './skip-rules.js';

/** In-process limit for one case; worker processes add a hard kill on top of it. */
export const CASE_TIMEOUT_MS = 60_000;

/** `overHttp`: run a REST case against a real server over HTTP instead of the engine in-process. */
export async function runCase(c: QttCase, timeoutMs = CASE_TIMEOUT_MS, overHttp = false): Promise<CaseResult> {
  const started = Date.now();
  const outcome = overHttp ? await runHttpOutcome(c, timeoutMs) : await runCaseOutcome(c, timeoutMs);
  return { file: c.file, id: c.id, name: c.name, outcome, ms: Date.now() - started };
}

async function runHttpOutcome(c: QttCase, timeoutMs: number): Promise<CaseOutcome> {
  const skip = skipReason(c);
  if (skip !== undefined) return skipped(skip);
  if (!c.rest) return skipped('not a REST case');
  return withTimeout(runRestCaseOverHttp(c), timeoutMs);
}

function withTimeout(run: Promise<CaseOutcome>, timeoutMs: number): Promise<CaseOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CaseOutcome>((resolve) => {
    timer = setTimeout(() => resolve(failed(`timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([run.catch((err: unknown) => failed(`error: ${errorText(err)}`)), timeout]).finally(() => clearTimeout(timer));
}

async function runCaseOutcome(c: QttCase, timeoutMs: number): Promise<CaseOutcome> {
  const skip = skipReason(c);
  if (skip !== undefined) return skipped(skip);
  let env: CaseEnv;
  try {
    env = await CaseEnv.open();
  } catch (err) {
    return failed(`cannot open engine: ${errorText(err)}`);
  }
  const outcome = await withTimeout(c.rest ? runRestCase(c, env) : runQttCase(c, env), timeoutMs);
  try {
    await env.close();
  } catch (err) {
    if (outcome.status === 'passed') return failed(`cannot close engine: ${errorText(err)}`);
  }
  return outcome;
}

export function errorText(err: unknown): string {
  if (err instanceof Error) return err.stack?.split('\n').slice(0, 3).join(' | ') ?? err.message;
  return String(err);
}
