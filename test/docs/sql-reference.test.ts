/** Runs every ```sql example of docs/sql-reference.md and checks the ```json rows that follow it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmbeddedClient } from '../../src/client/embedded.js';
import { toJsonText } from '../../src/client/json-text.js';
import { ROOT, tempDir } from '../helpers/cli.js';

interface Example {
  readonly sql: string;
  readonly rows?: readonly unknown[];
}

function examples(markdown: string): Example[] {
  const blocks = [...markdown.matchAll(/```(sql|json)\n([\s\S]*?)```/g)];
  const out: { sql: string; rows?: unknown[] }[] = [];
  for (const [, lang, body] of blocks) {
    if (lang === 'sql') out.push({ sql: body! });
    else out.at(-1)!.rows = body!.trim().split('\n').map((l) => JSON.parse(l));
  }
  return out;
}

describe('docs/sql-reference.md', () => {
  const list = examples(readFileSync(join(ROOT, 'docs', 'sql-reference.md'), 'utf8'));

  it('has examples', () => {
    expect(list.length).toBeGreaterThan(10);
  });

  it('every example runs, in order, and returns the documented rows', async () => {
    const client = await EmbeddedClient.open(join(tempDir(), 'data'));
    try {
      for (const ex of list) {
        const rows: unknown[] = [];
        let columns: string[] = [];
        for await (const e of client.execute(ex.sql)) {
          if (e.type === 'error') throw new Error(`example failed:\n${ex.sql}\n${e.error.rendered}`);
          if (e.type === 'queryStart') columns = e.columns.map((c) => c.name);
          if (e.type === 'rows') for (const r of e.rows) rows.push(JSON.parse(toJsonText(Object.fromEntries(columns.map((c, i) => [c, r[i]])))));
        }
        if (ex.rows) expect({ sql: ex.sql, rows }).toEqual({ sql: ex.sql, rows: ex.rows });
      }
    } finally {
      await client.close();
    }
  });
});
