/** What a session yields while executing statements. Values in rows are engine values (see types/). */
import type { ColumnSchema } from '../analyze/catalog.js';
import type { Diagnostic } from '../sql/diagnostic.js';
import type { StatementResult } from './results.js';

export type EngineEvent =
  | { readonly type: 'result'; readonly result: StatementResult }
  /** `tablePull`: a pull query over a table, whose result ksqlDB ends without a final message. */
  | { readonly type: 'queryStart'; readonly queryId: string; readonly columns: readonly ColumnSchema[]; readonly push: boolean; readonly tablePull?: boolean }
  /** `tombstones[i]`: row i stands for a deleted table key (a push query over a table streams deletes; value columns are NULL). */
  | { readonly type: 'rows'; readonly rows: readonly (readonly unknown[])[]; readonly tombstones?: readonly boolean[] }
  | { readonly type: 'printLine'; readonly line: string }
  | { readonly type: 'queryEnd'; readonly reason: 'limit' | 'cancelled' | 'complete' }
  /** `source` is the whole text the span refers to. */
  | { readonly type: 'error'; readonly diagnostic: Diagnostic; readonly source: string };
