/**
 * The wire shapes of a streamed query. /query-stream: a header object then one JSON array per row,
 * newline-delimited (application/vnd.ksqlapi.delimited.v1, the default) or as one JSON array
 * (application/json). /query (the older endpoint): one JSON array of {header}, {row}, and a final
 * {finalMessage} or {errorMessage}, one element per line. PRINT writes its records as plain text lines.
 */
import type { ClientValue, ColumnInfo } from '../client/client.js';
import { toJsonText } from '../client/json-text.js';
import type { ErrorEntity } from './errors.js';

export type EndReason = 'limit' | 'cancelled' | 'complete';

export interface QueryFormat {
  readonly contentType: string;
  /** `keys[i]`: column i is a key column (the /query header marks it, as ksqlDB's does). */
  header(queryId: string, columns: readonly ColumnInfo[], keys?: readonly boolean[]): string;
  /** `tombstone`: the row stands for a deleted table key (the /query format says so, as ksqlDB's does). */
  row(row: readonly ClientValue[], tombstone?: boolean): string;
  /** Text that closes the response after the query ended normally; `silent`: no final message (a pull query over a table). */
  end(reason: EndReason, silent?: boolean): string;
  /** An error after the header was sent. */
  error(entity: ErrorEntity): string;
}

export const DELIMITED = 'application/vnd.ksqlapi.delimited.v1';
export const KSQL_V1_JSON = 'application/vnd.ksql.v1+json';

export function delimitedFormat(): QueryFormat {
  return {
    contentType: DELIMITED,
    header: (queryId, columns) => toJsonText(streamHeader(queryId, columns)) + '\n',
    row: (row) => toJsonText(row) + '\n',
    end: () => '',
    error: (entity) => toJsonText(entity) + '\n',
  };
}

/** One JSON array; every element after the first is preceded by a comma. */
export function jsonArrayFormat(): QueryFormat {
  return {
    contentType: 'application/json',
    header: (queryId, columns) => '[' + toJsonText(streamHeader(queryId, columns)),
    row: (row) => ',' + toJsonText(row),
    end: () => ']',
    error: (entity) => ',' + toJsonText(entity) + ']',
  };
}

/**
 * The /query endpoint's rows: one JSON array, one element per line so that line-reading clients
 * get the header at once: `[{"header":...}` `,{"row":...}` ... `,{"finalMessage":...}]`.
 */
export function v1QueryFormat(): QueryFormat {
  return {
    contentType: KSQL_V1_JSON,
    header: (queryId, columns, keys) => '[' + toJsonText({ header: { queryId, schema: schemaText(columns, keys) } }) + '\n',
    row: (row, tombstone) => ',' + toJsonText({ row: { columns: row, ...(tombstone ? { tombstone: true } : {}) } }) + '\n',
    end: (reason, silent) => {
      const message = silent ? undefined : finalMessage(reason);
      return (message === undefined ? '' : ',' + toJsonText({ finalMessage: message })) + ']\n';
    },
    error: (entity) => ',' + toJsonText({ errorMessage: entity }) + ']\n',
  };
}

function streamHeader(queryId: string, columns: readonly ColumnInfo[]): object {
  return { queryId, columnNames: columns.map((c) => c.name), columnTypes: columns.map((c) => c.type) };
}

/** ksqlDB's header schema: `` `NAME` TYPE, ... ``. */
export function schemaText(columns: readonly ColumnInfo[], keys?: readonly boolean[]): string {
  return columns.map((c, i) => `\`${c.name}\` ${c.type}${keys?.[i] ? ' KEY' : ''}`).join(', ');
}

/** ksqlDB ends a LIMIT with "Limit Reached" and a scan that ran out with "Query Completed". */
function finalMessage(reason: EndReason): string | undefined {
  switch (reason) {
    case 'limit':
      return 'Limit Reached';
    case 'complete':
      return 'Query Completed';
    case 'cancelled':
      return undefined;
  }
}
