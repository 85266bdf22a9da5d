/** Runs every ```sql example of docs/sql-reference.md and checks the ```json rows that follow it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmbeddedClient } from '../../src/client/embedded.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { docExamples as examples, runExample } from '../helpers/doc-examples.js';

describe('docs/sql-reference.md', () => {
  const list = examples(readFileSync(join(ROOT, 'docs', 'sql-reference.md'), 'utf8'));

  it('has examples', () => {
    expect(list.length).toBeGreaterThan(10);
  });

  it('every example runs, in order, and returns the documented rows', async () => {
    const client = await EmbeddedClient.open(join(tempDir(), 'data'));
    try {
      for (const ex of list) {
        const rows = await runExample(client, ex.sql);
        if (ex.rows) expect({ sql: ex.sql, rows }).toEqual({ sql: ex.sql, rows: ex.rows });
      }
    } finally {
      await client.close();
    }
  });
});
