import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addHistoryEntry, escapeHistoryEntry, HISTORY_LIMIT, loadHistory, saveHistory, unescapeHistoryEntry } from '../../src/shell/history-file.js';

const tempFile = (): string => join(mkdtempSync(join(tmpdir(), 'shell-history-')), 'nested', 'history');

describe('history file', () => {
  it('escapes newlines and backslashes so an entry is one line, and back', () => {
    const entry = "select 'a\\nb',\n  2\r\n;";
    const escaped = escapeHistoryEntry(entry);
    expect(escaped).not.toMatch(/[\n\r]/);
    expect(escaped).toBe("select 'a\\\\nb',\\n  2\\r\\n;");
    expect(unescapeHistoryEntry(escaped)).toBe(entry);
  });

  it('saves and loads entries, creating the directory', () => {
    const file = tempFile();
    expect(saveHistory(file, ['a;', 'select 1,\n2;'])).toBeUndefined();
    expect(readFileSync(file, 'utf8')).toBe('a;\nselect 1,\\n2;\n');
    expect(loadHistory(file)).toEqual(['a;', 'select 1,\n2;']);
  });

  it('keeps only the newest entries, in memory and on disk', () => {
    const file = tempFile();
    let entries: readonly string[] = [];
    for (let i = 0; i < 7; i++) entries = addHistoryEntry(entries, `s${i};`, 5);
    expect(entries).toEqual(['s2;', 's3;', 's4;', 's5;', 's6;']);
    saveHistory(file, [...entries, 'x;', 'y;'], 5);
    expect(loadHistory(file)).toEqual(['s4;', 's5;', 's6;', 'x;', 'y;']);
    expect(loadHistory(file, 2)).toEqual(['x;', 'y;']);
  });

  it('caps at HISTORY_LIMIT by default', () => {
    const file = tempFile();
    const many = Array.from({ length: HISTORY_LIMIT + 10 }, (_, i) => `q${i};`);
    saveHistory(file, many);
    const loaded = loadHistory(file);
    expect(loaded).toHaveLength(HISTORY_LIMIT);
    expect(loaded[0]).toBe('q10;');
  });

  it('skips blank entries and immediate repeats', () => {
    expect(addHistoryEntry(['a;'], 'a;')).toEqual(['a;']);
    expect(addHistoryEntry(['a;'], '  ')).toEqual(['a;']);
    expect(addHistoryEntry(['a;', 'b;'], 'a;')).toEqual(['a;', 'b;', 'a;']);
  });

  it('treats a missing file as empty and reports an unwritable one', () => {
    expect(loadHistory(join(tmpdir(), 'no-such-dir-xyz', 'history'))).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'shell-history-'));
    const blocker = join(dir, 'file');
    writeFileSync(blocker, '');
    expect(saveHistory(join(blocker, 'history'), ['a;'])).toMatch(/cannot write history file/);
  });
});
