/**
 * What the analyzer needs to know about registered sources. The engine keeps the catalog (and
 * persists it in the command topic); the analyzer only reads it through this interface.
 */
import type { SqlType } from '../types/sql-type.js';

export type SourceKind = 'STREAM' | 'TABLE';

export interface ColumnSchema {
  readonly name: string;
  readonly type: SqlType;
  /** Part of the key (query result headers mark these, as ksqlDB does). */
  readonly key?: boolean;
  /** A value column read from the record's headers: all of them (`{}`), or HEADER('k') (`{ key }`). */
  readonly header?: { readonly key?: string };
}

export interface SourceDef {
  readonly name: string;
  readonly kind: SourceKind;
  readonly keyColumns: readonly ColumnSchema[];
  readonly valueColumns: readonly ColumnSchema[];
  readonly topic: string;
  readonly keyFormat: string;
  readonly valueFormat: string;
  /** WRAP_SINGLE_VALUE for the value format; undefined = format default. */
  readonly wrapSingleValue?: boolean;
  /** DELIMITED only: VALUE_DELIMITER / KEY_DELIMITER as one character (TAB and SPACE resolved). */
  readonly valueDelimiter?: string;
  readonly keyDelimiter?: string;
  /** Column whose value is the record timestamp (WITH TIMESTAMP='col'); undefined = record time. */
  readonly timestampColumn?: string;
  /** TIMESTAMP_FORMAT: the Java pattern of a STRING timestamp column. */
  readonly timestampFormat?: string;
  readonly isSource: boolean;
  /** Windowed sources (windowed aggregations): keys carry their window, Kafka Streams style. */
  readonly windowType?: 'TUMBLING' | 'HOPPING' | 'SESSION';
  readonly windowSizeMs?: number;
  /** The statement that created it, as written (after variable substitution). */
  readonly statementText: string;
}

export interface CatalogReader {
  getSource(name: string): SourceDef | undefined;
  listSources(): readonly SourceDef[];
}

/** Pseudo columns every source row carries, in row-layout order after the source's own columns. */
export const PSEUDO_COLUMNS = ['ROWTIME', 'ROWPARTITION', 'ROWOFFSET'] as const;
export type PseudoColumn = (typeof PSEUDO_COLUMNS)[number];
