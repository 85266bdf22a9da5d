/** docs/benchmarks.md shows each Nexmark translation as it is in bench/nexmark/queries/streamsql/. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QUERY_IDS } from '../../bench/nexmark/queries.js';
import { ROOT } from '../helpers/cli.js';

describe('docs/benchmarks.md', () => {
  const markdown = readFileSync(join(ROOT, 'docs', 'benchmarks.md'), 'utf8');
  it.each(QUERY_IDS)('shows the streamsql translation of %s verbatim', (id) => {
    const section = markdown.slice(markdown.indexOf(`#### ${id}:`));
    const block = /streamsql:\n\n```sql\n([\s\S]*?)\n```/.exec(section)?.[1];
    expect(block).toBe(readFileSync(join(ROOT, 'bench', 'nexmark', 'queries', 'streamsql', `${id}.sql`), 'utf8').trimEnd());
  });
});
