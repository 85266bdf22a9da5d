/**
 * CREATE STREAM / CREATE TABLE: validates columns and WITH properties against ksqlDB's rules and
 * produces the catalog entry plus the topic the statement needs.
 */
import type { CreateSource, Literal, Property } from '../sql/ast.js';
import { UserError, type Span } from '../sql/diagnostic.js';
import { parseDelimiterProperty } from '../serde/format.js';
import { compilePattern } from '../functions/java-date-format.js';
import { parseDurationText } from '../sql/time-units.js';
import { array, BYTES, STRING, struct, typeToString, type SqlType } from '../types/sql-type.js';
import type { CatalogReader, ColumnSchema, SourceDef } from './catalog.js';
import { PSEUDO_COLUMNS } from './catalog.js';
import { checkFormatConfigs, FORMAT_CONFIG_PROPERTY_NAMES } from './format-configs.js';

export const KNOWN_FORMATS = ['JSON', 'KAFKA', 'DELIMITED', 'NONE'] as const;
export const DEFAULT_KEY_FORMAT = 'KAFKA';
/** ksqlDB requires PARTITIONS for a new topic; we default it (docs/decisions/0003-defaults.md). */
export const DEFAULT_PARTITIONS = 1;
export const MAX_PARTITIONS = 1024;

const KNOWN_PROPERTIES = new Set([
  'KAFKA_TOPIC',
  'VALUE_FORMAT',
  'KEY_FORMAT',
  'FORMAT',
  'PARTITIONS',
  'REPLICAS',
  'TIMESTAMP',
  'TIMESTAMP_FORMAT',
  'WRAP_SINGLE_VALUE',
  'RETENTION_MS',
  'WINDOW_TYPE',
  'WINDOW_SIZE',
  ...FORMAT_CONFIG_PROPERTY_NAMES,
]);

/** WINDOW_TYPE / WINDOW_SIZE of a windowed source (e.g. over the topic of a windowed table). */
function windowProps(props: Map<string, Property>): Pick<SourceDef, 'windowType' | 'windowSizeMs'> {
  const typeProp = props.get('WINDOW_TYPE');
  const sizeProp = props.get('WINDOW_SIZE');
  if (!typeProp) {
    if (sizeProp) throw new UserError('INVALID_PROPERTY', 'WINDOW_SIZE requires WINDOW_TYPE.', sizeProp.span);
    return {};
  }
  const type = stringProp(typeProp).toUpperCase();
  if (type !== 'SESSION' && type !== 'TUMBLING' && type !== 'HOPPING') {
    throw new UserError('INVALID_PROPERTY', `Invalid value for WINDOW_TYPE: ${type}. Valid values are SESSION, HOPPING and TUMBLING.`, typeProp.span);
  }
  if (type === 'SESSION') {
    if (sizeProp) throw new UserError('INVALID_PROPERTY', "'WINDOW_SIZE' should not be set for SESSION windows.", sizeProp.span);
    return { windowType: type };
  }
  if (!sizeProp) throw new UserError('INVALID_PROPERTY', `${type} windows require 'WINDOW_SIZE' to be provided in the WITH clause. For example: 'WINDOW_SIZE'='10 SECONDS'`, typeProp.span);
  const size = parseDurationText(stringProp(sizeProp));
  if ('error' in size) throw new UserError('INVALID_PROPERTY', `Configuration WINDOW_SIZE is invalid: ${size.error}`, sizeProp.span);
  return { windowType: type, windowSizeMs: size.ms };
}

export interface AnalyzedCreateSource {
  readonly source: SourceDef;
  readonly partitions: number;
  readonly replicas: number;
  /** True when the statement gave PARTITIONS explicitly (then an existing topic must match). */
  readonly partitionsGiven: boolean;
  readonly retentionMs?: number;
}

/** Session defaults for formats a statement leaves out (ksql.persistence.default.format.*). */
export interface FormatDefaults {
  readonly keyFormat?: string;
  readonly valueFormat?: string;
  /** ksql.persistence.wrap.single.values, when the session set it. */
  readonly wrapSingleValues?: boolean;
}

/** Formats that can write one value column either wrapped in a record or bare. */
const WRAPPABLE_FORMATS: ReadonlySet<string> = new Set(['JSON']);

/**
 * WRAP_SINGLE_VALUE of a source: as given in WITH, else the session's setting for a value of one
 * column in a format that can (un)wrap it, else unset (the format's own default).
 */
