/**
 * SELECT ... FROM one source [WINDOW] [WHERE] [GROUP BY] [PARTITION BY] [HAVING] [EMIT] [LIMIT]:
 * binds the source, types the filter, the grouping and the projection, names the output columns
 * as ksqlDB does, and works out which projected columns form the output key.
 */
import type { Expr, Query } from '../sql/ast.js';
import { UserError } from '../sql/diagnostic.js';
import { exprKey, mapExpr } from '../sql/expr-rewrite.js';
import { BIGINT, INTEGER, typeToString } from '../types/sql-type.js';
import { AGG_ROWTIME, analyzeAggregation, hasAggregates, WINDOWEND, WINDOWSTART, type AnalyzedAggregation } from './aggregation.js';
import type { CatalogReader, ColumnSchema, SourceDef } from './catalog.js';
import { analyzeJoins, joinKeyOfProjection, joinWindowBounds, type AnalyzedJoin } from './join.js';
import { analyzePartitionBy, PARTITION_BY_TABLE_MESSAGE, type RekeyedSource } from './partition-by.js';
import { analyzeJoinPartitionBy, type RekeyedJoin } from './join-partition-by.js';
import { structFieldNamer } from './column-aliases.js';
import { pseudoTimestampLiterals } from './pseudo-timestamps.js';
import { analyzeTableFunctions, hasTableFunctions, type TableFunctionCall } from './table-functions.js';
import type { QueryConfig } from './query-config.js';
import type { TypedExpr } from './typed-expr.js';
import { expectBoolean, formatExpr, typeExpr, UNSUPPORTED_CAST, type Scope } from './expr/index.js';
import { LIST_COERCION_ERROR } from './expr/list-coercion.js';

export interface OutputColumn {
  readonly name: string;
  readonly expr: TypedExpr;
}

/** How the output key is formed, for sinks (CREATE ... AS SELECT) and for error messages. */
export type KeyOrigin = 'source' | 'groupBy' | 'partitionBy' | 'join';

export interface AnalyzedQuery {
  /** The source as the projection sees it (re-keyed by PARTITION BY). */
  readonly source: SourceDef;
  /** The source as stored: what the scan reads and decodes (a join's left side). */
  readonly scanned: SourceDef;
  /** Joins in order; join i joins sources 0..i with source i + 1. */
  readonly joins?: readonly AnalyzedJoin[];
  /** Columns of an input row, in row-layout order (see sourceRowColumns). */
  readonly inputColumns: readonly ColumnSchema[];
  readonly where?: TypedExpr;
  /**
   * PARTITION BY: the re-keyed row computed from the input row, in the layout of `source` (whose
   * key columns are then the partitioning expressions). Empty key for PARTITION BY NULL.
   */
  readonly rekey?: readonly OutputColumn[];
  /** Per `rekey` column: whether it is computed for a record with a null value (else NULL). */
  readonly rekeyOnNullValue?: readonly boolean[];
  /** Table functions: each row becomes one row per element, their values appended to the row. */
  readonly tableFunctions?: readonly TableFunctionCall[];
  readonly aggregation?: AnalyzedAggregation;
  /** Over the input row, or over the aggregation row when `aggregation` is set. */
  readonly projection: readonly OutputColumn[];
  /** Per SELECT item: its output column's name (undefined for `*` and `s->*`, which name several). */
  readonly itemNames: readonly (string | undefined)[];
  /** ROWTIME in the projection's scope (the output record's timestamp). */
  readonly rowtime: TypedExpr;
  /** WINDOWSTART/WINDOWEND in the projection's scope: of a windowed aggregation, or of a windowed source's rows. */
  readonly windowBounds?: { readonly start: TypedExpr; readonly end: TypedExpr };
  readonly keyOrigin: KeyOrigin;
  /** A join keyed by a synthetic ROWKEY column (FULL OUTER, or joins on expressions). */
  readonly syntheticKey?: boolean;
  /** The whole error a sink reports when the key is not projected, where the origin words it its own way. */
  readonly keyMissing?: string;
  /** The key expressions as written (for messages), and where each is in the projection (-1: absent). */
  readonly keyExprs: readonly string[];
  readonly keyPositions: readonly number[];
  readonly keyTypes: readonly ColumnSchema['type'][];
  /** Projected WINDOWSTART/WINDOWEND of a windowed source (they are key columns). */
  readonly windowKeyPositions?: readonly number[];
  readonly emitChanges: boolean;
  readonly emitFinal: boolean;
  readonly limit?: number;
}

