/**
 * The history file: one entry per line, newlines inside an entry escaped (`\n`, `\r`, and `\\`
 * for a backslash), so a multi-line statement comes back as one entry. Reads and writes are
 * synchronous: the file is small (at most HISTORY_LIMIT entries) and written once per statement.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Entries kept in memory and in the file; the oldest are dropped first. */
export const HISTORY_LIMIT = 1000;

export function escapeHistoryEntry(entry: string): string {
  return entry.replace(/[\\\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : '\\r'));
}

export function unescapeHistoryEntry(line: string): string {
  return line.replace(/\\(.)?/g, (_m, c: string | undefined) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c ?? '\\'));
}

/** Appends an entry, skipping an immediate repeat, and keeps the newest `limit`. */
export function addHistoryEntry(entries: readonly string[], entry: string, limit = HISTORY_LIMIT): readonly string[] {
  if (entry.trim() === '' || entries[entries.length - 1] === entry) return entries;
  const next = [...entries, entry];
  return next.length > limit ? next.slice(next.length - limit) : next;
}

/** A missing or unreadable file is an empty history: history is a convenience, never fatal. */
export function loadHistory(path: string, limit = HISTORY_LIMIT): readonly string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  const entries = text
    .split('\n')
    .filter((line) => line !== '')
    .map(unescapeHistoryEntry);
  return entries.length > limit ? entries.slice(entries.length - limit) : entries;
}

/** Returns an error message instead of throwing, so the shell can say it once and go on. */
export function saveHistory(path: string, entries: readonly string[], limit = HISTORY_LIMIT): string | undefined {
  const kept = entries.length > limit ? entries.slice(entries.length - limit) : entries;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, kept.map((e) => escapeHistoryEntry(e) + '\n').join(''), 'utf8');
    return undefined;
  } catch (err) {
    return `cannot write history file ${path}: ${err instanceof Error ? err.message : String(err)}`;
  }
}
