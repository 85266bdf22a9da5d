import { describe, expect, it } from 'vitest';
import type { CreateSource, InsertValues, Query } from '../../src/sql/ast.js';
import { parseStatements } from '../../src/sql/parse.js';
import { renderDiagnostic } from '../../src/sql/diagnostic.js';
import { parseOne } from './helpers.js';
import { INTEGER, STRING } from '../../src/types/sql-type.js';

/** Drops spans so shapes can be compared with toEqual. */
function noSpans(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v, (k, x) => (k === 'span' || k === 'nameSpan' || k === 'targetSpan' ? undefined : x)));
}

describe('statements', () => {
  it('CREATE STREAM with columns, keys, nested types and properties', () => {
    const s = parseOne(
      "create or replace source stream if not exists `Clicks` (id INT KEY, m MAP<VARCHAR, ARRAY<STRUCT<a INT, `b` DECIMAL(4,2)>>>, ts TIMESTAMP, d DATE, t TIME, b BYTES, x BIGINT, y DOUBLE, z BOOLEAN, e STRUCT<>) WITH (kafka_topic='clicks', 'Partitions'=-2, v=1.5, n=NULL, f=TRUE);",
    ) as CreateSource;
    expect(noSpans(s)).toEqual({
      kind: 'CreateSource',
      sourceType: 'STREAM',
      name: 'Clicks',
      orReplace: true,
      ifNotExists: true,
      isSource: true,
      columns: [
        { name: 'ID', type: { kind: 'INTEGER' }, key: true, primaryKey: false },
        {
          name: 'M',
          type: {
            kind: 'MAP',
            key: { kind: 'STRING' },
            value: {
              kind: 'ARRAY',
              element: {
                kind: 'STRUCT',
                fields: [
                  { name: 'A', type: { kind: 'INTEGER' } },
                  { name: 'b', type: { kind: 'DECIMAL', precision: 4, scale: 2 } },
                ],
              },
            },
          },
          key: false,
          primaryKey: false,
        },
        { name: 'TS', type: { kind: 'TIMESTAMP' }, key: false, primaryKey: false },
        { name: 'D', type: { kind: 'DATE' }, key: false, primaryKey: false },
        { name: 'T', type: { kind: 'TIME' }, key: false, primaryKey: false },
        { name: 'B', type: { kind: 'BYTES' }, key: false, primaryKey: false },
        { name: 'X', type: { kind: 'BIGINT' }, key: false, primaryKey: false },
        { name: 'Y', type: { kind: 'DOUBLE' }, key: false, primaryKey: false },
        { name: 'Z', type: { kind: 'BOOLEAN' }, key: false, primaryKey: false },
        { name: 'E', type: { kind: 'STRUCT', fields: [] }, key: false, primaryKey: false },
      ],
      properties: [
        { name: 'KAFKA_TOPIC', value: { kind: 'StringLiteral', value: 'clicks' } },
        { name: 'PARTITIONS', value: { kind: 'IntegerLiteral', text: '-2' } },
        { name: 'V', value: { kind: 'DecimalLiteral', text: '1.5' } },
        { name: 'N', value: { kind: 'NullLiteral' } },
        { name: 'F', value: { kind: 'BooleanLiteral', value: true } },
      ],
    });
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.columns[0])).toBe(true);
  });

  it('base types take ksqlDB type parameters and ignore them: VARCHAR(STRING), VARCHAR(10)', () => {
    const s = parseOne('CREATE STREAM s (k VARCHAR(STRING) KEY, v VARCHAR(10), w INT);') as CreateSource;
    expect(s.columns.map((c) => [c.name, c.type, c.key])).toEqual([
      ['K', STRING, true],
      ['V', STRING, false],
      ['W', INTEGER, false],
    ]);
  });

  it('CREATE TABLE with PRIMARY KEY, and without columns or WITH', () => {
    const t = parseOne('CREATE TABLE t (k STRING PRIMARY KEY, v INT);') as CreateSource;
    expect(t.sourceType).toBe('TABLE');
    expect(t.columns.map((c) => [c.name, c.key, c.primaryKey])).toEqual([
      ['K', false, true],
      ['V', false, false],
    ]);
    const bare = parseOne("CREATE STREAM s WITH (kafka_topic='s');") as CreateSource;
    expect(bare.columns).toEqual([]);
    expect((parseOne('CREATE STREAM s;') as CreateSource).properties).toEqual([]);
  });

  it('DROP, INSERT VALUES, SHOW, DESCRIBE', () => {
    expect(noSpans(parseOne('DROP TABLE IF EXISTS t DELETE TOPIC;'))).toEqual({
      kind: 'DropSource',
      sourceType: 'TABLE',
      name: 'T',
      ifExists: true,
      deleteTopic: true,
    });
    expect(noSpans(parseOne('drop stream s;'))).toMatchObject({ sourceType: 'STREAM', ifExists: false, deleteTopic: false });
    const ins = parseOne("INSERT INTO s (a, `B`) VALUES (1, 'x');") as InsertValues;
    expect(noSpans(ins)).toEqual({
      kind: 'InsertValues',
      target: 'S',
      columns: [{ name: 'A' }, { name: 'B' }],
      values: [
        { kind: 'IntegerLiteral', text: '1' },
        { kind: 'StringLiteral', value: 'x' },
      ],
    });
    expect((parseOne('INSERT INTO s VALUES ();') as InsertValues).columns).toBeUndefined();
    for (const what of ['STREAMS', 'TABLES', 'TOPICS', 'QUERIES', 'PROPERTIES', 'FUNCTIONS', 'VARIABLES']) {
      expect(noSpans(parseOne(`list ${what.toLowerCase()};`))).toEqual({ kind: 'Show', what, extended: false });
    }
    expect(noSpans(parseOne('SHOW TOPICS EXTENDED;'))).toEqual({ kind: 'Show', what: 'TOPICS', extended: true });
    expect(noSpans(parseOne('DESCRIBE s EXTENDED;'))).toEqual({ kind: 'Describe', name: 'S', extended: true });
    expect(noSpans(parseOne('DESCRIBE EXTENDED s;'))).toEqual({ kind: 'Describe', name: 'S', extended: true });
    expect(noSpans(parseOne('DESCRIBE `s`;'))).toEqual({ kind: 'Describe', name: 's', extended: false });
  });

  it('SET, UNSET, DEFINE, UNDEFINE, RUN SCRIPT keep their text', () => {
    expect(noSpans(parseOne("SET 'auto.offset.reset'='Earliest';"))).toEqual({
      kind: 'SetProperty',
      name: 'auto.offset.reset',
      value: 'Earliest',
    });
    expect(noSpans(parseOne("UNSET 'a.B';"))).toEqual({ kind: 'UnsetProperty', name: 'a.B' });
    expect(noSpans(parseOne("DEFINE myVar = 'it''s';"))).toEqual({ kind: 'DefineVariable', name: 'myVar', value: "it's" });
    expect(noSpans(parseOne('UNDEFINE myVar;'))).toEqual({ kind: 'UndefineVariable', name: 'myVar' });
    expect(noSpans(parseOne("RUN SCRIPT '/tmp/x.sql';"))).toEqual({ kind: 'RunScript', path: '/tmp/x.sql' });
  });

  it('PRINT with quoted or bare topic and all clauses', () => {
    expect(noSpans(parseOne("PRINT 'My-Topic' FROM BEGINNING INTERVAL 2 LIMIT 10;"))).toEqual({
      kind: 'Print',
      topic: 'My-Topic',
      fromBeginning: true,
      interval: 2,
      limit: 10,
    });
    expect(noSpans(parseOne('PRINT myTopic;'))).toEqual({ kind: 'Print', topic: 'myTopic', fromBeginning: false });
  });

  it('SELECT with stars, aliases, WHERE, EMIT CHANGES, LIMIT', () => {
    const q = parseOne('SELECT *, c.*, a AS x, b y, key FROM clicks c WHERE a > 1 EMIT CHANGES LIMIT 5;') as Query;
    expect(noSpans(q.select)).toEqual([
      { kind: 'AllColumns' },
      { kind: 'AllColumns', source: 'C' },
      { kind: 'SelectExpr', expr: { kind: 'ColumnRef', name: 'A' }, alias: 'X' },
      { kind: 'SelectExpr', expr: { kind: 'ColumnRef', name: 'B' }, alias: 'Y' },
      { kind: 'SelectExpr', expr: { kind: 'ColumnRef', name: 'KEY' } },
    ]);
    expect(noSpans(q.from)).toEqual({ name: 'CLICKS', alias: 'C' });
    expect(q.where?.kind).toBe('Binary');
    expect(q.emitChanges).toBe(true);
    expect(q.limit).toBe(5);
    const plain = parseOne('SELECT a FROM t EMIT CHANGES;') as Query;
    expect(plain.from.alias).toBeUndefined();
    expect(plain.emitChanges).toBe(true);
    expect((parseOne('SELECT a FROM t AS emit;') as Query).from.alias).toBe('EMIT');
  });
});

