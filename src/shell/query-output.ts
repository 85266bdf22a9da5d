/**
 * How a running statement's client events become transcript items: results and errors as they
 * are, query rows as a grid whose widths are fixed at the first rows (printed rows cannot be
 * redrawn), and ksqlDB's closing lines. Pure, so the reducer stays a switch.
 */
import type { ClientEvent } from '../client/client.js';
import type { NewOutputItem } from './output-item.js';
import { cellText, fillColumnWidths, fitColumnWidths, gridOverhead } from './table-layout.js';

export interface RunningStatement {
  readonly queryId: string | null;
  /** Column names of the current query; empty for PRINT; null before queryStart. */
  readonly columns: readonly string[] | null;
  /** Frozen at the first rows (or at queryEnd when there were none); null until then. */
  readonly widths: readonly number[] | null;
  readonly rowCount: number;
  readonly cancelling: boolean;
}

export const NOT_STARTED: RunningStatement = { queryId: null, columns: null, widths: null, rowCount: 0, cancelling: false };

/** Grid widths, fixed once per query: fitted to what is known, then widened to the terminal. */
export function freezeWidths(columns: readonly string[], rows: readonly (readonly string[])[], terminalWidth: number): number[] {
  const overhead = gridOverhead(columns.length);
  return fillColumnWidths(fitColumnWidths(columns, rows, terminalWidth, overhead), terminalWidth, overhead);
}

/** The bottom rule; a query without rows gets its header first. */
export function closeGrid(r: RunningStatement, terminalWidth: number): NewOutputItem[] {
  const columns = r.columns ?? [];
  if (r.widths) return [{ kind: 'gridEnd', widths: r.widths }];
  const widths = freezeWidths(columns, [], terminalWidth);
  return [{ kind: 'gridHeader', columns, widths }, { kind: 'gridEnd', widths }];
}

/** What one client event does to the running statement, and what it prints. */
export interface EventOutcome {
  readonly running: RunningStatement;
  readonly items: readonly NewOutputItem[];
}

export function applyClientEvent(r: RunningStatement, e: ClientEvent, terminalWidth: number): EventOutcome {
  switch (e.type) {
    case 'result':
      return { running: r, items: [{ kind: 'result', result: e.result }] };
    case 'error':
      return { running: r, items: [{ kind: 'error', error: e.error }] };
    case 'queryStart':
      return { running: { ...r, queryId: e.queryId, columns: e.columns.map((c) => c.name), widths: null, rowCount: 0 }, items: [] };
    case 'printLine':
      return { running: { ...r, rowCount: r.rowCount + 1 }, items: [{ kind: 'text', lines: [e.line] }] };
    case 'rows': {
      const columns = r.columns ?? [];
      const rows = e.rows.map((row) => row.map(cellText));
      const items: NewOutputItem[] = [];
      let widths = r.widths;
      if (widths === null) {
        widths = freezeWidths(columns, rows, terminalWidth);
        items.push({ kind: 'gridHeader', columns, widths });
      }
      if (rows.length > 0) items.push({ kind: 'gridRows', rows, widths });
      return { running: { ...r, widths, rowCount: r.rowCount + rows.length }, items };
    }
    case 'queryEnd': {
      const items: NewOutputItem[] = r.columns && r.columns.length > 0 ? closeGrid(r, terminalWidth) : [];
      items.push({ kind: 'queryEnd', reason: e.reason, rowCount: r.rowCount });
      return { running: { ...r, queryId: null, columns: null, widths: null }, items };
    }
  }
}
