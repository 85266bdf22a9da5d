/** Running statements on a real Engine session in tests. */
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import type { EngineEvent } from '../../src/engine/events.js';
import type { Session } from '../../src/engine/session.js';
import { tempDir } from './cli.js';

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

/**
 * For a describe block: returns `open()`, which opens an Engine on a fresh data dir; an afterEach
 * closes it.
 */
export function engineFixture(): () => Promise<Engine> {
  let engine: Engine | undefined;
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
  });
  return async () => (engine = await Engine.open({ dataDir: join(tempDir(), 'data') }));
}

/** Runs `sql` on a fresh session of `engine` and returns the first error's message ('(no error)' if none). */
export async function errorMessageOf(engine: Engine, sql: string): Promise<string> {
  const events: EngineEvent[] = [];
  for await (const e of engine.createSession().execute(sql)) events.push(e);
  const err = events.find((e) => e.type === 'error');
  return err && err.type === 'error' ? err.diagnostic.message : '(no error)';
}
