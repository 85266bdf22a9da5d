/**
 * The statement cache: a statement rebuilt from a cached template must be exactly what the parser
 * builds for the new text (spans included), and the engine must answer the same through it.
 */
import { describe, expect, it } from 'vitest';
import { StatementCache, parseOneWith } from '../../src/engine/statement-cache.js';
import { templateOf } from '../../src/engine/statement-template.js';
import { engineFixture, errorMessageOf, executeOk, rowsOf } from '../helpers/engine.js';
import type { EngineEvent } from '../../src/engine/events.js';
import { splitStatements } from '../../src/sql/parse.js';

const parseOne = parseOneWith(() => undefined);

/** A cache that has seen `first`; returns what it gives for `second`. */
function cachedAfter(first: string, second: string, version = () => 0): ReturnType<StatementCache['lookup']> {
  const cache = new StatementCache(version);
  const statement = parseOne(first);
  if (!statement) throw new Error(`does not parse: ${first}`);
  const [part] = splitStatements(first);
  cache.remember(first, statement, part!.start.offset, part!.text, parseOne);
  return cache.lookup(second);
}

describe('statement templates', () => {
  it('take out string and number literals, and nothing inside quotes, comments or identifiers', () => {
    const t = templateOf("SELECT a1, `x'1` , \"2\" FROM s -- 'c' 3\nWHERE b = 'it''s' AND c IN (7, 2.5, 1e3) /* 'd' */ LIMIT 4;")!;
    expect(t.literals.map((l) => [l.kind, l.raw])).toEqual([
      ['S', "'it''s'"],
      ['I', '7'],
      ['D', '2.5'],
      ['E', '1e3'],
      ['I', '4'],
    ]);
    expect(t.key).toContain("`x'1`");
    expect(t.key).toContain("-- 'c' 3\n");
  });

  it('leave signed numbers and digits glued to other tokens in the template', () => {
    expect(templateOf('SELECT * FROM s WHERE a = -5 AND b.c1 = x.5;')!.literals).toEqual([]);
  });

  it('refuse variables, line breaks inside a literal and unterminated quotes', () => {
    expect(templateOf("SELECT * FROM s WHERE a = '${v}';")).toBeUndefined();
    expect(templateOf("SELECT * FROM s WHERE a = 'x\ny';")).toBeUndefined();
    expect(templateOf("SELECT * FROM s WHERE a = 'x;")).toBeUndefined();
    expect(templateOf('SELECT * FROM s /* x;')).toBeUndefined();
  });
});

