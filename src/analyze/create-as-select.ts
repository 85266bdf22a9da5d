/**
 * CREATE STREAM/TABLE ... AS SELECT and INSERT INTO ... SELECT: the sink's schema (key columns
 * from the output key, value columns from the rest of the projection), its topic and formats
 * (inherited from the source unless given in WITH), and the final projection in sink layout
 * [...key columns, ...value columns, ROWTIME(, WINDOWSTART, WINDOWEND)].
 */
import type { CreateAsSelect, InsertSelect, Property } from '../sql/ast.js';
import { UserError } from '../sql/diagnostic.js';
import { typeToString } from '../types/sql-type.js';
import type { CatalogReader, ColumnSchema, SourceDef } from './catalog.js';
import { boolProp, DEFAULT_KEY_FORMAT, formatProp, intProp, MAX_PARTITIONS, stringProp } from './create-source.js';
import { analyzeQuery, type AnalyzedQuery, type OutputColumn } from './query.js';

const CSAS_PROPERTIES = new Set([
  'KAFKA_TOPIC', 'VALUE_FORMAT', 'KEY_FORMAT', 'FORMAT', 'PARTITIONS', 'REPLICAS', 'TIMESTAMP',
  'TIMESTAMP_FORMAT', 'WRAP_SINGLE_VALUE', 'VALUE_DELIMITER', 'KEY_DELIMITER', 'RETENTION_MS',
]);

export interface AnalyzedPersistentQuery {
  readonly query: AnalyzedQuery;
  readonly sink: SourceDef;
  /** Final projection in sink layout. */
  readonly sinkColumns: readonly OutputColumn[];
  /** Partitions for a sink topic that does not exist yet. */
  readonly partitions: number;
  readonly replicas: number;
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
    const plural = all.length > 1 ? `${what}s` : what;
    if (q.keyOrigin === 'join') {
      const list = all.length > 1 ? `expressions ${all.slice(0, -1).join(', ')} or ${all[all.length - 1]}` : `expression ${all[0]}`;
      const synthetic = q.syntheticKey
        ? `\n${all[0]} was added as a synthetic key column because the join criteria did not match any source column. This expression must be included in the projection and may be aliased.`
        : '';
      throw new UserError('KEY_MISSING', `Key missing from projection (ie, SELECT). See https://cnfl.io/2LV7ouS.\nThe query used to build \`${sinkName}\` must include the join ${list} in its projection (eg, SELECT ${all[0]}...).${synthetic}`);
    }
    throw new UserError(
      'KEY_MISSING',
      `Key missing from projection (ie, SELECT). See https://cnfl.io/2LV7ouS.\nThe query used to build \`${sinkName}\` must include the ${plural} ${all.join(' and ')} in its projection (eg, SELECT ${all.join(', ')}...).`,
    );
  }
  const keySet = new Set(q.keyPositions);
  const keyCols = q.keyPositions.map((p) => q.projection[p]!);
  const valueCols = q.projection.filter((_, i) => !keySet.has(i));
  const columns: OutputColumn[] = [...keyCols, ...valueCols, { name: 'ROWTIME', expr: q.rowtime }];
  if (q.windowBounds) columns.push({ name: 'WINDOWSTART', expr: q.windowBounds.start }, { name: 'WINDOWEND', expr: q.windowBounds.end });
  const schema = (c: OutputColumn): ColumnSchema => ({ name: c.name, type: c.expr.type });
  return { keyColumns: keyCols.map(schema), valueColumns: valueCols.map(schema), columns };
}

function producesTable(q: AnalyzedQuery): boolean {
  if (q.aggregation) return true;
  if (q.joins) return q.joins[q.joins.length - 1]!.kind === 'TABLE_TABLE';
  return q.source.kind === 'TABLE';
}

/** `replay`: re-planning a query the command topic recorded (its sink already exists). */
export function analyzeCreateAsSelect(stmt: CreateAsSelect, catalog: CatalogReader, statementText: string, replay = false): AnalyzedPersistentQuery {
  const props = propertyMap(stmt.properties);
  if (stmt.query.limit !== undefined) {
    throw new UserError('LIMIT_IN_PERSISTENT', `CREATE ${stmt.sourceType} AS SELECT statements don't support LIMIT clause.`, stmt.query.span);
  }
  const query = analyzeQuery(stmt.query, catalog, stmt.sourceType);
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
  const { keyColumns, valueColumns, columns } = sinkLayout(query, stmt.name);

  const from = query.source;
  const format = props.get('FORMAT');
  const valueFormat = format ? formatProp(format) : props.get('VALUE_FORMAT') ? formatProp(props.get('VALUE_FORMAT')!) : from.valueFormat;
  let keyFormat = format ? formatProp(format) : props.get('KEY_FORMAT') ? formatProp(props.get('KEY_FORMAT')!) : from.keyFormat;
  // A keyless source (NONE) gets the default key format once the query gives it a key.
  if (keyFormat === 'NONE' && keyColumns.length > 0) keyFormat = DEFAULT_KEY_FORMAT;
  if (keyColumns.length === 0 && !format && !props.get('KEY_FORMAT')) keyFormat = from.keyFormat === 'NONE' ? 'NONE' : keyFormat;
  if (keyFormat === 'KAFKA' && keyColumns.length > 1) {
    throw new UserError(
      'INVALID_KEY',
      `Key format does not support schema.\nformat: KAFKA\nreason: The 'KAFKA' format only supports a single field. Got: [${keyColumns.map((k) => `\`${k.name}\` ${typeToString(k.type)} KEY`).join(', ')}]`,
      stmt.span,
    );
  }
  const wrap = props.get('WRAP_SINGLE_VALUE');
  const topic = props.get('KAFKA_TOPIC') ? stringProp(props.get('KAFKA_TOPIC')!) : stmt.name;
  const window = query.aggregation?.window;
  const sink: SourceDef = {
    name: stmt.name,
    kind: stmt.sourceType,
    keyColumns,
    valueColumns,
    topic,
    keyFormat,
    valueFormat,
    ...(wrap ? { wrapSingleValue: boolProp(wrap) } : {}),
    isSource: false,
    statementText,
    ...(window ? { windowType: window.kind, ...(window.kind !== 'SESSION' ? { windowSizeMs: window.size.ms } : {}) } : {}),
  };
  const partitionsProp = props.get('PARTITIONS');
  return {
    query,
    sink,
    sinkColumns: columns,
    partitions: partitionsProp ? intProp(partitionsProp, 1, MAX_PARTITIONS) : 0,
    replicas: props.get('REPLICAS') ? intProp(props.get('REPLICAS')!, 1, 16) : 1,
  };
}

export function analyzeInsertSelect(stmt: InsertSelect, catalog: CatalogReader): AnalyzedPersistentQuery {
  propertyMap(stmt.properties);
  const target = catalog.getSource(stmt.target);
  if (!target) throw new UserError('UNKNOWN_SOURCE', `Source ${stmt.target} does not exist.`, stmt.targetSpan);
  if (target.kind !== 'STREAM') {
    throw new UserError('INVALID_TARGET', `INSERT INTO can only be used to insert into a stream. ${target.name} is a table.`, stmt.targetSpan);
  }
  const query = analyzeQuery(stmt.query, catalog, 'STREAM');
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
  return { query, sink: target, sinkColumns: columns, partitions: 0, replicas: 1 };
}
