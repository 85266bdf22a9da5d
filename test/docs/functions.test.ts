/**
 * Runs every ```sql example of docs/functions.md on a fresh data dir (the first block creates the
 * one-row stream the others select from) and checks the ```json rows after it; also checks that
 * every registered scalar, aggregate, table and lambda function is documented.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmbeddedClient } from '../../src/client/embedded.js';
import { HIGHER_ORDER_FUNCTIONS } from '../../src/analyze/expr/higher-order.js';
import { isTableFunction } from '../../src/analyze/table-functions.js';
import { listAggregateFunctions } from '../../src/functions/aggregate/registry.js';
import { listFunctions } from '../../src/functions/registry.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { docExamples, runExample } from '../helpers/doc-examples.js';

const markdown = readFileSync(join(ROOT, 'docs', 'functions.md'), 'utf8');

describe('docs/functions.md', () => {
  it('documents every registered function, each with an example', () => {
    const headings = new Set([...markdown.matchAll(/^### (\w+)$/gm)].map((m) => m[1]));
    expect(listFunctions().map((f) => f.name).filter((n) => !headings.has(n))).toEqual([]);
    expect(docExamples(markdown).length).toBeGreaterThan(listFunctions().length);
  });

  it('documents every aggregate, table and lambda function', () => {
    const headings = new Set([...markdown.matchAll(/^### (\w+)$/gm)].map((m) => m[1]!));
    const others = [...listAggregateFunctions().map((f) => f.name), 'EXPLODE', 'CUBE_EXPLODE', ...HIGHER_ORDER_FUNCTIONS];
    expect(others.filter((n) => !headings.has(n))).toEqual([]);
    // Every documented heading is something the engine knows.
    const known = new Set([...listFunctions().map((f) => f.name), ...others]);
    expect([...headings].filter((h) => !known.has(h))).toEqual([]);
    expect(['EXPLODE', 'CUBE_EXPLODE'].every(isTableFunction)).toBe(true);
  });

  it('every example runs and returns the documented rows', async () => {
    const client = await EmbeddedClient.open(join(tempDir(), 'data'));
    try {
      for (const ex of docExamples(markdown)) {
        const rows = await runExample(client, ex.sql);
        if (ex.rows) expect({ sql: ex.sql, rows }).toEqual({ sql: ex.sql, rows: ex.rows });
      }
    } finally {
      await client.close();
    }
  });
});
