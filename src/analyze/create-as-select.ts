/**
 * CREATE STREAM/TABLE ... AS SELECT and INSERT INTO ... SELECT: the sink's schema (key columns
 * from the output key, value columns from the rest of the projection), its topic and formats
 * (inherited from the source unless given in WITH), and the final projection in sink layout
 * [...key columns, ...value columns, ROWTIME(, WINDOWSTART, WINDOWEND)].
 */
import type { CreateAsSelect, InsertSelect, Property, Query } from '../sql/ast.js';
import { UserError } from '../sql/diagnostic.js';
import { typeToString } from '../types/sql-type.js';
import type { CatalogReader, ColumnSchema, SourceDef } from './catalog.js';
import {
  DEFAULT_KEY_FORMAT,
  delimiterProps,
  formatProp,
  intProp,
  MAX_PARTITIONS,
  stringProp,
  timestampProps,
  singleValueWrapping,
  type FormatDefaults,
} from './create-source.js';
import { analyzeQuery, type AnalyzedQuery, type OutputColumn } from './query.js';
import { FORMAT_CONFIG_PROPERTY_NAMES } from './format-configs.js';
import type { QueryConfig } from './query-config.js';

const CSAS_PROPERTIES = new Set([
  'KAFKA_TOPIC', 'VALUE_FORMAT', 'KEY_FORMAT', 'FORMAT', 'PARTITIONS', 'REPLICAS', 'TIMESTAMP',
  'TIMESTAMP_FORMAT', 'WRAP_SINGLE_VALUE', 'RETENTION_MS', ...FORMAT_CONFIG_PROPERTY_NAMES,
]);

export interface AnalyzedPersistentQuery {
  readonly query: AnalyzedQuery;
  readonly sink: SourceDef;
  /** Final projection in sink layout. */
  readonly sinkColumns: readonly OutputColumn[];
  /** Partitions for a sink topic that does not exist yet. */
  readonly partitions: number;
  readonly replicas: number;
  /** The session settings the query was analyzed with (recorded with it, for restarts). */
  readonly config: QueryConfig;
}

function propertyMap(properties: readonly Property[]): Map<string, Property> {
  const props = new Map<string, Property>();
  for (const p of properties) {
    if (!CSAS_PROPERTIES.has(p.name)) throw new UserError('INVALID_PROPERTY', `Invalid config variable(s) in the WITH clause: ${p.name}`, p.span);
    if (props.has(p.name)) throw new UserError('INVALID_PROPERTY', `Duplicate property ${p.name}`, p.span);
    props.set(p.name, p);
  }
  return props;
}