/**
 * The row layout of a source: key columns, value columns, then ROWTIME, ROWPARTITION, ROWOFFSET.
 * Readers build rows in exactly this order.
 */
export function sourceRowColumns(source: SourceDef): ColumnSchema[] {
  return [
    ...source.keyColumns,
    ...source.valueColumns,
    { name: 'ROWTIME', type: BIGINT },
    { name: 'ROWPARTITION', type: INTEGER },
    { name: 'ROWOFFSET', type: BIGINT },
    // A windowed source's keys carry their window: WINDOWSTART/WINDOWEND are key columns too.
    ...(source.windowType ? [{ name: 'WINDOWSTART', type: BIGINT, key: true }, { name: 'WINDOWEND', type: BIGINT, key: true }] : []),
  ];
}

/** The pseudo columns every row has (ksqlDB's system columns): never an alias in a SELECT. */
const RESERVED_ALIASES: ReadonlySet<string> = new Set(['ROWTIME', 'ROWPARTITION', 'ROWOFFSET', 'WINDOWSTART', 'WINDOWEND']);

/**
 * A persistent query's sink cannot have a column named after a pseudo column: an unaliased
 * ROWTIME, WINDOWSTART... in its SELECT is an error, reported before GROUP BY's own rules as
 * ksqlDB does. In a join, `s.ROWTIME` is named S_ROWTIME (both sides have one), so it may stay.
 */
function rejectPseudoColumnNames(q: Query, joinCommonNames: ReadonlySet<string> | undefined): void {
  for (const item of q.select) {
    if (item.kind !== 'SelectExpr' || item.alias !== undefined || item.expr.kind !== 'ColumnRef') continue;
    if (!RESERVED_ALIASES.has(item.expr.name)) continue;
    if (item.expr.source !== undefined && joinCommonNames?.has(item.expr.name)) continue;
    throw new UserError('RESERVED_COLUMN', `Reserved column name in select: \`${item.expr.name}\`. Please remove or alias the column.`, item.span);
  }
}

