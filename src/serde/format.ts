/**
 * The serialization formats of record keys and values, and the one factory that builds a serde
 * for a (format, columns, options) triple. Build serdes once per query: creation validates the
 * schema and compiles per-column readers/writers; each record then costs a single pass.
 *
 * Rows are arrays in column order, values in the representation of src/types/sql-type.ts.
 * `deserialize(null)` (a tombstone, or a missing key) gives a row of NULLs; bad bytes throw a
 * `SerdeError` worded like ksqlDB's, for the processing log.
 */
import type { SqlType } from '../types/sql-type.js';
import { createDelimitedSerde } from './delimited.js';
import { createJsonSerde } from './json.js';
import { createKafkaSerde } from './kafka.js';
import { createNoneSerde } from './none.js';
import { mapInKeyError } from './schema-checks.js';
export { formatSchemaError } from './schema-checks.js';

export { SerdeError } from './serde-error.js';
export { DEFAULT_DELIMITER, parseDelimiterProperty } from './delimited.js';

export type FormatName = 'JSON' | 'KAFKA' | 'DELIMITED' | 'NONE';

export const FORMAT_NAMES: readonly FormatName[] = ['JSON', 'KAFKA', 'DELIMITED', 'NONE'];

export interface Serde {
  /** The record part for a row; null means "no bytes" (a NULL single value, or no columns). */
  serialize(values: readonly unknown[]): Uint8Array | null;
  /** The row in a record part; throws SerdeError on bytes that do not fit the columns. */
  deserialize(bytes: Uint8Array | null): unknown[];
}

export interface SerdeColumn {
  readonly name: string;
  readonly type: SqlType;
}

export interface SerdeOptions {
  /** WRAP_SINGLE_VALUE as written in the statement; only meaningful for one value column. */
  readonly wrapSingleValue?: boolean;
  /** DELIMITED only: one character, or 'TAB' / 'SPACE'. Default ','. */
  readonly delimiter?: string;
  /** Keys: a single column is never wrapped, and no column may contain a MAP. */
  readonly isKey: boolean;
  /** Named in deserialization errors ("... from topic: t. ..."), when given. */
  readonly topic?: string;
}

export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}

export function createSerde(format: FormatName, columns: readonly SerdeColumn[], options: SerdeOptions): Serde | { error: string } {
  if (options.isKey) {
    const error = mapInKeyError(columns);
    if (error !== undefined) return { error };
  }
  if (format === 'NONE') return createNoneSerde(columns, options.isKey);
  if (options.delimiter !== undefined && format !== 'DELIMITED') {
    return { error: `${format} does not support the following configs: [delimiter]` };
  }
  if (!options.isKey && options.wrapSingleValue !== undefined) {
    if (columns.length !== 1) return { error: "'WRAP_SINGLE_VALUE' is only valid for single-field value schemas" };
    if (options.wrapSingleValue && format !== 'JSON') {
      return { error: `Format '${format}' does not support 'WRAP_SINGLE_VALUE' set to 'true'.` };
    }
  }
  switch (format) {
    case 'JSON':
      return createJsonSerde(columns, options);
    case 'KAFKA':
      return createKafkaSerde(columns, options);
    case 'DELIMITED':
      return createDelimitedSerde(columns, options);
    default:
      // Callers may hold a format name from user input that was never checked.
      return { error: `Unknown format: ${String(format)}` };
  }
}