function sinkLayout(q: AnalyzedQuery, sinkName: string): { keyColumns: ColumnSchema[]; valueColumns: ColumnSchema[]; columns: OutputColumn[] } {
  const missing = q.keyPositions.findIndex((p) => p < 0);
  if (missing >= 0) {
    if (q.keyMissing) throw new UserError('KEY_MISSING', q.keyMissing);
    const what = { source: 'key column', groupBy: 'grouping expression', partitionBy: 'partitioning expression', join: 'join expression' }[q.keyOrigin];
    const all = q.keyExprs;
    if (q.keyOrigin === 'join') {
      const list = all.length > 1 ? `expressions ${all.slice(0, -1).join(', ')} or ${all[all.length - 1]}` : `expression ${all[0]}`;
      const synthetic = q.syntheticKey
        ? `\n${all[0]} was added as a synthetic key column because the join criteria did not match any source column. This expression must be included in the projection and may be aliased.`
        : '';
      throw new UserError('KEY_MISSING', `Key missing from projection (ie, SELECT). See https://cnfl.io/2LV7ouS.\nThe query used to build \`${sinkName}\` must include the join ${list} in its projection (eg, SELECT ${all[0]}...).${synthetic}`);
    }
    // For GROUP BY ksqlDB names only the grouping expressions that are missing; for source keys
    // and PARTITION BY, all of them.
    const named = q.keyOrigin === 'groupBy' ? all.filter((_, i) => q.keyPositions[i]! < 0) : all;
    const words = named.length > 1 ? `${what}s` : what;
    const list = q.keyOrigin === 'groupBy' ? andList(named) : named.join(' and ');
    throw new UserError(
      'KEY_MISSING',
      `Key missing from projection (ie, SELECT). See https://cnfl.io/2LV7ouS.\nThe query used to build \`${sinkName}\` must include the ${words} ${list} in its projection (eg, SELECT ${named.join(', ')}...).`,
    );
  }
  if (q.keyOrigin === 'groupBy') rejectRepeatedGroupKeys(q);
  if (q.keyOrigin === 'source' || q.keyOrigin === 'partitionBy') {
    q.source.keyColumns.forEach((key, i) => {
      const names = q.projection.filter((p) => p.expr.kind === 'Column' && p.expr.index === i).map((p) => p.name);
      if (names.length > 1) {
        throw new UserError('KEY_REPEATED', `The projection contains a key column (\`${key.name}\`) more than once, aliased as: ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}.`);
      }
    });
  }
  const keySet = new Set(q.keyPositions);
  const keyCols = q.keyPositions.map((p) => q.projection[p]!);
  const valueCols = q.projection.filter((_, i) => !keySet.has(i));
  // A sink record needs a value: ksqlDB rejects a projection of key columns only.
  if (valueCols.length === 0 && keyCols.length > 0) throw new UserError('NO_VALUE_COLUMNS', 'The projection contains no value columns.');
  const columns: OutputColumn[] = [...keyCols, ...valueCols, { name: 'ROWTIME', expr: q.rowtime }];
  if (q.windowBounds) columns.push({ name: 'WINDOWSTART', expr: q.windowBounds.start }, { name: 'WINDOWEND', expr: q.windowBounds.end });
  const schema = (c: OutputColumn): ColumnSchema => ({ name: c.name, type: c.expr.type });
  return { keyColumns: keyCols.map(schema), valueColumns: valueCols.map(schema), columns };
}

/** `A`, `A and B`, `A, B and C`: how ksqlDB lists names in its GROUP BY messages. */
function andList(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}` : (items[0] ?? '');
}

/** A grouping expression projected twice would give the sink two key columns with one value. */
function rejectRepeatedGroupKeys(q: AnalyzedQuery): void {
  const agg = q.aggregation;
  if (!agg) return;
  agg.groupBy.forEach((_, i) => {
    const names = q.projection.filter((p) => p.expr.kind === 'Column' && p.expr.index === i).map((p) => `\`${p.name}\``);
    if (names.length > 1) throw new UserError('KEY_REPEATED', `The projection contains a key column more than once: ${andList(names)}.`);
  });
}

/** ksqlDB runs no persistent query over a windowed table (a transient query may read one). */
function rejectWindowedTableSources(q: AnalyzedQuery): void {
  const sources = [q.scanned, ...(q.joins ?? []).map((j) => j.right)];
  if (sources.some((s) => s.kind === 'TABLE' && s.windowType !== undefined)) {
    throw new UserError('NOT_SUPPORTED', 'KSQL does not support persistent queries on windowed tables.');
  }
}

function producesTable(q: AnalyzedQuery): boolean {
  if (q.aggregation) return true;
  if (q.joins) return q.joins[q.joins.length - 1]!.kind === 'TABLE_TABLE';
  return q.source.kind === 'TABLE';
}

/**
 * The sink's formats: WITH's FORMAT / KEY_FORMAT / VALUE_FORMAT, else the source's (with its
 * delimiters), else the session defaults. A sink without key columns has no key (NONE); a keyless
 * source's NONE gives way to the default key format once the query gives the sink a key.
 */
