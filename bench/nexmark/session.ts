/** Running statements on an engine session from the bench, where any error is fatal. */
import type { EngineEvent } from '../../src/engine/events.js';
import type { Session } from '../../src/engine/session.js';

export async function executeOrThrow(session: Session, sql: string): Promise<EngineEvent[]> {
  const events: EngineEvent[] = [];
  for await (const e of session.execute(sql)) {
    if (e.type === 'error') throw new Error(`${e.diagnostic.code}: ${e.diagnostic.message}\n${sql}`);
    events.push(e);
  }
  return events;
}
