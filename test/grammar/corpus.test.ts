/**
 * Walks the SQL corpora: every grammar/good/*.sql must parse without diagnostics; every
 * grammar/bad/*.sql starts with `--fail=<line>:<column>: <message fragment>` naming the first
 * diagnostic it must produce.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStatements } from '../../src/sql/parse.js';

const root = join(import.meta.dirname, '..', '..', 'grammar');
const sqlFiles = (dir: string): string[] =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.sql'))
    .sort();

describe('grammar/good', () => {
  const files = sqlFiles('good');
  it('is not empty', () => expect(files.length).toBeGreaterThan(0));
  it.each(files)('%s parses', (file) => {
    const text = readFileSync(join(root, 'good', file), 'utf8');
    const result = parseStatements(text);
    expect(result.diagnostics).toEqual([]);
    expect(result.statements.length).toBeGreaterThan(0);
  });
});

describe('grammar/bad', () => {
  const files = sqlFiles('bad');
  it('is not empty', () => expect(files.length).toBeGreaterThan(0));
  it.each(files)('%s fails as its first line says', (file) => {
    const text = readFileSync(join(root, 'bad', file), 'utf8');
    const header = /^--fail=(\d+):(\d+): (.+?)\s*$/m.exec(text.split('\n')[0] ?? '');
    expect(header, `${file} must start with --fail=<line>:<column>: <message>`).not.toBeNull();
    const [, line, column, fragment] = header!;
    const first = parseStatements(text).diagnostics[0];
    expect(first, 'expected a diagnostic').toBeDefined();
    expect(first!.message).toContain(fragment);
    expect({ line: first!.span?.start.line, column: first!.span?.start.column }).toEqual({ line: Number(line), column: Number(column) });
  });
});
