/** The Nexmark queries of the bench: where their Flink original and streamsql translation live. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const QUERY_IDS = ['q0', 'q1', 'q2', 'q3', 'q4', 'q5', 'q7', 'q8'] as const;
export type QueryId = (typeof QUERY_IDS)[number];

/** The repository root, from the source tree or from dist/. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
}

export function queriesDir(): string {
  return join(repoRoot(), 'bench', 'nexmark', 'queries');
}

export function flinkQueryFile(id: QueryId): string {
  return join(queriesDir(), 'flink', `${id}.sql`);
}

export interface StreamsqlQuery {
  /** Persistent queries (CREATE ... AS SELECT); their catch-up is what is timed. */
  readonly setup: string;
  /** The SELECT that reads the results back (after the clock stops). */
  readonly results: string;
}

/** Splits a script after its last statement: everything before is setup, the last is the results query. */
export function splitLastStatement(script: string): { setup: string; last: string } {
  const body = script
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('--'))
    .join('\n')
    .trim()
    .replace(/;\s*$/, '');
  const cut = body.lastIndexOf(';');
  return cut < 0 ? { setup: '', last: body + ';' } : { setup: body.slice(0, cut + 1), last: body.slice(cut + 1).trim() + ';' };
}

export function streamsqlQuery(id: QueryId): StreamsqlQuery {
  const dir = join(queriesDir(), 'streamsql');
  const { setup, last } = splitLastStatement(readFileSync(join(dir, `${id}.sql`), 'utf8'));
  return { setup, results: last };
}
