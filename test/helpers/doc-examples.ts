/** The ```sql examples of a docs page, each with the ```json rows that follow it, and a runner for them. */
import type { EmbeddedClient } from '../../src/client/embedded.js';
import { toJsonText } from '../../src/client/json-text.js';

export interface DocExample {
  readonly sql: string;
  readonly rows?: readonly unknown[];
}

export function docExamples(markdown: string): DocExample[] {
  const out: { sql: string; rows?: unknown[] }[] = [];
  for (const [, lang, body] of markdown.matchAll(/```(sql|json)\n([\s\S]*?)```/g)) {
    if (lang === 'sql') out.push({ sql: body! });
    else out.at(-1)!.rows = body!.trim().split('\n').map((l) => JSON.parse(l));
  }
  return out;
}

/** Runs one example; its rows as `--output json` prints them. Throws on an error event. */
export async function runExample(client: EmbeddedClient, sql: string): Promise<unknown[]> {
  const rows: unknown[] = [];
  let columns: string[] = [];
  for await (const e of client.execute(sql)) {
    if (e.type === 'error') throw new Error(`example failed:\n${sql}\n${e.error.rendered}`);
    if (e.type === 'queryStart') columns = e.columns.map((c) => c.name);
    if (e.type === 'rows') for (const r of e.rows) rows.push(JSON.parse(toJsonText(Object.fromEntries(columns.map((c, i) => [c, r[i]])))));
  }
  return rows;
}
