/**
 * Plain-text tables that fit the terminal. Two styles, as ksqlDB's CLI draws them: the boxed
 * grid of query rows (`|A   |B   |`) and the ruled list of SHOW/DESCRIBE results (` A | B `).
 * Widths count code points; wide (CJK) characters are not measured specially.
 */
import type { ClientValue } from '../client/client.js';
import { toJsonText } from '../client/json-text.js';

/** A column never shrinks below this, so that at least a letter and '…' show. */
export const MIN_FIT_WIDTH = 3;
/** Terminal width when the output stream does not say (not a TTY). */
export const DEFAULT_TERMINAL_WIDTH = 120;
export const ELLIPSIS = '…';

/** Strings print raw, everything else as JSON; control characters would break the grid. */
export function cellText(v: ClientValue): string {
  const s = v === null ? 'null' : typeof v === 'string' ? v : toJsonText(v);
  return s.replace(/[\x00-\x1f\x7f]/g, ' ');
}

function width(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export function truncate(s: string, w: number): string {
  if (width(s) <= w) return s;
  if (w <= 0) return '';
  return [...s].slice(0, w - 1).join('') + ELLIPSIS;
}

export function pad(s: string, w: number): string {
  const t = truncate(s, w);
  return t + ' '.repeat(w - width(t));
}

/**
 * Column widths for `headers` and `rows` whose total (plus `overhead` characters of borders)
 * fits in `total`. Columns narrower than their fair share keep their natural width; the wide
 * ones share the rest equally (water-filling), so one long column does not squeeze the others.
 */
export function fitColumnWidths(headers: readonly string[], rows: readonly (readonly string[])[], total: number, overhead: number): number[] {
  const natural = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? '')), 1));
  const available = total - overhead;
  if (natural.reduce((a, b) => a + b, 0) <= available) return natural;
  const n = natural.length;
  // Too many columns to fit at all: give each the minimum and let the terminal wrap.
  if (available < n * MIN_FIT_WIDTH) return natural.map((w) => Math.min(w, MIN_FIT_WIDTH));
  const order = natural.map((w, i) => ({ w, i })).sort((a, b) => a.w - b.w);
  const widths = new Array<number>(n);
  let left = available;
  for (let k = 0; k < n; k++) {
    const { w, i } = order[k]!;
    const share = Math.floor(left / (n - k));
    widths[i] = Math.min(w, Math.max(MIN_FIT_WIDTH, share));
    left -= widths[i]!;
  }
  return widths;
}

/**
 * Widens `widths` to use the whole of `total` (less `overhead`), raising the narrowest columns
 * first, so the columns come out as even as their content allows. Query grids use this: their
 * widths are fixed before later rows are seen (ksqlDB's CLI splits the width evenly for the
 * same reason), and the slack keeps later, longer values from being cut.
 */
export function fillColumnWidths(widths: readonly number[], total: number, overhead: number): number[] {
  const available = total - overhead;
  const used = widths.reduce((a, b) => a + b, 0);
  if (widths.length === 0 || used >= available) return [...widths];
  const sorted = [...widths].sort((a, b) => a - b);
  // The highest level L such that raising the k narrowest columns to L fits: try k = n, n-1, ...
  let level = 0;
  let suffix = 0;
  for (let k = sorted.length; k >= 1; k--) {
    const candidate = Math.floor((available - suffix) / k);
    if (candidate >= sorted[k - 1]!) {
      level = candidate;
      break;
    }
    suffix += sorted[k - 1]!;
  }
  const raised = widths.map((w) => Math.max(w, level));
  // Hand out what rounding left over, one column at a time from the left.
  let spare = available - raised.reduce((a, b) => a + b, 0);
  for (let i = 0; spare > 0 && i < raised.length; i++) {
    if (raised[i] === level) {
      raised[i]!++;
      spare--;
    }
  }
  return raised;
}

/** Border characters the grid adds around `n` columns: `|` before each column and one at the end. */
export function gridOverhead(n: number): number {
  return n + 1;
}

export function gridRule(widths: readonly number[]): string {
  return '+' + widths.map((w) => '-'.repeat(w)).join('+') + '+';
}

export function gridRow(cells: readonly string[], widths: readonly number[]): string {
  return '|' + widths.map((w, i) => pad(cells[i] ?? '', w)).join('|') + '|';
}

/** A ksqlDB CLI list table: header, rule, rows, rule; fitted to `total` columns. */
export function listTable(headers: readonly string[], rows: readonly (readonly string[])[], total: number): string[] {
  const widths = fitColumnWidths(headers, rows, total, 3 * headers.length - 1);
  const line = (cells: readonly string[]): string => ' ' + widths.map((w, i) => pad(cells[i] ?? '', w)).join(' | ') + ' ';
  const rule = '-'.repeat(widths.reduce((a, b) => a + b + 3, -1));
  return [line(headers), rule, ...rows.map(line), rule];
}