function sinkFormats(
  props: ReadonlyMap<string, Property>,
  from: SourceDef,
  keyCount: number,
  stmt: CreateAsSelect,
  defaults: FormatDefaults,
): Pick<SourceDef, 'keyFormat' | 'valueFormat' | 'keyDelimiter' | 'valueDelimiter'> {
  const format = props.get('FORMAT');
  const keyProp = props.get('KEY_FORMAT');
  const valueProp = props.get('VALUE_FORMAT');
  const valueFormat = format ? formatProp(format) : valueProp ? formatProp(valueProp) : from.valueFormat;
  let keyFormat = format ? formatProp(format) : keyProp ? formatProp(keyProp) : from.keyFormat;
  if (keyCount === 0) {
    if (keyProp && keyFormat !== 'NONE' && stmt.sourceType === 'STREAM') {
      throw new UserError('INVALID_PROPERTY', 'Key format specified for stream without key columns.', keyProp.span);
    }
    keyFormat = 'NONE';
  } else if (keyFormat === 'NONE' && !keyProp && !format) {
    keyFormat = (defaults.keyFormat ?? DEFAULT_KEY_FORMAT).toUpperCase();
  }
  // Delimiters carry over from the source while its format does; WITH may set new ones.
  const given = delimiterProps(props, keyFormat, valueFormat);
  const keyDelimiter = given.keyDelimiter ?? (keyFormat === from.keyFormat ? from.keyDelimiter : undefined);
  const valueDelimiter = given.valueDelimiter ?? (valueFormat === from.valueFormat ? from.valueDelimiter : undefined);
  return {
    keyFormat,
    valueFormat,
    ...(keyDelimiter === undefined ? {} : { keyDelimiter }),
    ...(valueDelimiter === undefined ? {} : { valueDelimiter }),
  };
}

/** Session settings a sink is created with: default formats, and the prefix of a default topic name. */
export interface SinkDefaults extends FormatDefaults {
  /** ksql.output.topic.name.prefix: put before the sink's name when WITH gives no KAFKA_TOPIC. */
  readonly outputTopicPrefix?: string;
}

/** `replay`: re-planning a query the command topic recorded (its sink already exists). */
export function analyzeCreateAsSelect(
  stmt: CreateAsSelect,
  catalog: CatalogReader,
  statementText: string,
  replay = false,
  defaults: SinkDefaults = {},
  config: QueryConfig = {},
): AnalyzedPersistentQuery {
  const props = propertyMap(stmt.properties);
  if (stmt.query.limit !== undefined) {
    throw new UserError('LIMIT_IN_PERSISTENT', `CREATE ${stmt.sourceType} AS SELECT statements don't support LIMIT clause.`, stmt.query.span);
  }
  const query = analyzeQuery(stmt.query, catalog, stmt.sourceType, config);
  if (!replay) rejectWindowedTableSources(query);
  const table = producesTable(query);
  if (table && stmt.sourceType === 'STREAM') {
    throw new UserError('INVALID_RESULT_TYPE', 'Invalid result type. Your SELECT query produces a TABLE. Please use CREATE TABLE AS SELECT statement instead.', stmt.span);
  }
  if (!table && stmt.sourceType === 'TABLE') {
    throw new UserError('INVALID_RESULT_TYPE', 'Invalid result type. Your SELECT query produces a STREAM. Please use CREATE STREAM AS SELECT statement instead.', stmt.span);
  }
  const existing = catalog.getSource(stmt.name);
  if (existing && !stmt.orReplace && !replay) {
    const what = existing.kind === 'STREAM' ? 'stream' : 'table';
    throw new UserError('SOURCE_EXISTS', `Cannot add ${stmt.sourceType.toLowerCase()} '${stmt.name}': A ${what} with the same name already exists`, stmt.nameSpan);
  }
  // The TIMESTAMP column is checked first, as ksqlDB does.
  const timestamp = timestampProps(props, query.projection.map((p) => ({ name: p.name, type: p.expr.type })));
  const { keyColumns, valueColumns, columns } = sinkLayout(query, stmt.name);

  const from = query.source;
  const existingFormats = replay && existing ? existing : undefined;
  const formats = existingFormats ?? sinkFormats(props, from, keyColumns.length, stmt, defaults);
  // A replayed query keeps the wrapping its sink was created with (the session's setting is gone).
  const wrap = existingFormats ? existingFormats.wrapSingleValue : singleValueWrapping(props.get('WRAP_SINGLE_VALUE'), formats.valueFormat, valueColumns, defaults);
  // On replay the sink exists: its topic was named under the settings of its creation.
  const topic = props.get('KAFKA_TOPIC')
    ? stringProp(props.get('KAFKA_TOPIC')!)
    : replay && existing
      ? existing.topic
      : `${defaults.outputTopicPrefix ?? ''}${stmt.name}`;
  const window = query.aggregation?.window;
  // Without an aggregation, a windowed sink keeps the windows of its windowed source.
  const sourceWindow = !window && query.windowBounds ? query.scanned : undefined;
  const sink: SourceDef = {
    name: stmt.name,
    kind: stmt.sourceType,
    keyColumns,
    valueColumns,
    topic,
    keyFormat: formats.keyFormat,
    valueFormat: formats.valueFormat,
    ...(formats.keyDelimiter === undefined ? {} : { keyDelimiter: formats.keyDelimiter }),
    ...(formats.valueDelimiter === undefined ? {} : { valueDelimiter: formats.valueDelimiter }),
    ...(wrap === undefined ? {} : { wrapSingleValue: wrap }),
    ...timestamp,
    isSource: false,
    statementText,
    ...(window ? { windowType: window.kind, ...(window.kind !== 'SESSION' ? { windowSizeMs: window.size.ms } : {}) } : {}),
    ...(sourceWindow?.windowType ? { windowType: sourceWindow.windowType } : {}),
    ...(sourceWindow?.windowSizeMs !== undefined ? { windowSizeMs: sourceWindow.windowSizeMs } : {}),
  };
  const partitionsProp = props.get('PARTITIONS');
  return {
    query,
    sink,
    sinkColumns: columns,
    partitions: partitionsProp ? intProp(partitionsProp, 1, MAX_PARTITIONS) : 0,
    replicas: props.get('REPLICAS') ? intProp(props.get('REPLICAS')!, 1, 16) : 1,
    config,
  };
}