export function singleValueWrapping(
  given: Property | undefined,
  valueFormat: string,
  valueColumns: readonly ColumnSchema[],
  defaults: FormatDefaults,
): boolean | undefined {
  if (given) return boolProp(given);
  if (defaults.wrapSingleValues === undefined || !WRAPPABLE_FORMATS.has(valueFormat)) return undefined;
  return valueColumns.filter((c) => !c.header).length === 1 ? defaults.wrapSingleValues : undefined;
}

export function analyzeCreateSource(stmt: CreateSource, catalog: CatalogReader, statementText: string, defaults: FormatDefaults = {}): AnalyzedCreateSource {
  const props = new Map<string, Property>();
  for (const p of stmt.properties) {
    if (!KNOWN_PROPERTIES.has(p.name)) {
      throw new UserError('INVALID_PROPERTY', `Invalid config variable(s) in the WITH clause: ${p.name}`, p.span);
    }
    if (props.has(p.name)) throw new UserError('INVALID_PROPERTY', `Duplicate property ${p.name}`, p.span);
    props.set(p.name, p);
  }

  const kind = stmt.sourceType;
  const topicProp = props.get('KAFKA_TOPIC');
  if (!topicProp) {
    throw new UserError('MISSING_PROPERTY', 'Missing required property "KAFKA_TOPIC" which has no default value.', stmt.span);
  }
  const topic = stringProp(topicProp);

  const format = props.get('FORMAT');
  const valueFormatProp = props.get('VALUE_FORMAT');
  const keyFormatProp = props.get('KEY_FORMAT');
  if (format && valueFormatProp) {
    throw new UserError(
      'INVALID_PROPERTY',
      "Cannot supply both 'VALUE_FORMAT' and 'FORMAT' properties, as 'FORMAT' sets both key and value formats. Either use just 'FORMAT', or use 'KEY_FORMAT' and 'VALUE_FORMAT'.",
      valueFormatProp.span,
    );
  }
  if (format && keyFormatProp) {
    throw new UserError(
      'INVALID_PROPERTY',
      "Cannot supply both 'KEY_FORMAT' and 'FORMAT' properties, as 'FORMAT' sets both key and value formats. Either use just 'FORMAT', or use 'KEY_FORMAT' and 'VALUE_FORMAT'.",
      keyFormatProp.span,
    );
  }
  const valueFormatSrc = format ?? valueFormatProp;
  if (!valueFormatSrc && defaults.valueFormat === undefined) {
    throw new UserError(
      'MISSING_PROPERTY',
      "Statement is missing the 'VALUE_FORMAT' property from the WITH clause. Either provide one or set a default via the 'ksql.persistence.default.format.value' config.",
      stmt.span,
    );
  }
  const valueFormat = valueFormatSrc ? formatProp(valueFormatSrc) : defaultFormat(defaults.valueFormat!, stmt.span);
  const keyFormat = format ? formatProp(format) : keyFormatProp ? formatProp(keyFormatProp) : defaultFormat(defaults.keyFormat ?? DEFAULT_KEY_FORMAT, stmt.span);
  const delimiters = delimiterProps(props, keyFormat, valueFormat);

  const partitionsProp = props.get('PARTITIONS');
  const partitions = partitionsProp ? intProp(partitionsProp, 1, MAX_PARTITIONS) : DEFAULT_PARTITIONS;
  const replicasProp = props.get('REPLICAS');
  const replicas = replicasProp ? intProp(replicasProp, 1, 16) : 1;
  const retentionProp = props.get('RETENTION_MS');
  const retentionMs = retentionProp ? intProp(retentionProp, -1, Number.MAX_SAFE_INTEGER) : undefined;

  // Columns.
  const seen = new Set<string>();
  const keyColumns: ColumnSchema[] = [];
  const valueColumns: ColumnSchema[] = [];
  for (const c of stmt.columns) {
    if (seen.has(c.name)) throw new UserError('DUPLICATE_COLUMN', `Duplicate column names: ${c.name}`, c.span);
    seen.add(c.name);
    if ((PSEUDO_COLUMNS as readonly string[]).includes(c.name)) {
      throw new UserError(
        'RESERVED_COLUMN',
        `'${c.name}' is a reserved column name. You cannot use it as a name for a column.`,
        c.span,
      );
    }
    if (c.key && kind === 'TABLE') {
      throw new UserError('INVALID_KEY', `Column \`${c.name}\` is a 'KEY' column: please use 'PRIMARY KEY' for tables.`, c.span);
    }
    if (c.primaryKey && kind === 'STREAM') {
      throw new UserError('INVALID_KEY', `Column \`${c.name}\` is a 'PRIMARY KEY' column: please use 'KEY' for streams.`, c.span);
    }
    if (c.header) {
      checkHeaderType(c.type, c.header.key, c.span);
      valueColumns.push({ name: c.name, type: c.type, header: c.header });
      continue;
    }
    (c.key || c.primaryKey ? keyColumns : valueColumns).push({ name: c.name, type: c.type });
  }
  if (kind === 'TABLE' && keyColumns.length === 0 && stmt.columns.length > 0) {
    throw new UserError('MISSING_KEY', 'Tables require a PRIMARY KEY. Please define the PRIMARY KEY.', stmt.span);
  }
  if (stmt.columns.length === 0) {
    throw new UserError('MISSING_SCHEMA', `The statement does not define any columns.`, stmt.span);
  }
  const timestamp = timestampProps(props, [...keyColumns, ...valueColumns]);
  const wrapSingleValue = singleValueWrapping(props.get('WRAP_SINGLE_VALUE'), valueFormat, valueColumns, defaults);
  const window = windowProps(props);
  // A window is part of a key: a windowed source without key columns could never carry one.
  if (window.windowType && keyColumns.length === 0) {
    throw new UserError('MISSING_KEY', 'Windowed sources require a key column.', stmt.span);
  }

  const existing = catalog.getSource(stmt.name);
  // Source (read-only) streams and tables are never replaced, nor replace anything.
  if (stmt.orReplace && (stmt.isSource || existing?.isSource)) {
    const word = kind === 'STREAM' ? 'stream' : 'table';
    throw new UserError('READ_ONLY_SOURCE', `Cannot add ${word} '${stmt.name}': CREATE OR REPLACE is not supported on source ${word}s.`, stmt.span);
  }
  if (existing && !stmt.orReplace) {
    // IF NOT EXISTS is handled by the caller before analysis.
    const what = existing.kind === 'STREAM' ? 'stream' : 'table';
    throw new UserError(
      'SOURCE_EXISTS',
      `Cannot add ${kind === 'STREAM' ? 'stream' : 'table'} '${stmt.name}': A ${what} with the same name already exists`,
      stmt.nameSpan,
    );
  }

  const source: SourceDef = {
    name: stmt.name,
    kind,
    keyColumns,
    valueColumns,
    topic,
    keyFormat,
    valueFormat,
    ...(wrapSingleValue === undefined ? {} : { wrapSingleValue }),
    ...delimiters,
    ...timestamp,
    isSource: stmt.isSource,
    statementText,
    ...window,
  };
  return {
    source,
    partitions,
    replicas,
    partitionsGiven: partitionsProp !== undefined,
    ...(retentionMs === undefined ? {} : { retentionMs }),
  };
}

