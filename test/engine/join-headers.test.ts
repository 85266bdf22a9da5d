/** A join's output records carry the headers of the input record that made the join emit them. */
import { describe, expect, it } from 'vitest';
import { engineFixture, executeOk } from '../helpers/engine.js';
import { awaitRecords, text, utf8 } from '../helpers/topic-records.js';

describe('headers through joins', () => {
  const openEngine = engineFixture();

  it('a stream-stream join result has the headers of the later record, which triggered it', async () => {
    const engine = await openEngine();
    await executeOk(engine.createSession(), `
      CREATE STREAM l (a INT KEY, b INT, c BYTES HEADER('abc')) WITH (kafka_topic='l', partitions=1, format='JSON');
      CREATE STREAM r (a INT KEY, b INT, c BYTES HEADER('def')) WITH (kafka_topic='r', partitions=1, format='JSON');
      SET 'auto.offset.reset'='earliest';
      CREATE STREAM o AS SELECT * FROM l JOIN r WITHIN 10 SECONDS ON l.a = r.a;`);
    await engine.store.append('l', 0, [{ key: utf8('0'), value: utf8('{"B":1}'), timestamp: 10, headers: [['abc', utf8('!')]] }]);
    await engine.store.append('r', 0, [{ key: utf8('0'), value: utf8('{"B":-1}'), timestamp: 11, headers: [['def', utf8('#')]] }]);
    const [out] = await awaitRecords(engine, 'O', 1);
    expect(text(out!.value)).toBe('{"L_B":1,"L_C":"IQ==","R_A":0,"R_B":-1,"R_C":"Iw=="}');
    expect(out!.headers.map(([k, v]) => [k, text(v)])).toEqual([['def', '#']]);
  });
});
