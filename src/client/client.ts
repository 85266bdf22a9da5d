/**
 * The one client interface the shell and the CLI talk to. Two implementations: the embedded
 * engine (src/client/embedded.ts) and, later, the HTTP server client. Nothing here depends on
 * engine internals.
 */
import type { StatementResult } from './results.js';

/** A value as it crosses the client boundary: JSON-shaped; BIGINTs that do not fit a double stay bigint. */
export type ClientValue = null | boolean | number | bigint | string | readonly ClientValue[] | { readonly [k: string]: ClientValue };

export interface ColumnInfo {
  /** Column name as ksqlDB shows it (unquoted identifiers upper-cased). */
  readonly name: string;
  /** ksqlDB type spelling, e.g. `STRING`, `DECIMAL(4, 2)`. */
  readonly type: string;
}

export interface ClientError {
  readonly code: string;
  readonly message: string;
  /** Position in `source`, 1-based. */
  readonly line?: number;
  readonly column?: number;
  /** The whole text that was executed (so the caret can be drawn under the right line). */
  readonly source?: string;
  /** Ready-to-print `line:column: message`, the source line and a caret line. */
  readonly rendered: string;
}

export type ClientEvent =
  | { readonly type: 'result'; readonly result: StatementResult }
  /** A query started; rows follow. `push` is true for EMIT CHANGES (and PRINT). */
  | { readonly type: 'queryStart'; readonly queryId: string; readonly columns: readonly ColumnInfo[]; readonly push: boolean }
  | { readonly type: 'rows'; readonly rows: readonly (readonly ClientValue[])[] }
  /** PRINT emits preformatted lines rather than rows. */
  | { readonly type: 'printLine'; readonly line: string }
  | { readonly type: 'queryEnd'; readonly reason: 'limit' | 'cancelled' | 'complete' }
  | { readonly type: 'error'; readonly error: ClientError };

export interface ExecuteOptions {
  /** Aborting stops a running push query (Ctrl-C); the iterator then yields queryEnd 'cancelled'. */
  readonly signal?: AbortSignal;
}

export interface Client {
  /** What the status line shows: the data dir (embedded) or the server URL. */
  readonly target: string;
  readonly version: string;
  /**
   * Runs the `;`-separated statements in order; stops at the first error (yielding one 'error'
   * event). Session state (SET properties, DEFINE variables) persists across calls.
   */
  execute(sql: string, options?: ExecuteOptions): AsyncIterable<ClientEvent>;
  close(): Promise<void>;
}