export function analyzeQuery(q: Query, catalog: CatalogReader, sinkKind?: 'STREAM' | 'TABLE', config: QueryConfig = {}): AnalyzedQuery {
  const from = catalog.getSource(q.from.name);
  if (!from) {
    throw new UserError('UNKNOWN_SOURCE', `${q.from.name} does not exist.`, q.from.span);
  }
  const leftColumns = sourceRowColumns(from);
  const qualifier = q.from.alias ?? from.name;
  let inputColumns = leftColumns;
  let inputScope: Scope = { columns: leftColumns.map((c) => ({ name: c.name, type: c.type, source: qualifier })) };
  let joined: ReturnType<typeof analyzeJoins> | undefined;
  if (q.joins.length > 0) {
    joined = analyzeJoins(q, catalog, from, leftColumns, sourceRowColumns);
    inputColumns = joined.columns;
    inputScope = joined.scope;
  }

  let where: TypedExpr | undefined;
  if (q.where) where = expectBoolean(typeWhere(q, pseudoTimestampLiterals(q.where), inputScope), q.where.span, 'WHERE');
  if (sinkKind !== undefined) rejectPseudoColumnNames(q, joined?.commonNames);

  // A table-table join yields a table keyed like its left side; other joins yield streams.
  const lastJoin = joined?.joins[joined.joins.length - 1];
  const tableInput = lastJoin ? lastJoin.kind === 'TABLE_TABLE' : from.kind === 'TABLE';

  // PARTITION BY re-keys the stream before the projection sees it (see partition-by.ts and, over
  // a join's result, join-partition-by.ts).
  let rekeyed: RekeyedSource | undefined;
  let rekeyedJoin: RekeyedJoin | undefined;
  let source = from;
  let scopeBeforeProjection = inputScope;
  if (q.partitionBy) {
    if (tableInput) throw new UserError('PARTITION_BY_TABLE', PARTITION_BY_TABLE_MESSAGE, q.span);
    const typePartition = (e: Expr): TypedExpr => typeIn('PARTITION BY', e, inputScope);
    rekeyed = joined
      ? (rekeyedJoin = analyzeJoinPartitionBy(q.partitionBy, q.span, joined, typePartition))
      : analyzePartitionBy(q.partitionBy, q.span, from, inputColumns, typePartition);
    source = rekeyed.source;
    scopeBeforeProjection = rekeyed.scope(qualifier);
  }

  const aggregated = hasAggregates(q) || (q.groupBy?.length ?? 0) > 0;
  if (q.window && !aggregated) {
    throw new UserError('WINDOW_WITHOUT_GROUP_BY', 'WINDOW clause requires a GROUP BY clause.', q.window.span);
  }
  if (q.window && from.kind === 'TABLE') {
    throw new UserError('WINDOW_ON_TABLE', 'KSQL does not support windowing of tables: windowed aggregations need a stream source.', q.window.span);
  }
  if (q.having && !aggregated) throw new UserError('HAVING_WITHOUT_GROUP_BY', 'HAVING requires a GROUP BY clause.', q.having.span);
  if (aggregated && q.partitionBy) throw new UserError('PARTITION_WITH_GROUP_BY', 'PARTITION BY and GROUP BY in the same query are not supported.', q.span);
  const agg = aggregated
    ? analyzeAggregation(q, inputScope, qualifier, sinkKind, {
        source: { name: from.name, valueFormat: from.valueFormat },
        starColumns: starColumns(from, sinkKind !== undefined),
        ...(from.windowType ? { windowedSource: true } : {}),
        ...(tableInput ? { tableKeyCount: from.keyColumns.length } : {}),
        ...(joined ? { join: true } : {}),
        functionConfig: config,
      })
    : undefined;
  let scope = agg ? agg.scope : scopeBeforeProjection;
  let expand = (e: Expr): Expr => (agg ? agg.rewrite(e, 'SELECT') : e);
  let tableFunctions: TableFunctionCall[] | undefined;
  if (hasTableFunctions(q)) {
    if (agg) throw new UserError('NOT_SUPPORTED', 'Table functions cannot be used with aggregations.', q.span);
    if (from.kind === 'TABLE') throw new UserError('NOT_SUPPORTED', 'Table source is not supported with table functions', q.span);
    const tf = analyzeTableFunctions(q, scope, qualifier);
    tableFunctions = tf.calls;
    scope = tf.scope;
    expand = tf.rewrite;
  }

  const projection: OutputColumn[] = [];
  const projectedAst: (Expr | undefined)[] = [];
  const itemNames: (string | undefined)[] = [];
  const names = new Set<string>();
  let generated = 0;
  // ksqlDB never generates a name a source column already has (KSQL_COL_2 may be a real column);
  // the columns PARTITION BY generates are not the source's (a SELECT item may take their name).
  const sourceNames = new Set(
    (joined ? joined.sides.map((x) => x.source) : [from]).flatMap((s) => [...s.keyColumns, ...s.valueColumns].map((c) => c.name)),
  );
  const fieldName = structFieldNamer(sourceNames);
  const add = (name: string, expr: TypedExpr, ast: Expr | undefined, span: Query['span']): void => {
    if (names.has(name)) throw new UserError('DUPLICATE_COLUMN', `Duplicate value columns found in schema: \`${name}\` ${typeToString(expr.type)}`, span);
    names.add(name);
    projection.push({ name, expr });
    projectedAst.push(ast);
  };
  for (const item of q.select) {
    itemNames.push(undefined);
    switch (item.kind) {
      case 'AllColumns': {
        if (rekeyedJoin) {
          const items = rekeyedJoin.star(item.source, item.span);
          if (item.source !== undefined && !joined!.sides.some((x) => x.qualifier === item.source)) {
            throw new UserError('UNKNOWN_SOURCE', `'${item.source}' is not a valid source in this query.`, item.span);
          }
          for (const it of items) add(it.name, typeIn('SELECT', rekeyedJoin.useKeyColumn(it.ref), scope), it.ref, item.span);
          break;
        }
        if (joined) {
          // ksqlDB names a join's columns <source>_<column>.
          const sides = joined.sides.map((x) => ({ q: x.qualifier, s: x.source })).filter((x) => item.source === undefined || item.source === x.q);
          if (sides.length === 0) throw new UserError('UNKNOWN_SOURCE', `'${item.source}' is not a valid stream/table name or alias.`, item.span);
          if (agg) throw new UserError('NON_AGGREGATE', 'Non-aggregate SELECT expression(s) not part of GROUP BY', item.span);
          // A synthetic join key is a column of the join's result: `*` selects it first.
          const synthetic = joined.key.syntheticName;
          if (synthetic !== undefined && item.source === undefined) {
            const ref: Expr = { kind: 'ColumnRef', name: synthetic, span: item.span };
            add(synthetic, typeIn('SELECT', ref, scope), ref, item.span);
          }
          // A windowed source's window bounds follow its key columns, as for one source.
          for (const side of sides) {
            for (const name of starColumns(side.s)) {
              const ref: Expr = { kind: 'ColumnRef', source: side.q, name, span: item.span };
              add(`${side.q}_${name}`, typeIn('SELECT', ref, scope), ref, item.span);
            }
          }
          break;
        }
        if (item.source !== undefined && item.source !== qualifier) {
          throw new UserError('UNKNOWN_SOURCE', `'${item.source}' is not a valid stream/table name or alias.`, item.span);
        }
        // With GROUP BY, the aggregation has checked that every column is grouped.
        for (const name of starColumns(source, sinkKind !== undefined)) {
          const ref: Expr = { kind: 'ColumnRef', name, span: item.span };
          add(name, typeIn('SELECT', expand(ref), scope), ref, item.span);
        }
        break;
      }
      case 'StructAll': {
        // ksqlDB expands `s->*` into `s->f AS f` for each field f, in the struct's order.
        const struct = typeIn('SELECT', expand(item.expr), scope);
        if (struct.type.kind !== 'STRUCT') {
          throw new UserError('TYPE_MISMATCH', `Expected STRUCT type for ${formatExpr(item.expr)}->* but got ${typeToString(struct.type)}.`, item.span);
        }
        for (const f of struct.type.fields) {
          const ast: Expr = { kind: 'Dereference', base: item.expr, field: f.name, span: item.span };
          add(f.name, { kind: 'Dereference', base: struct, field: f.name, type: f.type, span: item.span }, ast, item.span);
        }
        break;
      }
      case 'SelectExpr': {
        if (item.alias !== undefined && RESERVED_ALIASES.has(item.alias)) {
          const self = item.expr.kind === 'ColumnRef' && item.expr.name === item.alias;
          throw new UserError(
            'RESERVED_COLUMN',
            self
              ? `Reserved column name in select: \`${item.alias}\`. Please remove or alias the column.`
              : `\`${item.alias}\` is a reserved column name. You cannot use it as an alias for a column.`,
            item.span,
          );
        }
        const typed = typeIn('SELECT', expand(rekeyed ? rekeyed.useKeyColumn(item.expr) : item.expr), scope);
        // In a join, `s.a` is named S_A when another source has a column A too, else A.
        const joinName = joined && item.expr.kind === 'ColumnRef' && item.expr.source !== undefined && joined.commonNames.has(item.expr.name) ? `${item.expr.source}_${item.expr.name}` : undefined;
        let name = item.alias ?? joinName ?? (item.expr.kind === 'Dereference' ? fieldName(item.expr.field) : derivedName(item.expr));
        if (name === undefined) {
          do name = `KSQL_COL_${generated++}`;
          while (names.has(name) || sourceNames.has(name));
        }
        add(name, typed, item.expr, item.span);
        itemNames[itemNames.length - 1] = name;
        break;
      }
    }
  }

  // The output key: GROUP BY expressions, PARTITION BY expressions, or the source's key columns.
  let keyOrigin: KeyOrigin = 'source';
  let keyExprs: string[];
  let keyPositions: number[];
  let keyTypes: ColumnSchema['type'][];
  let syntheticKey = false;
  let keyMissing: string | undefined;
  if (agg) {
    keyOrigin = 'groupBy';
    const groups = q.groupBy ?? [];
    keyExprs = groups.map((g) => formatExpr(g));
    keyTypes = agg.aggregation.groupBy.map((g) => g.type);
    keyPositions = groups.map((_, i) => projection.findIndex((p) => p.expr.kind === 'Column' && p.expr.index === i));
  } else if (joined && !rekeyed) {
    keyOrigin = 'join';
    const k = joinKeyOfProjection(joined, projection, projectedAst);
    keyExprs = k.keyExprs;
    keyTypes = k.keyTypes;
    keyPositions = k.keyPositions;
    if (k.synthetic) syntheticKey = true;
    keyMissing = k.missingMessage;
  } else if (config.newQueryPlanner && sinkKind === 'STREAM' && !q.partitionBy && from.kind === 'STREAM') {
    // ksqlDB's new planner keys the sink by the key columns the projection selects, in its order.
    const firstUse = new Map<number, number>();
    projection.forEach((p, i) => {
      if (p.expr.kind === 'Column' && p.expr.index < source.keyColumns.length && !firstUse.has(p.expr.index)) firstUse.set(p.expr.index, i);
    });
    keyPositions = [...firstUse.values()];
    keyExprs = [...firstUse.keys()].map((k) => source.keyColumns[k]!.name);
    keyTypes = [...firstUse.keys()].map((k) => source.keyColumns[k]!.type);
  } else {
    if (q.partitionBy) keyOrigin = 'partitionBy';
    const qualify = joined ? joined.qualify : (e: Expr): Expr => qualifyColumns(e, qualifier);
    keyExprs = q.partitionBy ? (q.partitionBy[0]?.kind === 'NullLiteral' ? [] : q.partitionBy.map((e) => formatExpr(qualify(e)))) : source.keyColumns.map((c) => c.name);
    keyTypes = source.keyColumns.map((c) => c.type);
    keyPositions = source.keyColumns.map((_, i) => projection.findIndex((p) => p.expr.kind === 'Column' && p.expr.index === i));
  }

  // A join's result time is the last slot of its row (analyzeJoins), after PARTITION BY's keys if any.
  const rowtimeIndex = agg
    ? agg.aggregation.columns.findIndex((c) => c.name === AGG_ROWTIME)
    : joined
      ? (rekeyedJoin ? source.keyColumns.length : 0) + inputColumns.length - 1
      : source.keyColumns.length + source.valueColumns.length;
  const rowtime: TypedExpr = { kind: 'Column', index: rowtimeIndex, name: 'ROWTIME', type: BIGINT };
  let windowBounds: AnalyzedQuery['windowBounds'];
  if (agg?.aggregation.window) {
    const cols = agg.aggregation.columns;
    const at = (n: string): TypedExpr => ({ kind: 'Column', index: cols.findIndex((c) => c.name === n), name: n, type: BIGINT });
    windowBounds = { start: at(WINDOWSTART), end: at(WINDOWEND) };
  } else if (joined && !agg && !rekeyed) {
    windowBounds = joinWindowBounds(joined);
  } else if (!agg && from.windowType && keyOrigin !== 'partitionBy') {
    // Rows of a windowed source keep their key, window and all (a join's: its left side's).
    const at = (n: string): TypedExpr => ({ kind: 'Column', index: inputColumns.findIndex((c) => c.name === n), name: n, type: BIGINT });
    windowBounds = { start: at(WINDOWSTART), end: at(WINDOWEND) };
  }
  return {
    source,
    scanned: from,
    ...(joined ? { joins: joined.joins } : {}),
    inputColumns,
    ...(where ? { where } : {}),
    ...(source.windowType && !agg ? { windowKeyPositions: windowKeyPositions(projection, inputColumns) } : {}),
    ...(rekeyed ? { rekey: rekeyed.columns, rekeyOnNullValue: rekeyed.onNullValue } : {}),
    ...(tableFunctions ? { tableFunctions } : {}),
    ...(agg ? { aggregation: agg.aggregation } : {}),
    projection,
    itemNames,
    rowtime,
    ...(windowBounds ? { windowBounds } : {}),
    keyOrigin,
    ...(syntheticKey ? { syntheticKey } : {}),
    ...(keyMissing ? { keyMissing } : {}),
    keyExprs,
    keyPositions,
    keyTypes,
    emitChanges: q.emitChanges,
    emitFinal: q.emit === 'FINAL',
    ...(q.limit === undefined ? {} : { limit: q.limit }),
  };
}

