/**
 * Stream-stream join state: every kept row is its own state entry, rebuilt on restart in arrival
 * order; state of the older layout (a list per key) is split into entries when the join starts.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { streamStreamJoin } from '../../../src/exec/operators/join-stream-stream.js';
import type { JoinRows, JoinSpec } from '../../../src/exec/operators/join.js';
import { MemoryState } from '../../../src/exec/state/key-value-state.js';
import { tempDir } from '../../helpers/cli.js';
import { executeOk } from '../../helpers/engine.js';
import { awaitTextRecords } from '../../helpers/topic-records.js';

describe('stream-stream join state', () => {
  let engine: Engine | undefined;
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
  });

  it('joins rows kept before a restart, in arrival order', async () => {
    const dataDir = join(tempDir(), 'data');
    engine = await Engine.open({ dataDir });
    await executeOk(engine.createSession(), `
      CREATE STREAM l (id STRING KEY, v STRING) WITH (kafka_topic='l', partitions=1, value_format='JSON');
      CREATE STREAM r (id STRING KEY, w STRING) WITH (kafka_topic='r', partitions=1, value_format='JSON');
      SET 'auto.offset.reset'='earliest';
      CREATE STREAM j AS SELECT l.id AS id, v, w FROM l JOIN r WITHIN 1 MINUTE ON l.id = r.id;
      INSERT INTO l (ROWTIME, id, v) VALUES (1000, 'a', 'l1');
      INSERT INTO r (ROWTIME, id, w) VALUES (2000, 'a', 'r1');`);
    expect((await awaitTextRecords(engine, 'J', 1)).map((r) => r.value)).toEqual(['{"V":"l1","W":"r1"}']);
    await engine.close();
    engine = await Engine.open({ dataDir });
    await executeOk(engine.createSession(), `
      INSERT INTO r (ROWTIME, id, w) VALUES (3000, 'a', 'r2');
      INSERT INTO l (ROWTIME, id, v) VALUES (4000, 'a', 'l2');`);
    expect((await awaitTextRecords(engine, 'J', 4)).map((r) => r.value)).toEqual([
      '{"V":"l1","W":"r1"}',
      '{"V":"l1","W":"r2"}',
      '{"V":"l2","W":"r1"}',
      '{"V":"l2","W":"r2"}',
    ]);
  });

  it('keeps only the columns read after the join in its state, and joins right', async () => {
    engine = await Engine.open({ dataDir: join(tempDir(), 'data') });
    await executeOk(engine.createSession(), `
      CREATE STREAM l (id STRING KEY, v STRING, f INT, pad STRING) WITH (kafka_topic='l', partitions=1, value_format='JSON');
      CREATE STREAM r (id STRING KEY, w STRING, rpad STRING) WITH (kafka_topic='r', partitions=1, value_format='JSON');
      SET 'auto.offset.reset'='earliest';
      CREATE STREAM j AS SELECT l.id AS id, v, w FROM l JOIN r WITHIN 1 MINUTE ON l.id = r.id WHERE f > 0;
      INSERT INTO l (ROWTIME, id, v, f, pad) VALUES (1000, 'a', 'l1', 1, 'LEFT-PADDING');
      INSERT INTO l (ROWTIME, id, v, f, pad) VALUES (1100, 'a', 'l0', 0, 'LEFT-PADDING');
      INSERT INTO r (ROWTIME, id, w, rpad) VALUES (2000, 'a', 'r1', 'RIGHT-PADDING');
      INSERT INTO l (ROWTIME, id, v, f, pad) VALUES (3000, 'a', 'l2', 2, 'LEFT-PADDING');`);
    expect((await awaitTextRecords(engine, 'J', 2)).map((r) => r.value)).toEqual(['{"V":"l1","W":"r1"}', '{"V":"l2","W":"r1"}']);
    const changelog = engine.store.listTopics().find((t) => /^_streamsql_CSAS_J_\d+_changelog$/.test(t.name))!.name;
    const stateText = (await awaitTextRecords(engine, changelog, 4)).map((r) => r.value ?? '').join('\n');
    // The WHERE column stays (l0 was kept and failed it); the padding nobody reads does not.
    expect(stateText).toContain('"l0"');
    expect(stateText).not.toContain('PADDING');
  });

  it('keeps a column a later join reads', async () => {
    engine = await Engine.open({ dataDir: join(tempDir(), 'data') });
    await executeOk(engine.createSession(), `
      CREATE STREAM l (id STRING KEY, v STRING) WITH (kafka_topic='l', partitions=1, value_format='JSON');
      CREATE STREAM r (id STRING KEY, next STRING, pad STRING) WITH (kafka_topic='r', partitions=1, value_format='JSON');
      CREATE STREAM s (sid STRING KEY, x STRING) WITH (kafka_topic='s', partitions=1, value_format='JSON');
      SET 'auto.offset.reset'='earliest';
      CREATE STREAM j AS SELECT s.sid AS sid, v, x FROM l
        JOIN r WITHIN 1 MINUTE ON l.id = r.id
        JOIN s WITHIN 1 MINUTE ON r.next = s.sid;
      INSERT INTO s (ROWTIME, sid, x) VALUES (500, 'b', 's1');
      INSERT INTO r (ROWTIME, id, next, pad) VALUES (1000, 'a', 'b', 'PADDING');
      INSERT INTO l (ROWTIME, id, v) VALUES (2000, 'a', 'l1');`);
    expect((await awaitTextRecords(engine, 'J', 1)).map((r) => r.value)).toEqual(['{"V":"l1","X":"s1"}']);
  });

  it('splits state kept as one list per key into row entries', () => {
    const state = new MemoryState();
    state.put('0:sa', [
      { t: 1000, row: ['l1', 1000] },
      { t: 1500, row: ['l2', 1500] },
    ]);
    const rows: JoinRows = {
      combine: (left, right, t) => [left?.[0] ?? null, right?.[0] ?? null, t],
      padded: (side, row, t) => (side === 0 ? [row[0], null, t] : [null, row[0], t]),
      timeOf: (row) => Number(row[1]),
      stored: (_side, row) => row,
      outer: [false, false],
    };
    const step = streamStreamJoin({ within: { before: 60_000, after: 60_000 } } as unknown as JoinSpec, state, rows);
    expect(state.get('0:sa')).toBeUndefined();
    const out: unknown[][] = [];
    step(1, 'sa', 'a', ['r1', 2000], out);
    expect(out).toEqual([
      ['l1', 'r1', 2000],
      ['l2', 'r1', 2000],
    ]);
  });
});