/**
 * TIMESTAMP (+ TIMESTAMP_FORMAT): the column whose value is the event time of a source's records
 * (or of the records a CREATE ... AS SELECT writes). A backquoted name keeps its case.
 */
export function timestampProps(props: ReadonlyMap<string, Property>, columns: readonly ColumnSchema[]): Pick<SourceDef, 'timestampColumn' | 'timestampFormat'> {
  const tsProp = props.get('TIMESTAMP');
  const formatProp = props.get('TIMESTAMP_FORMAT');
  if (!tsProp) return {};
  const raw = stringProp(tsProp);
  const name = raw.startsWith('`') && raw.endsWith('`') ? raw.slice(1, -1) : raw.toUpperCase();
  const col = columns.find((c) => c.name === name);
  if (!col) {
    throw new UserError('UNKNOWN_COLUMN', `The TIMESTAMP column set in the WITH clause does not exist in the schema: '${name}'`, tsProp.span);
  }
  if (!isTimestampType(col.type, formatProp !== undefined)) {
    throw new UserError(
      'TYPE_MISMATCH',
      `Timestamp column, \`${name}\`, should be LONG(INT64), TIMESTAMP, or a String with a timestamp_format specified.`,
      tsProp.span,
    );
  }
  if (!formatProp || col.type.kind !== 'STRING') return { timestampColumn: name };
  const pattern = stringProp(formatProp);
  try {
    compilePattern(pattern);
  } catch (err) {
    throw new UserError('INVALID_PROPERTY', `Invalid datetime format: ${pattern} ${err instanceof Error ? err.message : String(err)}`, formatProp.value.span);
  }
  return { timestampColumn: name, timestampFormat: pattern };
}

