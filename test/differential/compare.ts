/**
 * Compares two results as multisets of rows: numbers within a relative tolerance (double sums
 * and averages may round differently), everything else exactly. Describes the first difference.
 */
import type { ResultRow } from './sqlite-run.js';

const TOLERANCE = 1e-9;

/** A sort key in which nearly equal numbers look the same. */
function canonical(row: ResultRow): string {
  return JSON.stringify(Object.keys(row).sort().map((k) => [k, typeof row[k] === 'number' ? Number((row[k] as number).toPrecision(8)) : row[k]]));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
  return a === b;
}

function sameRow(a: ResultRow, b: ResultRow): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => sameValue(a[k] ?? null, b[k] ?? null));
}

/** undefined when equal, else the first row found on one side only (rows sorted, for a stable report). */
export function firstDifference(engine: readonly ResultRow[], sqlite: readonly ResultRow[]): string | undefined {
  const sorted = (rs: readonly ResultRow[]): ResultRow[] => [...rs].sort((a, b) => canonical(a).localeCompare(canonical(b)));
  const onlySqlite = sorted(sqlite);
  const onlyEngine: ResultRow[] = [];
  for (const row of sorted(engine)) {
    const i = onlySqlite.findIndex((r) => sameRow(r, row));
    if (i >= 0) onlySqlite.splice(i, 1);
    else onlyEngine.push(row);
  }
  if (onlyEngine.length === 0 && onlySqlite.length === 0) return undefined;
  const first = (side: string, rows: ResultRow[]): string => (rows.length > 0 ? `\n  first of ${rows.length} only in ${side}: ${JSON.stringify(rows[0])}` : '');
  return `${engine.length} rows (engine) vs ${sqlite.length} (sqlite)${first('engine', onlyEngine)}${first('sqlite', onlySqlite)}`;
}
