/** PAUSE / RESUME of persistent queries on the real engine: consumption stops, state stays, restart keeps it paused. */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import type { EngineEvent } from '../../src/engine/events.js';
import type { Session } from '../../src/engine/session.js';
import { tempDir } from '../helpers/cli.js';
import { executeOk, rowsOf } from '../helpers/engine.js';

const SETUP = `
CREATE STREAM clicks (user_id STRING KEY, ms INT) WITH (kafka_topic='clicks', partitions=1, value_format='JSON');
SET 'auto.offset.reset'='earliest';
CREATE TABLE per_user AS SELECT user_id, COUNT(*) AS n FROM clicks GROUP BY user_id;
`;
const ID = 'CTAS_PER_USER_0';

const states = async (s: Session): Promise<string[]> =>
  (await executeOk(s, 'SHOW QUERIES;')).flatMap((e) => (e.type === 'result' && e.result['@type'] === 'queries' ? e.result.queries.map((q) => `${q.id}:${q.state}`) : []));

const message = (events: EngineEvent[]): string => {
  const r = events.find((e) => e.type === 'result');
  return r && r.type === 'result' && r.result['@type'] === 'currentStatus' ? r.result.commandStatus.message : '';
};

/** The latest count of u1 once the query has consumed every click (it commits input offsets with its output). */
async function countWhenCaughtUp(engine: Engine, s: Session): Promise<unknown> {
  const end = engine.store.offsets('clicks', 0).end;
  while ((engine.store.committedOffsets(ID, 'clicks').get(0) ?? 0) < end) await new Promise((r) => setTimeout(r, 5));
  await executeOk(s, `PAUSE ${ID};`); // waits for the commit in flight, so the sink is complete
  const changes = engine.store.offsets('PER_USER', 0).end;
  const rows = rowsOf(await executeOk(s, `SET 'auto.offset.reset'='earliest'; SELECT * FROM per_user EMIT CHANGES LIMIT ${changes};`));
  return rows.at(-1)?.[1];
}

describe('PAUSE and RESUME', () => {
  let engine: Engine | undefined;
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
  });

  it('stop consumption, keep state and offsets, survive a restart paused, and continue on RESUME', async () => {
    const dataDir = join(tempDir(), 'data');
    engine = await Engine.open({ dataDir });
    let s = engine.createSession();
    await executeOk(s, SETUP);
    await executeOk(s, "INSERT INTO clicks VALUES ('u1', 1); INSERT INTO clicks VALUES ('u1', 2);");
    expect(await countWhenCaughtUp(engine, s)).toBe(2n);
    expect(await states(s)).toEqual([`${ID}:PAUSED`]);

    // Paused: new input is not consumed.
    await executeOk(s, "INSERT INTO clicks VALUES ('u1', 3);");
    await new Promise((r) => setTimeout(r, 100));
    expect(engine.store.committedOffsets(ID, 'clicks').get(0)).toBe(2);
    await engine.close();

    // Still paused after a restart.
    engine = await Engine.open({ dataDir });
    s = engine.createSession();
    expect(await states(s)).toEqual([`${ID}:PAUSED`]);
    await new Promise((r) => setTimeout(r, 100));
    expect(engine.store.committedOffsets(ID, 'clicks').get(0)).toBe(2);

    // RESUME continues from offset 2 with the count restored: 3, not 1.
    expect(message(await executeOk(s, `RESUME ${ID};`))).toBe('Query resumed.');
    expect(await states(s)).toEqual([`${ID}:RUNNING`]);
    expect(await countWhenCaughtUp(engine, s)).toBe(3n);

    // PAUSE ALL / RESUME ALL, and an unknown id is an error value.
    expect(message(await executeOk(s, 'RESUME ALL;'))).toBe('Query resumed.');
    expect(message(await executeOk(s, 'PAUSE ALL;'))).toBe('Query paused.');
    expect(await states(s)).toEqual([`${ID}:PAUSED`]);
    const events: EngineEvent[] = [];
    for await (const e of s.execute('PAUSE NO_SUCH_QUERY;')) events.push(e);
    expect(events.at(-1)).toMatchObject({ type: 'error', diagnostic: { code: 'UNKNOWN_QUERY', message: 'Unknown queryId: NO_SUCH_QUERY' } });
    // A paused query can be terminated.
    expect(message(await executeOk(s, `TERMINATE ${ID};`))).toBe('Query terminated.');
    expect(await states(s)).toEqual([]);
  });
});
