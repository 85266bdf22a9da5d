/**
 * One text per result row, the same for both engines, so result multisets compare as strings:
 * integers and timestamps (epoch ms) as digits, decimals without trailing zeros, strings as JSON.
 * The Java runner writes the same (NexmarkFlink.canonical).
 */
import { Decimal } from '../../src/types/decimal.js';

const EXACT_DOUBLE_LIMIT = 1e15;

function canonicalValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < EXACT_DOUBLE_LIMIT ? v.toFixed(0) : String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (v instanceof Decimal) return canonicalDecimal(v.toString());
  return JSON.stringify(v);
}

/** `1120.4720` → `1120.472`, `12.000` → `12`, `-0.0` → `0`. */
export function canonicalDecimal(text: string): string {
  if (!text.includes('.')) return text === '-0' ? '0' : text;
  const trimmed = text.replace(/0+$/, '').replace(/\.$/, '');
  return trimmed === '-0' ? '0' : trimmed;
}

export function canonicalRow(row: readonly unknown[]): string {
  return `[${row.map(canonicalValue).join(',')}]`;
}

/**
 * The multiset a changelog ends in: `+I`/`+U` add a row, `-U`/`-D` take one away. Lines are
 * `<kind>\t<canonical row>`, or a bare canonical row for an insert.
 */
export function foldChangelog(lines: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    if (line === '') continue;
    const tab = line.indexOf('\t');
    const kind = tab < 0 ? '+I' : line.slice(0, tab);
    const row = tab < 0 ? line : line.slice(tab + 1);
    const delta = kind === '-U' || kind === '-D' ? -1 : 1;
    const n = (counts.get(row) ?? 0) + delta;
    if (n === 0) counts.delete(row);
    else counts.set(row, n);
  }
  return counts;
}

export interface MultisetDiff {
  readonly equal: boolean;
  readonly onlyLeft: number;
  readonly onlyRight: number;
  /** A few differing rows, for the report. */
  readonly examples: readonly string[];
}

const DIFF_EXAMPLES = 3;

export function compareMultisets(left: ReadonlyMap<string, number>, right: ReadonlyMap<string, number>): MultisetDiff {
  let onlyLeft = 0;
  let onlyRight = 0;
  const examples: string[] = [];
  for (const [row, n] of left) {
    const d = n - (right.get(row) ?? 0);
    if (d > 0) {
      onlyLeft += d;
      if (examples.length < DIFF_EXAMPLES) examples.push(`streamsql only: ${row}`);
    }
  }
  for (const [row, n] of right) {
    const d = n - (left.get(row) ?? 0);
    if (d > 0) {
      onlyRight += d;
      if (examples.length < DIFF_EXAMPLES * 2) examples.push(`flink only: ${row}`);
    }
  }
  return { equal: onlyLeft === 0 && onlyRight === 0, onlyLeft, onlyRight, examples };
}