describe('spans', () => {
  it('are 1-based line/column, 0-based offset, end exclusive', () => {
    const sql = 'SELECT a,\n  b + 1 AS x\nFROM t;';
    const q = parseOne(sql) as Query;
    const item = q.select[1]!;
    expect(item.kind === 'SelectExpr' && item.expr.span).toEqual({
      start: { offset: 12, line: 2, column: 3 },
      end: { offset: 17, line: 2, column: 8 },
    });
    expect(item.span.end).toEqual({ offset: 22, line: 2, column: 13 });
    expect(q.span).toEqual({ start: { offset: 0, line: 1, column: 1 }, end: { offset: 29, line: 3, column: 7 } });
    expect(sql.slice(q.from.span.start.offset, q.from.span.end.offset)).toBe('t');
  });

  it('cover a folded negative literal and a CASE through END', () => {
    const sql = 'SELECT - 5, CASE WHEN a THEN 1 END FROM t;';
    const q = parseOne(sql) as Query;
    const [neg, cas] = q.select.map((i) => (i.kind === 'SelectExpr' ? i.expr : undefined));
    expect(neg).toMatchObject({ kind: 'IntegerLiteral', text: '-5' });
    expect(sql.slice(neg!.span.start.offset, neg!.span.end.offset)).toBe('- 5');
    expect(sql.slice(cas!.span.start.offset, cas!.span.end.offset)).toBe('CASE WHEN a THEN 1 END');
  });

  it('name spans point at the name', () => {
    const sql = 'CREATE STREAM  foo (a INT);';
    const s = parseOne(sql) as CreateSource;
    expect(sql.slice(s.nameSpan.start.offset, s.nameSpan.end.offset)).toBe('foo');
  });

  it('are shifted by base: columns only on the first line', () => {
    const base = { offset: 100, line: 5, column: 10 };
    const r = parseStatements('SELECT a\nFROM t;', base);
    const q = r.statements[0]!.statement as Query;
    expect(q.select[0]!.span.start).toEqual({ offset: 107, line: 5, column: 17 });
    expect(q.from.span.start).toEqual({ offset: 114, line: 6, column: 6 });
    const bad = parseStatements('SELECT a\nFROM ;', base);
    expect(bad.diagnostics[0]!.span!.start).toEqual({ offset: 114, line: 6, column: 6 });
  });
});

