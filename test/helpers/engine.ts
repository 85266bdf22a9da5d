/** Running statements on a real Engine session in tests. */
import type { EngineEvent } from '../../src/engine/events.js';
import type { Session } from '../../src/engine/session.js';

/** Runs a script and returns its events; throws the first error's message. */
export async function executeOk(session: Session, sql: string): Promise<EngineEvent[]> {
  const events: EngineEvent[] = [];
  for await (const e of session.execute(sql)) events.push(e);
  const err = events.find((e) => e.type === 'error');
  if (err && err.type === 'error') throw new Error(err.diagnostic.message);
  return events;
}

/** The rows of every `rows` event, in order. */
export const rowsOf = (events: readonly EngineEvent[]): unknown[][] => events.flatMap((e) => (e.type === 'rows' ? e.rows : []));
