/**
 * A request runs in a fresh engine session: streamsProperties become SET overrides and
 * sessionVariables become DEFINEs, scoped to the request (as ksqlDB scopes them).
 */
import type { Engine } from '../engine/engine.js';
import { validateProperty } from '../engine/properties.js';
import type { Session } from '../engine/session.js';
import { ERROR_CODE, genericError, type ApiError } from './errors.js';

export function openSession(engine: Engine, properties: ReadonlyMap<string, string>, variables: ReadonlyMap<string, string>): Session | ApiError {
  const session = engine.createSession();
  for (const [name, value] of properties) {
    const problem = validateProperty(name, value);
    if (problem) return genericError(ERROR_CODE.BAD_REQUEST, problem);
    session.properties.set(name, value);
  }
  for (const [name, value] of variables) session.variables.set(name, value);
  return session;
}

export type StatementClass = 'query' | 'print' | 'other';

/** Which endpoint a statement belongs to, by its first keyword (leading comments are dropped by the splitter). */
export function classify(statementText: string): StatementClass {
  const m = /^\s*([A-Za-z]+)/.exec(statementText);
  const word = m?.[1]?.toUpperCase();
  return word === 'SELECT' ? 'query' : word === 'PRINT' ? 'print' : 'other';
}

export function statementsOf(engine: Engine, sql: string): string[] {
  return engine.statementTexts(sql);
}