describe('statement cache', () => {
  const pairs: [string, string][] = [
    ["SELECT * FROM users WHERE id = 'u1';", "SELECT * FROM users WHERE id = 'u123456';"],
    ["SELECT * FROM users WHERE id = 'abcdef';", "SELECT * FROM users WHERE id = '';"],
    ["  SELECT id, score + 1 AS s FROM users WHERE id IN ('a', 'bb') AND score > 10 AND name = 'x' ;  ", "  SELECT id, score + 1 AS s FROM users WHERE id IN ('aaaa', '') AND score > 123456 AND name = 'it''s' ;  "],
    ["SELECT *\nFROM users\nWHERE id = 'k'\n  AND score BETWEEN 1 AND 2.5\nEMIT CHANGES;", "SELECT *\nFROM users\nWHERE id = 'kkkkk'\n  AND score BETWEEN 1000 AND 2.75\nEMIT CHANGES;"],
    ["-- a comment\n SELECT * FROM users WHERE id = 'a'; /* after */ ", "-- a comment\n SELECT * FROM users WHERE id = 'abc'; /* after */ "],
    ["INSERT INTO ticks (id, sent) VALUES ('t1', 1700000000000);", "INSERT INTO ticks (id, sent) VALUES ('t12345', 17);"],
    ["SELECT ARRAY[1, 2][1], MAP('k' := 1.5E3) FROM s WHERE x LIKE 'a%';", "SELECT ARRAY[10, 2][100], MAP('key' := 1.55E3) FROM s WHERE x LIKE '%abc%';"],
  ];
  it.each(pairs)('rebuilds what the parser builds: %j then %j', (first, second) => {
    const hit = cachedAfter(first, second);
    expect(hit).toBeDefined();
    expect(hit!.statement).toEqual(parseOne(second));
    expect(hit!.text).toBe(splitStatements(second)[0]!.text);
  });

  it('misses when a literal that is part of the template differs (LIMIT is not a literal node)', () => {
    expect(cachedAfter("SELECT * FROM users WHERE id = 'a' LIMIT 5;", "SELECT * FROM users WHERE id = 'b' LIMIT 5;")).toBeDefined();
    expect(cachedAfter("SELECT * FROM users WHERE id = 'a' LIMIT 5;", "SELECT * FROM users WHERE id = 'b' LIMIT 6;")).toBeUndefined();
  });

  it('keeps only queries and INSERT VALUES, and nothing across a catalog change', () => {
    expect(cachedAfter("CREATE STREAM s (a INT) WITH (kafka_topic='t', value_format='JSON');", "CREATE STREAM s (a INT) WITH (kafka_topic='u', value_format='JSON');")).toBeUndefined();
    let version = 0;
    const cache = new StatementCache(() => version);
    const sql = "SELECT * FROM users WHERE id = 'a';";
    cache.remember(sql, parseOne(sql)!, 0, sql, parseOne);
    expect(cache.lookup(sql)).toBeDefined();
    expect(cache.textOf("SELECT * FROM users WHERE id = 'bcd';")).toBe("SELECT * FROM users WHERE id = 'bcd';");
    version++;
    expect(cache.lookup(sql)).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});

describe('statement cache in the engine', () => {
  const openEngine = engineFixture();
  const run = async (engine: Awaited<ReturnType<typeof openEngine>>, sql: string): Promise<EngineEvent[]> => {
    const events: EngineEvent[] = [];
    for await (const e of engine.createSession().execute(sql)) events.push(e);
    return events;
  };

  it('answers pull queries and INSERTs with other literals as a fresh parse would', async () => {
    const engine = await openEngine();
    const session = engine.createSession();
    await executeOk(session, "CREATE SOURCE TABLE users (id STRING PRIMARY KEY, score INT) WITH (kafka_topic='users', partitions=2, value_format='JSON');");
    await executeOk(session, "CREATE STREAM users_in (id STRING KEY, score INT) WITH (kafka_topic='users', value_format='JSON');");
    for (let k = 0; k < 5; k++) await executeOk(engine.createSession(), `INSERT INTO users_in (id, score) VALUES ('u${'x'.repeat(k)}', ${k * 100});`);
    for (let k = 4; k >= 0; k--) {
      expect(rowsOf(await run(engine, `SELECT * FROM users WHERE id = 'u${'x'.repeat(k)}';`))).toEqual([[`u${'x'.repeat(k)}`, k * 100]]);
    }
    expect(rowsOf(await run(engine, "SELECT * FROM users WHERE id = 'nope';"))).toEqual([]);
  });

  it('reports errors at their place in the new text', async () => {
    const engine = await openEngine();
    await executeOk(engine.createSession(), "CREATE SOURCE TABLE users (id STRING PRIMARY KEY, score INT) WITH (kafka_topic='users', partitions=1, value_format='JSON');");
    for (const key of ['a', 'abcdefgh', '']) {
      const sql = `SELECT * FROM users WHERE id = '${key}' AND nope = 1;`;
      const error = (await run(engine, sql)).find((e) => e.type === 'error');
      expect(error?.type === 'error' && error.diagnostic.span?.start.offset).toBe(sql.indexOf('nope'));
      expect(error?.type === 'error' && error.diagnostic.span?.start.column).toBe(sql.indexOf('nope') + 1);
    }
  });

  it('parses again after the catalog changes what a type name means', async () => {
    const engine = await openEngine();
    await executeOk(engine.createSession(), "CREATE STREAM s (a INT) WITH (kafka_topic='s', partitions=1, value_format='JSON');");
    const castType = async (v: string): Promise<unknown> => {
      const events = engine.createSession().execute(`SELECT CAST(a AS mytype) AS c FROM s WHERE a = ${v} EMIT CHANGES LIMIT 1;`);
      const first = await events.next();
      await events.return(true);
      return first.value?.type === 'queryStart' ? first.value.columns[0]!.type : first.value;
    };
    await executeOk(engine.createSession(), 'CREATE TYPE mytype AS STRING;');
    expect(await castType('1')).toMatchObject({ kind: 'STRING' });
    expect(await castType('2')).toMatchObject({ kind: 'STRING' });
    await executeOk(engine.createSession(), 'DROP TYPE mytype;');
    await executeOk(engine.createSession(), 'CREATE TYPE mytype AS BIGINT;');
    expect(await castType('3')).toMatchObject({ kind: 'BIGINT' });
  });
});
