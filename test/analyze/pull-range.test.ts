/** How a pull query's WHERE on a single STRING key becomes a key range the read seeks to. */
import { describe, expect, it } from 'vitest';
import type { SourceDef } from '../../src/analyze/catalog.js';
import { planPullQuery, type PullSettings } from '../../src/analyze/pull-query.js';
import type { Query } from '../../src/sql/ast.js';
import { parseStatements } from '../../src/sql/parse.js';
import { INTEGER, STRING } from '../../src/types/sql-type.js';

const settings: PullSettings = { tableScanEnabled: true, rangeScanEnabled: true, limitEnabled: true };
const table = (over: Partial<SourceDef> = {}): SourceDef => ({
  name: 'T',
  kind: 'TABLE',
  keyColumns: [{ name: 'ID', type: STRING, key: true }],
  valueColumns: [{ name: 'V', type: INTEGER }],
  topic: 't',
  keyFormat: 'KAFKA',
  valueFormat: 'JSON',
  isSource: true,
  statementText: 'CREATE SOURCE TABLE T ...',
  ...over,
});

function plan(where: string, source = table()) {
  const parsed = parseStatements(`SELECT * FROM T WHERE ${where};`);
  const q = parsed.statements[0]!.statement as Query;
  return planPullQuery(q, source, settings);
}

/** The constant text of each bound. */
const bounds = (p: ReturnType<typeof plan>): { lows: unknown[]; highs: unknown[] } | undefined =>
  p.range && { lows: p.range.lows.map((e) => (e as { value?: unknown }).value), highs: p.range.highs.map((e) => (e as { value?: unknown }).value) };

describe('pull query key ranges', () => {
  it('collects low and high bounds from comparisons either way round and from BETWEEN', () => {
    expect(bounds(plan("ID >= 'b' AND ID < 'd'"))).toEqual({ lows: ['b'], highs: ['d'] });
    expect(bounds(plan("'b' < ID AND V = 1"))).toEqual({ lows: ['b'], highs: [] });
    expect(bounds(plan("ID BETWEEN 'b' AND 'd' AND ID <= 'c'"))).toEqual({ lows: ['b'], highs: ['d', 'c'] });
  });

  it('scans (no range) for other key formats and types, several disjuncts, and key lookups', () => {
    expect(plan("ID > 'b'", table({ keyFormat: 'JSON' })).range).toBeUndefined();
    expect(plan('ID > 1', table({ keyColumns: [{ name: 'ID', type: INTEGER, key: true }] })).range).toBeUndefined();
    expect(plan("ID > 'b' OR ID < 'a'").range).toBeUndefined();
    expect(plan("ID > 'b'", table({ windowType: 'TUMBLING', windowSizeMs: 1000 })).range).toBeUndefined();
    expect(plan("ID = 'b'")).toEqual({ lookups: [[[expect.objectContaining({ value: 'b' })]]] });
  });
});