/** The type of HEADERS columns: every header as a (key, value) pair. */
export const HEADERS_TYPE: SqlType = array(struct([
  { name: 'KEY', type: STRING },
  { name: 'VALUE', type: BYTES },
]));

function checkHeaderType(t: SqlType, key: string | undefined, span: Span): void {
  const expected = key === undefined ? HEADERS_TYPE : BYTES;
  if (typeToString(t) === typeToString(expected)) return;
  const what = key === undefined ? 'HEADERS' : "HEADER('key')";
  throw new UserError('TYPE_MISMATCH', `Invalid type for ${what} column: expected ${typeToString(expected)}, got ${typeToString(t)}`, span);
}

function isTimestampType(t: SqlType, hasFormat: boolean): boolean {
  return t.kind === 'BIGINT' || t.kind === 'TIMESTAMP' || (t.kind === 'STRING' && hasFormat);
}

function literalText(v: Literal): string | undefined {
  switch (v.kind) {
    case 'StringLiteral':
      return v.value;
    case 'IntegerLiteral':
    case 'DecimalLiteral':
    case 'DoubleLiteral':
      return v.text;
    case 'BooleanLiteral':
      return String(v.value);
    case 'NullLiteral':
      return undefined;
  }
}

function defaultFormat(name: string, span: Span): string {
  const f = name.toUpperCase();
  if (!(KNOWN_FORMATS as readonly string[]).includes(f)) throw new UserError('INVALID_FORMAT', `Unknown format: ${f}. Supported: ${KNOWN_FORMATS.join(', ')}`, span);
  return f;
}

/**
 * KEY_DELIMITER / VALUE_DELIMITER: validated as ksqlDB does, and only with the DELIMITED format;
 * the other format configs (a schema's name or id) are checked against their format here too.
 * The result holds the delimiter characters for the SourceDef.
 */
export function delimiterProps(props: ReadonlyMap<string, Property>, keyFormat: string, valueFormat: string): Pick<SourceDef, 'keyDelimiter' | 'valueDelimiter'> {
  const one = (name: 'KEY_DELIMITER' | 'VALUE_DELIMITER'): string | undefined => {
    const p = props.get(name);
    if (!p) return undefined;
    const text = p.value.kind === 'StringLiteral' ? p.value.value : literalText(p.value) ?? '';
    const parsed = parseDelimiterProperty(text);
    if (typeof parsed !== 'string') {
      throw new UserError('INVALID_PROPERTY', `Failed to prepare statement: Configuration ${name} is invalid: ${parsed.error}\nExample valid value: ';'`, p.value.span);
    }
    return parsed;
  };
  const keyDelimiter = one('KEY_DELIMITER');
  const valueDelimiter = one('VALUE_DELIMITER');
  checkFormatConfigs(props, keyFormat, valueFormat);
  return { ...(keyDelimiter === undefined ? {} : { keyDelimiter }), ...(valueDelimiter === undefined ? {} : { valueDelimiter }) };
}

export function stringProp(p: Property): string {
  if (p.value.kind !== 'StringLiteral') {
    throw new UserError('INVALID_PROPERTY', `Property ${p.name} must be a string, e.g. ${p.name}='...'`, p.value.span);
  }
  if (p.value.value.length === 0) throw new UserError('INVALID_PROPERTY', `Property ${p.name} must not be empty`, p.value.span);
  return p.value.value;
}

export function formatProp(p: Property): string {
  const f = stringProp(p).toUpperCase();
  if (!(KNOWN_FORMATS as readonly string[]).includes(f)) {
    throw new UserError('INVALID_FORMAT', `Unknown format: ${f}. Supported: ${KNOWN_FORMATS.join(', ')}`, p.value.span);
  }
  return f;
}

export function intProp(p: Property, min: number, max: number): number {
  const text = literalText(p.value);
  const n = text === undefined ? NaN : Number(text);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UserError('INVALID_PROPERTY', `Property ${p.name} must be an integer between ${min} and ${max}, got ${text ?? 'NULL'}`, p.value.span);
  }
  return n;
}

export function boolProp(p: Property): boolean {
  const text = literalText(p.value)?.toLowerCase();
  if (text === 'true') return true;
  if (text === 'false') return false;
  throw new UserError('INVALID_PROPERTY', `Property ${p.name} must be true or false`, p.value.span);
}