/**
 * The columns `SELECT *` selects from one source, in order. A windowed source's bounds are
 * columns of a query's results, but a sink keeps them in its windowed key, not as columns.
 */
function starColumns(source: SourceDef, forSink = false): string[] {
  const bounds = source.windowType && !forSink ? ['WINDOWSTART', 'WINDOWEND'] : [];
  return [...source.keyColumns.map((c) => c.name), ...bounds, ...source.valueColumns.map((c) => c.name)];
}

function windowKeyPositions(projection: readonly OutputColumn[], input: readonly ColumnSchema[]): number[] {
  const bounds = new Set(['WINDOWSTART', 'WINDOWEND'].map((n) => input.findIndex((c) => c.name === n)));
  return projection.flatMap((p, i) => (p.expr.kind === 'Column' && bounds.has(p.expr.index) ? [i] : []));
}

/** The query's result columns with key columns marked (result headers show them). */
export function resultColumns(q: AnalyzedQuery): ColumnSchema[] {
  // ksqlDB marks keys in results over tables only (a stream's key is just another column there).
  const table = q.source.kind === 'TABLE' || q.aggregation !== undefined;
  const keys = new Set(table ? [...q.keyPositions, ...(q.windowKeyPositions ?? [])] : []);
  return q.projection.map((p, i) => ({ name: p.name, type: p.expr.type, ...(keys.has(i) ? { key: true } : {}) }));
}

