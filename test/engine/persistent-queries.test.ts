/** Persistent queries on the real engine and LMDB store: results, restart, TERMINATE, DROP refusal. */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import type { EngineEvent } from '../../src/engine/events.js';
import type { Session } from '../../src/engine/session.js';
import { tempDir } from '../helpers/cli.js';
import { executeOk, rowsOf } from '../helpers/engine.js';

async function run(session: Session, sql: string): Promise<EngineEvent[]> {
  const events: EngineEvent[] = [];
  for await (const e of session.execute(sql)) events.push(e);
  return events;
}

async function ok(session: Session, sql: string): Promise<EngineEvent[]> {
  const events = await run(session, sql);
  const err = events.find((e) => e.type === 'error');
  if (err && err.type === 'error') throw new Error(err.diagnostic.message);
  return events;
}

const rows = (events: EngineEvent[]): unknown[][] => events.flatMap((e) => (e.type === 'rows' ? e.rows : []));
const message = (events: EngineEvent[]): string => {
  const r = events.find((e) => e.type === 'result');
  return r && r.type === 'result' && r.result['@type'] === 'currentStatus' ? r.result.commandStatus.message : '';
};

const SETUP = `
CREATE STREAM clicks (user_id STRING KEY, ms INT) WITH (kafka_topic='clicks', partitions=1, value_format='JSON');
SET 'auto.offset.reset'='earliest';
CREATE TABLE per_user AS SELECT user_id, COUNT(*) AS n, SUM(ms) AS total FROM clicks GROUP BY user_id;
`;

describe('persistent queries', () => {
  let engine: Engine | undefined;
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
  });

  it('aggregate, keep running across a restart with their state, and stop on TERMINATE', async () => {
    const dataDir = join(tempDir(), 'data');
    engine = await Engine.open({ dataDir });
    let s = engine.createSession();
    await ok(s, SETUP);
    await ok(s, "INSERT INTO clicks VALUES ('u1', 10); INSERT INTO clicks VALUES ('u1', 5);");
    expect(rows(await ok(s, "SET 'auto.offset.reset'='earliest'; SELECT * FROM per_user EMIT CHANGES LIMIT 2;"))).toEqual([
      ['u1', 1n, 10],
      ['u1', 2n, 15],
    ]);
    await engine.close();

    engine = await Engine.open({ dataDir });
    s = engine.createSession();
    await ok(s, "INSERT INTO clicks VALUES ('u1', 100);");
    // The restarted query resumed from its committed offsets and restored its counts.
    expect(rows(await ok(s, "SET 'auto.offset.reset'='earliest'; SELECT * FROM per_user EMIT CHANGES LIMIT 3;")).at(-1)).toEqual(['u1', 3n, 115]);

    const drop = await run(s, 'DROP STREAM clicks;');
    expect(drop.at(-1)).toMatchObject({ type: 'error', diagnostic: { code: 'SOURCE_IN_USE' } });
    const id = (await ok(s, 'SHOW QUERIES;')).flatMap((e) => (e.type === 'result' && e.result['@type'] === 'queries' ? e.result.queries.map((q) => q.id) : []));
    expect(id).toEqual(['CTAS_PER_USER_0']);
    expect(message(await ok(s, 'TERMINATE CTAS_PER_USER_0;'))).toBe('Query terminated.');
    await ok(s, 'DROP TABLE per_user; DROP STREAM clicks;');
    await engine.close();

    // Terminated stays terminated.
    engine = await Engine.open({ dataDir });
    expect((await ok(engine.createSession(), 'SHOW QUERIES;')).some((e) => e.type === 'result' && e.result['@type'] === 'queries' && e.result.queries.length > 0)).toBe(false);
  });

  it('refuse a query whose key is not projected, and a CTAS over a stream without GROUP BY', async () => {
    engine = await Engine.open({ dataDir: join(tempDir(), 'data') });
    const s = engine.createSession();
    await ok(s, SETUP);
    const noKey = await run(s, 'CREATE STREAM s2 AS SELECT ms FROM clicks;');
    expect(noKey.at(-1)).toMatchObject({ type: 'error', diagnostic: { code: 'KEY_MISSING' } });
    const notTable = await run(s, 'CREATE TABLE t2 AS SELECT user_id, ms FROM clicks;');
    expect(notTable.at(-1)).toMatchObject({ type: 'error', diagnostic: { message: expect.stringContaining('produces a STREAM') } });
    const nonAgg = await run(s, 'CREATE TABLE t3 AS SELECT user_id, ms, COUNT(*) FROM clicks GROUP BY user_id;');
    expect(nonAgg.at(-1)).toMatchObject({ type: 'error', diagnostic: { message: expect.stringContaining('Non-aggregate SELECT expression(s) not part of GROUP BY: MS') } });
  });
});
