/**
 * Columns read from a record's headers (ksqlDB's HEADERS and HEADER('k') columns): HEADERS is
 * every header as a STRUCT<KEY STRING, VALUE BYTES>, in record order; HEADER('k') is the value of
 * the last header with that key (NULL when there is none).
 */
import type { Header } from '../../store/topic-store.js';

export type HeaderReader = (headers: readonly Header[]) => unknown;

export function headerReader(key: string | undefined): HeaderReader {
  if (key === undefined) return (headers) => headers.map(([k, v]) => ({ KEY: k, VALUE: v }));
  return (headers) => {
    for (let i = headers.length - 1; i >= 0; i--) if (headers[i]![0] === key) return headers[i]![1];
    return null;
  };
}