/** `e` with every column reference qualified by `qualifier` (ksqlDB's messages show `ABS(S.ID)`). */
function qualifyColumns(e: Expr, qualifier: string): Expr {
  return mapExpr(e, (x) => (x.kind === 'ColumnRef' && x.source === undefined ? { ...x, source: qualifier } : undefined));
}

/** ksqlDB names a selected column after the column (or struct field) it reads. */
function derivedName(e: Expr): string | undefined {
  switch (e.kind) {
    case 'ColumnRef':
      return e.name;
    case 'Dereference':
      return e.field;
    default:
      return undefined;
  }
}

const CODEGEN_ERRORS: ReadonlySet<string> = new Set([LIST_COERCION_ERROR, UNSUPPORTED_CAST]);
const CODEGEN_STEP: Readonly<Record<string, string>> = { SELECT: 'Invalid Select', WHERE: 'Invalid Predicate' };

/**
 * The WHERE of a windowed aggregation runs before the windows exist: ksqlDB reports a window bound
 * there as "Error in WHERE expression: Unknown column WINDOWSTART."
 */
function typeWhere(q: Query, where: Expr, scope: Scope): TypedExpr {
  try {
    return typeIn('WHERE', where, scope);
  } catch (err) {
    const bound = err instanceof UserError && err.code === 'UNKNOWN_COLUMN' ? /'(WINDOWSTART|WINDOWEND)'/.exec(err.message)?.[1] : undefined;
    if (q.window && bound) throw new UserError('UNKNOWN_COLUMN', `Error in WHERE expression: Unknown column ${bound}.`, (err as UserError).span);
    throw err;
  }
}

/** Types `e`, prefixing "cannot be resolved" errors with the clause, as ksqlDB reports them. */
function typeIn(clause: string, e: Expr, scope: Scope): TypedExpr {
  try {
    return typeExpr(e, scope, { rejectUntypedNull: clause === 'SELECT' });
  } catch (err) {
    if (err instanceof UserError && err.code === 'UNKNOWN_COLUMN' && /^Column /.test(err.message)) {
      const name = /^Column '(?:[^'.]*\.)?([^']*)'/.exec(err.message)?.[1];
      const why = clause === 'PARTITION BY' && name ? ` '${name}' must be a column in the source schema since PARTITION BY is applied on the input.` : '';
      throw new UserError(err.code, `${clause} column${err.message.slice('Column'.length)}${why}`, err.span);
    }
    // ksqlDB checks casts and IN lists only while compiling the projection or the filter, and so
    // names that step in their errors.
    if (err instanceof UserError && CODEGEN_ERRORS.has(err.code) && CODEGEN_STEP[clause] !== undefined) {
      throw new UserError(err.code, `${CODEGEN_STEP[clause]}: ${err.message}`, err.span);
    }
    throw err;
  }
}