describe('parseStatements', () => {
  it('returns each statement with its exact text including the semicolon', () => {
    const sql = "-- lead\nSHOW STREAMS ;  /* x */ SET 'a'='b;c';\nSELECT 1 FROM t";
    const r = parseStatements(sql);
    expect(r.diagnostics).toEqual([]);
    expect(r.statements.map((s) => s.text)).toEqual(['SHOW STREAMS ;', "SET 'a'='b;c';", 'SELECT 1 FROM t']);
  });

  it('skips empty statements', () => {
    expect(parseStatements(';; SHOW TABLES;;').statements.map((s) => s.statement.kind)).toEqual(['Show']);
    expect(parseStatements('  -- nothing\n').statements).toEqual([]);
  });

  it('reports every bad statement and still parses the good ones', () => {
    const r = parseStatements('SELEC 1; SHOW TABLES; SELECT FROM t;');
    expect(r.statements.map((s) => s.statement.kind)).toEqual(['Show']);
    expect(r.diagnostics.map((d) => d.span?.start.column)).toEqual([1, 30]);
  });
});

describe('errors', () => {
  const first = (sql: string) => {
    const d = parseStatements(sql).diagnostics[0];
    expect(d).toBeDefined();
    return { code: d!.code, message: d!.message, at: `${d!.span?.start.line}:${d!.span?.start.column}`, text: sql.slice(d!.span!.start.offset, d!.span!.end.offset) };
  };

  it.each([
    ['SELECT * FORM x;', 'SYNTAX_ERROR', "Expecting {',', 'FROM'}", '1:10', 'FORM'],
    ['SELECT * FROM x FORM y;', 'SYNTAX_ERROR', '\nStatement: SELECT * FROM x FORM y;', '1:22', 'y'],
    ['SELECT a FROM;', 'SYNTAX_ERROR', "Syntax error at or near ';' at line 1:14: expected identifier", '1:14', ';'],
    ['SELECT a FROM t WHERE', 'SYNTAX_ERROR', 'Syntax error at end of input at line 1:22: expected expression', '1:22', ''],
    ['SELECT FROM t;', 'SYNTAX_ERROR', "Syntax error at or near 'FROM' at line 1:8: expected '*' or expression", '1:8', 'FROM'],
    ['CREATE STREAM s (a INT,);', 'SYNTAX_ERROR', "Syntax error at or near ')' at line 1:24: expected identifier", '1:24', ')'],
    ["SELECT 'abc FROM t;", 'SYNTAX_ERROR', 'Unterminated string literal', '1:8', "'abc FROM t;"],
    ['SELECT `abc FROM t;', 'SYNTAX_ERROR', 'Unterminated quoted identifier', '1:8', '`abc FROM t;'],
    ['SELECT a /* x', 'SYNTAX_ERROR', 'Unterminated comment', '1:10', '/* x'],
    ['SELECT a # b FROM t;', 'SYNTAX_ERROR', "Unexpected character '#'", '1:10', '#'],
    ['SELECT * FROM t LIMIT 99999999999999999999;', 'INVALID_STATEMENT', 'LIMIT must be an integer of at most', '1:23', '99999999999999999999'],
    ['SELECT * FROM t LIMIT 1.5;', 'INVALID_STATEMENT', 'Failed to prepare statement: Value must be integer for command: LIMIT', '1:23', '1.5'],
    ["PRINT 't' INTERVAL -2;", 'INVALID_STATEMENT', 'INTERVAL must be a non-negative integer, got -2', '1:20', '-2'],
    ['CREATE STREAM s (a DECIMAL(2, 5));', 'INVALID_STATEMENT', 'DECIMAL scale must not exceed precision: DECIMAL(2, 5)', '1:20', 'DECIMAL(2, 5)'],
    ['CREATE STREAM s (a DECIMAL(0, 0));', 'INVALID_STATEMENT', 'DECIMAL precision must be >= 1: DECIMAL(0, 0)', '1:20', 'DECIMAL(0, 0)'],
    ['CREATE STREAM s (a FOO);', 'INVALID_STATEMENT', "Unknown type 'FOO'", '1:20', 'FOO'],
    ['CREATE STREAM s (a VARCHAR(BYTES));', 'SYNTAX_ERROR', "Expecting {'STRING', INTEGER_VALUE}", '1:28', 'BYTES'],
    ['CREATE STREAM s (a VARCHAR(STRING) (KEY));', 'SYNTAX_ERROR', "Expecting {',', ')'}", '1:36', '('],
    ['SELECT a = b = c FROM t;', 'SYNTAX_ERROR', "Expecting {',', 'FROM'}", '1:14', '='],
    ['SELECT * FROM t GROUP a;', 'SYNTAX_ERROR', "missing 'BY' at 'a'", '1:23', 'a'],
    ['SELECT * FROM t WINDOW TUMBLING (SIZE 1 FORTNIGHT) GROUP BY a;', 'INVALID_STATEMENT', "Unknown time unit: 'FORTNIGHT'", '1:41', 'FORTNIGHT'],
    ['SELECT x FROM t\n  WHERE a IN ();', 'SYNTAX_ERROR', "Syntax error at or near ')' at line 2:15: expected expression", '2:15', ')'],
  ])('%s', (sql, code, message, at, text) => {
    const d = first(sql);
    expect(d.code).toBe(code);
    // Parse errors are worded as ksqlDB's: `line L:C: Syntax Error`, then the detail.
    const [head, ...rest] = d.message.split('\n');
    const detail = head === `line ${d.at}: Syntax Error` ? rest.join('\n') : d.message;
    expect(detail.startsWith(message), detail).toBe(true);
    expect(d.at).toBe(at);
    expect(d.text).toBe(text);
  });

  it('words errors as ksqlDB does from what ANTLR expects: missing, a short set, an unknown statement', () => {
    const statement = (sql: string) => `\nStatement: ${sql}`;
    const groupBy = 'CREATE TABLE o AS SELECT COUNT(*) FROM t GROUP BY a, (b, c);';
    expect(first(groupBy).message).toBe(`line 1:56: Syntax Error\nmissing ')' at ','${statement(groupBy)}`);
    // One token too many: ANTLR's `extraneous input`, which ksqlDB words from the expected set.
    expect(first('SELECT a b c FROM t;').message).toBe(`line 1:12: Syntax Error\nExpecting {',', 'FROM'}${statement('SELECT a b c FROM t;')}`);
    expect(first("DEFINE x = WHERE 'a';").message).toContain('"WHERE" is a reserved keyword');
    expect(first('SELECT 1 FROM t;\nSELECT CAST(a AS NULL) FROM t;').message).toBe(
      "line 2:18: Syntax Error\nSyntax error at or near 'NULL' at line 2:18: expected one of ARRAY, MAP, STRUCT, DECIMAL, identifier" +
        statement('SELECT CAST(a AS NULL) FROM t;'),
    );
    expect(first('SELEC * FROM t;').message).toBe(`line 1:1: Syntax Error\nUnknown statement 'SELEC'\nDid you mean 'SELECT'?${statement('SELEC * FROM t;')}`);
    // A long set is left out, as ksqlDB does; our own list is the hint under the caret.
    const d = parseStatements('SELECT * FROM S1 ORDER BY k;').diagnostics[0]!;
    expect(d.message).toBe(`line 1:24: Syntax Error\n${statement('SELECT * FROM S1 ORDER BY k;')}`);
    expect(d.hint).toMatch(/^expected one of /);
    expect(renderDiagnostic('SELECT * FROM S1 ORDER BY k;', d)).toBe(`1:24: Syntax Error\nSELECT * FROM S1 ORDER BY k;\n${' '.repeat(23)}^^\n${d.hint}`);
  });

  it('never throws, whatever the input', () => {
    const junk = ["'", '`', '"', '/*', ')', 'SELECT (((((', 'CASE', '\u0000', 'ARRAY<', 'SELECT a[', 'CREATE STREAM s (a STRUCT<'];
    for (const s of junk) expect(() => parseStatements(s)).not.toThrow();
    for (const s of junk) expect(parseStatements(s).diagnostics.length).toBeGreaterThan(0);
  });
});