export function analyzeInsertSelect(stmt: InsertSelect, catalog: CatalogReader, config: QueryConfig = {}): AnalyzedPersistentQuery {
  propertyMap(stmt.properties);
  const target = catalog.getSource(stmt.target);
  if (!target) throw new UserError('UNKNOWN_SOURCE', `Source ${stmt.target} does not exist.`, stmt.targetSpan);
  if (target.isSource && target.kind === 'STREAM') {
    throw new UserError('READ_ONLY_SOURCE', `Cannot insert into read-only stream: ${target.name}`, stmt.targetSpan);
  }
  if (target.valueColumns.some((c) => c.header)) {
    throw new UserError('HEADER_COLUMN', `Cannot insert into ${target.name} because it has header columns`, stmt.targetSpan);
  }
  if (target.kind !== 'STREAM') {
    throw new UserError('INVALID_TARGET', `INSERT INTO can only be used to insert into a stream. ${target.name} is a table.`, stmt.targetSpan);
  }
  const query = analyzeQuery(stmt.query, catalog, 'STREAM', config);
  rejectWindowedTableSources(query);
  if (producesTable(query)) {
    throw new UserError('INVALID_RESULT_TYPE', `INSERT INTO can only be used with a query that produces a stream; this query produces a table.`, stmt.query.span);
  }
  const { keyColumns, valueColumns, columns } = sinkLayout(query, target.name);
  const render = (cs: readonly ColumnSchema[], key: boolean): string => cs.map((c) => `\`${c.name}\` ${typeToString(c.type)}${key ? ' KEY' : ''}`).join(', ');
  const same = (a: readonly ColumnSchema[], b: readonly ColumnSchema[]): boolean =>
    a.length === b.length && a.every((c, i) => c.name === b[i]!.name && typeToString(c.type) === typeToString(b[i]!.type));
  if (!same(keyColumns, target.keyColumns) || !same(valueColumns, target.valueColumns)) {
    throw new UserError(
      'INCOMPATIBLE_SCHEMA',
      `Incompatible schema between results and sink.\nResult schema is [${render(keyColumns, true)}${keyColumns.length && valueColumns.length ? ', ' : ''}${render(valueColumns, false)}]\nSink schema is [${render(target.keyColumns, true)}${target.keyColumns.length && target.valueColumns.length ? ', ' : ''}${render(target.valueColumns, false)}]`,
      stmt.span,
    );
  }
  return { query, sink: target, sinkColumns: columns, partitions: 0, replicas: 1, config };
}