describe('named windows', () => {
  it('accepts and ignores a name before the window type, as ksqlDB does', () => {
    const named = parseOne('SELECT id, COUNT(*) FROM s WINDOW w1 SESSION (1 SECONDS) GROUP BY id;') as Query;
    const plain = parseOne('SELECT id, COUNT(*) FROM s WINDOW SESSION (1 SECONDS) GROUP BY id;') as Query;
    expect(noSpans(named.window)).toEqual(noSpans(plain.window));
    expect(noSpans(plain.window)).toMatchObject({ kind: 'SESSION' });
  });
});

describe('GROUP BY and PARTITION BY items', () => {
  it('are value expressions: a boolean operator needs parentheses, as in ksqlDB', () => {
    expect(parseStatements('SELECT COUNT(*) FROM s GROUP BY a AND b;').diagnostics[0]?.message).toContain('Syntax Error');
    expect(parseStatements('SELECT * FROM s PARTITION BY a AND b;').diagnostics[0]?.message).toContain('Syntax Error');
    expect(parseStatements('SELECT COUNT(*) FROM s GROUP BY (a AND b);').diagnostics).toEqual([]);
    expect(parseStatements("SELECT COUNT(*) FROM s GROUP BY a + 1, b || 'x';").diagnostics).toEqual([]);
  });
});
