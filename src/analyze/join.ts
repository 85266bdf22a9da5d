/**
 * JOINs of a query: the join kind of each step (stream-stream needs WITHIN), the key expression of
 * each side from the ON equality, and the combined row layout [...side 0, ...side 1, ..., key, time]
 * that WHERE and the projection are typed against, then the result key and the result time. The key slot holds the join's result key
 * (ksqlDB's: the join key, a synthetic ROWKEY for FULL OUTER or expression joins, or the left
 * table's primary key for a foreign-key join), so a RIGHT or FULL join row whose left side is
 * missing still has its key.
 */
import type { Expr, JoinClause, JoinType, Query } from '../sql/ast.js';
import { UserError } from '../sql/diagnostic.js';
import { forEachExpr, mapExpr } from '../sql/expr-rewrite.js';
import { formatExpr, typeExpr, type Scope } from './expr/index.js';
import type { CatalogReader, ColumnSchema, SourceDef } from './catalog.js';
import type { TypedExpr } from './typed-expr.js';
import { BIGINT, typeToString, type SqlType } from '../types/sql-type.js';

export type JoinKind = 'STREAM_STREAM' | 'STREAM_TABLE' | 'TABLE_TABLE';

export interface AnalyzedJoin {
  readonly type: JoinClause['type'];
  readonly kind: JoinKind;
  /** A table-table join on a non-key expression of the left table (ksqlDB's foreign-key join). */
  readonly foreignKey?: boolean;
  readonly right: SourceDef;
  /** Columns of the left input's row that are source columns (a later join's input also has the key slot). */
  readonly leftWidth: number;
  readonly rightWidth: number;
  /** Key expressions over each side's own row. */
  readonly leftKey: TypedExpr;
  readonly rightKey: TypedExpr;
  /** ON's two sides, (left, right), qualified with their sources. */
  readonly leftKeyAst: Expr;
  readonly rightKeyAst: Expr;
  /** FK joins: how many key columns the left table has (they lead its row; the result key). */
  readonly leftPrimaryKeyWidth?: number;
  readonly within?: { readonly before: number; readonly after: number; readonly grace?: number };
  /** Index of the left input row's time: side 0's ROWTIME, or an earlier join's result time slot. */
  readonly rowtimeIndex: number;
  /** Index of ROWTIME in a right-side row. */
  readonly rightRowtimeIndex: number;
  /** Which source (0 = FROM, 1 = first JOIN, ...) feeds this join's right side. */
  readonly rightSide: number;
  /** The left input's key (its first source's, or an earlier join's) is not the join expression. */
  readonly leftRekeyed: boolean;
  /** The right source's key is not the join expression. */
  readonly rightRekeyed: boolean;
  /**
   * Windowed sources: where WINDOWSTART and WINDOWEND are in a left row and in a right row. Their
   * keys match only with the same window, as ksqlDB compares the windowed keys' bytes: a
   * time-windowed key holds the window start, a session-windowed key its start and end.
   */
  readonly windowIndexes?: readonly [readonly [number, number], readonly [number, number]];
  readonly sessionWindows?: boolean;
}

export interface JoinSide {
  readonly source: SourceDef;
  readonly qualifier: string;
  readonly columns: readonly ColumnSchema[];
}

/** The result key of the joins, which the last row slot holds. */
export interface JoinResultKey {
  /**
   * Projected expressions that stand for the key (qualified column references), in preference
   * order; empty when the key is synthetic.
   */
  readonly viable: readonly Expr[];
  /** ROWKEY (or ROWKEY_n when taken): the key of FULL OUTER and expression joins. */
  readonly syntheticName?: string;
  readonly type: SqlType;
  /** FK joins: the result is keyed by the left table's primary key columns. */
  readonly foreignKeyOf?: SourceDef;
}

export interface AnalyzedJoins {
  readonly joins: AnalyzedJoin[];
  readonly sides: JoinSide[];
  readonly key: JoinResultKey;
  /** The combined row's columns: every side's columns, then the key slot. */
  readonly columns: ColumnSchema[];
  readonly scope: Scope;
  /** Column names found in more than one source: a qualified reference to one is named <source>_<name>. */
  readonly commonNames: ReadonlySet<string>;
  /** Adds the source qualifier to unqualified column references (for comparing and messages). */
  readonly qualify: (e: Expr) => Expr;
}

/** Name of the key slot when the key is not synthetic, and of the result time slot: no identifier reaches them. */
const KEY_SLOT = ' JOIN KEY';
const TIME_SLOT = ' JOIN TIME';

const JOIN_TEXT: Record<JoinType, string> = { INNER: '[INNER] JOIN', LEFT: 'LEFT [OUTER] JOIN', RIGHT: 'RIGHT [OUTER] JOIN', FULL: '[FULL] OUTER JOIN' };

function invalid(message: string, span: JoinClause['span']): UserError {
  return new UserError('INVALID_JOIN', message, span);
}

/** Qualifies unqualified column references, with ksqlDB's messages for unknown and ambiguous ones. */
function qualifier(scope: Scope, qualifiers: readonly string[]): (e: Expr) => Expr {
  return (e) => {
    forEachExpr(e, (x) => {
      if (x.kind === 'ColumnRef' && x.source !== undefined && !qualifiers.includes(x.source)) {
        throw new UserError('UNKNOWN_SOURCE', `Failed to prepare statement: '${x.source}' is not a valid stream/table name or alias.`, x.span);
      }
    });
    return mapExpr(e, (x) => {
      if (x.kind !== 'ColumnRef' || x.source !== undefined) return undefined;
      const hits = scope.columns.filter((c) => c.name === x.name);
      if (hits.length > 1) {
        const options = hits.map((c) => `${c.source}.${c.name}`);
        throw new UserError('AMBIGUOUS_COLUMN', `Column '${x.name}' is ambiguous. Could be ${options.slice(0, -1).join(', ')} or ${options[options.length - 1]}.`, x.span);
      }
      return hits.length === 1 ? { ...x, source: hits[0]!.source! } : x;
    });
  };
}

function sourcesOf(e: Expr): Set<string> {
  const out = new Set<string>();
  forEachExpr(e, (x) => {
    if (x.kind === 'ColumnRef' && x.source !== undefined) out.add(x.source);
  });
  return out;
}

/** ROWKEY, or ROWKEY_n past the highest n any source already uses. */
function syntheticKeyName(sides: readonly JoinSide[]): string {
  let max = -1;
  for (const s of sides) {
    for (const c of [...s.source.keyColumns, ...s.source.valueColumns]) {
      const m = /^ROWKEY(?:_(\d+))?$/.exec(c.name);
      if (m) max = Math.max(max, m[1] === undefined ? 0 : Number(m[1]));
    }
  }
  return max < 0 ? 'ROWKEY' : `ROWKEY_${max + 1}`;
}

function isColumnOf(e: Expr, q: string, cols: readonly ColumnSchema[]): boolean {
  return e.kind === 'ColumnRef' && e.source === q && cols.some((c) => c.name === e.name);
}

export function analyzeJoins(
  q: Query,
  catalog: CatalogReader,
  left: SourceDef,
  leftColumns: readonly ColumnSchema[],
  rowColumnsOf: (s: SourceDef) => ColumnSchema[],
): AnalyzedJoins {
  const sides: JoinSide[] = [{ source: left, qualifier: q.from.alias ?? left.name, columns: leftColumns }];
  for (const j of q.joins) {
    const right = catalog.getSource(j.right.name);
    if (!right) throw new UserError('UNKNOWN_SOURCE', `${j.right.name} does not exist.`, j.right.span);
    if (sides.some((s) => s.source.name === right.name)) {
      throw invalid(
        q.joins.length > 1
          ? `N-way joins do not support multiple occurrences of the same source. Source: '${right.name}'`
          : `Can not join '${left.name}' to '${right.name}': self joins are not yet supported.`,
        j.span,
      );
    }
    sides.push({ source: right, qualifier: j.right.alias ?? right.name, columns: rowColumnsOf(right) });
  }
  const kafka = sides.filter((s) => s.source.valueFormat === 'KAFKA').map((s) => s.source.name);
  if (kafka.length > 0) throw invalid(`Source(s) ${kafka.join(', ')} are using the 'KAFKA' value format. This format does not yet support JOIN.`, q.joins[0]!.span);
  checkWindows(sides, q.joins[0]!.span);

  const seen = new Set<string>();
  const commonNames = new Set<string>();
  for (const s of sides) {
    for (const c of s.columns) {
      if (seen.has(c.name)) commonNames.add(c.name);
      seen.add(c.name);
    }
  }
  const allScope: Scope = { columns: sides.flatMap((s) => s.columns.map((c) => ({ name: c.name, type: c.type, source: s.qualifier }))) };
  const qualify = qualifier(allScope, sides.map((s) => s.qualifier));

  const joins: AnalyzedJoin[] = [];
  // The left side of each join is everything joined so far: a stream unless all were tables.
  let leftKind: 'STREAM' | 'TABLE' = left.kind;
  let viable: Expr[] = [];
  let keyCols: Expr[] = [];
  let foreignKeyOf: SourceDef | undefined;
  let keyType: SqlType | undefined;
  // Every condition's references are checked before any join's semantics, as ksqlDB does.
  const splits = q.joins.map((j, i) => splitCondition(j, sides[i + 1]!.qualifier, qualify));
  q.joins.forEach((j, i) => {
    const rightSide = sides[i + 1]!;
    const leftSides = sides.slice(0, i + 1);
    const leftScope: Scope = { columns: leftSides.flatMap((s) => s.columns.map((c) => ({ name: c.name, type: c.type, source: s.qualifier }))) };
    const rightScope: Scope = { columns: rightSide.columns.map((c) => ({ name: c.name, type: c.type, source: rightSide.qualifier })) };
    const step = analyzeOne(j, i, leftKind, leftSides, rightSide, leftScope, rightScope, splits[i]!, keyCols);
    const windowIndexes = windowColumns(sides[0]!, rightSide);
    // Whether a side's key is not the join expression (ksqlDB re-keys it through a repartition
    // topic): the left of a later join is keyed by the earlier join's key, unless that was synthetic.
    const { leftAst, rightAst } = splits[i]!;
    const leftRekeyed =
      i === 0 ? !left0IsKey(leftAst, sides[0]!) : viable.length === 0 || !keyCols.some((v) => formatExpr(v) === formatExpr(leftAst));
    const rightRekeyed = !(rightSide.source.keyColumns.length === 1 && isColumnOf(rightAst, rightSide.qualifier, rightSide.source.keyColumns));
    joins.push({
      ...step.join,
      leftRekeyed,
      rightRekeyed,
      rightSide: i + 1,
      leftWidth: leftScope.columns.length,
      rightWidth: rightSide.columns.length,
      rightRowtimeIndex: rightSide.columns.findIndex((c) => c.name === 'ROWTIME'),
      ...(windowIndexes ? { windowIndexes, ...(sides[0]!.source.windowType === 'SESSION' ? { sessionWindows: true } : {}) } : {}),
    });
    viable = step.viable;
    keyCols = step.keyCols;
    keyType = step.join.foreignKey ? sides[0]!.source.keyColumns[0]!.type : step.join.leftKey.type;
    foreignKeyOf = step.join.foreignKey ? sides[0]!.source : undefined;
    leftKind = step.join.kind === 'TABLE_TABLE' ? 'TABLE' : 'STREAM';
  });
  const syntheticName = viable.length === 0 ? syntheticKeyName(sides) : undefined;
  const key: JoinResultKey = { viable, type: keyType!, ...(syntheticName ? { syntheticName } : {}), ...(foreignKeyOf ? { foreignKeyOf } : {}) };
  const slot: ColumnSchema = { name: syntheticName ?? KEY_SLOT, type: keyType! };
  // Each side keeps its own ROWTIME; the result's time is a slot of its own.
  const time: ColumnSchema = { name: TIME_SLOT, type: BIGINT };
  const columns = [...sides.flatMap((s) => s.columns), slot, time];
  const scope: Scope = { columns: [...allScope.columns, slot, time] };
  return { joins, sides, key, columns, scope, commonNames, qualify };
}

/** WINDOWSTART/WINDOWEND of the first source (they lead every left row) and of the right source. */
function windowColumns(first: JoinSide, right: JoinSide): AnalyzedJoin['windowIndexes'] {
  if (first.source.windowType === undefined || right.source.windowType === undefined) return undefined;
  const at = (s: JoinSide): [number, number] => [s.columns.findIndex((c) => c.name === 'WINDOWSTART'), s.columns.findIndex((c) => c.name === 'WINDOWEND')];
  return [at(first), at(right)];
}

/** A windowed join's result is windowed like its first source: where that window is in a joined row. */
export function joinWindowBounds(joined: AnalyzedJoins): { start: TypedExpr; end: TypedExpr } | undefined {
  const first = joined.sides[0]!;
  if (first.source.windowType === undefined) return undefined;
  const at = (name: string): TypedExpr => ({ kind: 'Column', index: first.columns.findIndex((c) => c.name === name), name, type: BIGINT });
  return { start: at('WINDOWSTART'), end: at('WINDOWEND') };
}

/** Windowed sources join only like-windowed sources on their key. */
function checkWindows(sides: readonly JoinSide[], span: JoinClause['span']): void {
  const [a, b] = [sides[0]!.source, sides[1]!.source];
  if ((a.windowType === undefined) !== (b.windowType === undefined)) {
    const describe = (s: SourceDef): string => `\`${s.name}\` is ${s.windowType ? `${s.windowType} windowed` : 'not windowed'}`;
    throw invalid(`Can not join windowed source to non-windowed source.\n${describe(a)}\n${describe(b)}`, span);
  }
  if (a.windowType && b.windowType && (a.windowType === 'SESSION') !== (b.windowType === 'SESSION')) {
    throw invalid(
      `Incompatible windowed sources.\nLeft source: ${a.windowType}\nRight source: ${b.windowType}\n` +
        'Session windowed sources can only be joined to other session windowed sources, and may still not result in expected behaviour as session bounds must be an exact match for the join to work\n' +
        'Hopping and tumbling windowed sources can only be joined to other hopping and tumbling windowed sources',
      span,
    );
  }
  // Time-windowed keys of different windows do not match without re-keying.
  if (a.windowType && b.windowType && a.windowType !== 'SESSION' && (a.windowType !== b.windowType || a.windowSizeMs !== b.windowSizeMs)) {
    throw invalid('Implicit repartitioning of windowed sources is not supported. See https://github.com/confluentinc/ksql/issues/4385.', span);
  }
}

function analyzeOne(
  j: JoinClause,
  index: number,
  leftKind: 'STREAM' | 'TABLE',
  leftSides: readonly JoinSide[],
  rightSide: JoinSide,
  leftScope: Scope,
  rightScope: Scope,
  split: SplitCondition,
  prevKeyCols: readonly Expr[],
): {
  join: Omit<AnalyzedJoin, 'rightSide' | 'leftWidth' | 'rightWidth' | 'rightRowtimeIndex' | 'leftRekeyed' | 'rightRekeyed'>;
  viable: Expr[];
  keyCols: Expr[];
} {
  const right = rightSide.source;
  const rightQ = rightSide.qualifier;
  const { on, leftAst, rightAst } = split;
  const leftName = leftSides.find((s) => sourcesOf(leftAst).has(s.qualifier))!.source.name;
  const got = `Got ${leftName} ${JOIN_TEXT[j.type]} ${right.name}.`;
  const onText = `${formatExpr(on.left)} = ${formatExpr(on.right)}`;
  if (leftKind === 'TABLE' && right.kind === 'STREAM') throw invalid(`Invalid join order: table-stream joins are not supported; only stream-table joins. ${got}`, j.span);
  const kind: JoinKind = leftKind === 'STREAM' ? (right.kind === 'STREAM' ? 'STREAM_STREAM' : 'STREAM_TABLE') : 'TABLE_TABLE';
  if (kind === 'STREAM_TABLE' && (j.type === 'RIGHT' || j.type === 'FULL')) {
    throw invalid(`Invalid join type: ${j.type === 'FULL' ? 'full-outer' : 'right'} join not supported for stream-table join. ${got}`, j.span);
  }
  const leftKey = joinOn(() => typeExpr(leftAst, leftScope));
  const rightKey = joinOn(() => typeExpr(rightAst, rightScope));
  if (typeToString(leftKey.type) !== typeToString(rightKey.type)) {
    throw invalid(`Invalid join condition: types don't match. Got ${formatExpr(leftAst)}{${typeToString(leftKey.type)}} = ${formatExpr(rightAst)}{${typeToString(rightKey.type)}}.`, j.on.span);
  }
  const rightOnKey = right.keyColumns.length === 1 && isColumnOf(rightAst, rightQ, right.keyColumns);
  if (kind === 'STREAM_TABLE' && !rightOnKey) {
    throw invalid(`Invalid join condition: stream-table joins require to join on the table's primary key. Got ${onText}.`, j.on.span);
  }
  if (kind === 'TABLE_TABLE' && !rightOnKey) {
    throw invalid(`Invalid join condition: table-table joins require to join on the primary key of the right input table. Got ${onText}.`, j.on.span);
  }
  // Table-table on a left expression that is not the left's key: a foreign-key join.
  const leftIsKey =
    index === 0 ? left0IsKey(leftAst, leftSides[0]!) : prevKeyCols.some((v) => formatExpr(v) === formatExpr(leftAst));
  const foreignKey = kind === 'TABLE_TABLE' && !leftIsKey;
  if (foreignKey && index > 0) {
    throw invalid(`Invalid join condition: foreign-key table-table joins are not supported as part of n-way joins. Got ${onText}.`, j.on.span);
  }
  if (foreignKey && (j.type === 'RIGHT' || j.type === 'FULL')) throw invalid(`${j.type === 'RIGHT' ? 'RIGHT' : 'FULL'} OUTER JOIN on a foreign key is not supported`, j.span);
  if (kind === 'STREAM_STREAM' && !j.within) {
    throw invalid(
      'Stream-Stream joins must have a WITHIN clause specified. None was provided. To learn about how to specify a WITHIN clause with a stream-stream join, please visit: https://docs.confluent.io/current/ksql/docs/syntax-reference.html#create-stream-as-select',
      j.span,
    );
  }
  if (kind !== 'STREAM_STREAM' && j.within) {
    throw invalid(
      'A window definition was provided for a Stream-Table join. These joins are not windowed. Please drop the window definition (ie. the WITHIN clause) and try to execute your join again.',
      j.within.span,
    );
  }
  // A windowed source keeps its windowed key: joining it on anything else would re-key it.
  const windowedOffKey = (ast: Expr, side: JoinSide): boolean => side.source.windowType !== undefined && !(side.source.keyColumns.length === 1 && isColumnOf(ast, side.qualifier, side.source.keyColumns));
  const leftSide = leftSides.find((s) => sourcesOf(leftAst).has(s.qualifier))!;
  if (foreignKey && (leftSide.source.windowType !== undefined || right.windowType !== undefined)) {
    throw invalid('Foreign-key table-table joins are not supported on windowed tables.', j.on.span);
  }
  if (windowedOffKey(leftAst, leftSide) || windowedOffKey(rightAst, rightSide)) {
    throw invalid('Implicit repartitioning of windowed sources is not supported. See https://github.com/confluentinc/ksql/issues/4385.', j.on.span);
  }
  if (typeToString(leftKey.type).includes('MAP<')) {
    const left0 = leftAst.kind === 'ColumnRef' ? `${leftAst.source}_${leftAst.name}` : formatExpr(leftAst);
    throw new UserError(
      'INVALID_KEY',
      `Map keys, including types that contain maps, are not supported as they may lead to unexpected behavior due to inconsistent serialization. Key column name: \`${left0}\`. Column type: ${typeToString(leftKey.type)}. See https://github.com/confluentinc/ksql/issues/6621 for more.`,
      j.on.span,
    );
  }

  // Expressions equal to the result key: it carries on when the left side joins on the previous
  // key; else it is this join's. The columns among them can stand for the key in the projection.
  const keyCols = leftIsKey && index > 0 ? [...prevKeyCols, rightAst] : [leftAst, rightAst];
  const l = leftSides[0]!;
  const viable: Expr[] = foreignKey
    ? l.source.keyColumns.map((c) => ({ kind: 'ColumnRef', source: l.qualifier, name: c.name, span: j.span }))
    : j.type === 'FULL'
      ? []
      : keyCols.filter((e) => e.kind === 'ColumnRef');
  const within = j.within
    ? { before: j.within.before.ms, after: j.within.after.ms, ...(j.within.grace ? { grace: j.within.grace.ms } : {}) }
    : undefined;
  return {
    join: {
      type: j.type,
      kind,
      ...(foreignKey ? { foreignKey: true } : {}),
      right,
      leftKey,
      rightKey,
      leftKeyAst: leftAst,
      rightKeyAst: rightAst,
      ...(foreignKey ? { leftPrimaryKeyWidth: l.source.keyColumns.length } : {}),
      ...(within ? { within } : {}),
      rowtimeIndex: index === 0 ? leftSides[0]!.columns.findIndex((c) => c.name === 'ROWTIME') : leftScope.columns.length + 1,
    },
    viable,
    keyCols: foreignKey ? viable : keyCols,
  };
}

interface SplitCondition {
  readonly on: Expr & { kind: 'Binary' };
  /** ON's sides: (joined so far, the joined source). */
  readonly leftAst: Expr;
  readonly rightAst: Expr;
}

/** ksqlDB words a JOIN ON column it cannot find as `JOIN ON column 'X' cannot be resolved.` */
function joinOn<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof UserError && err.code === 'UNKNOWN_COLUMN' && err.message.startsWith('Column ')) {
      throw new UserError(err.code, `JOIN ON column${err.message.slice('Column'.length)}`, err.span);
    }
    throw err;
  }
}

/** Qualifies ON and checks that each side references one source, and one of them the joined source. */
function splitCondition(j: JoinClause, rightQ: string, qualify: (e: Expr) => Expr): SplitCondition {
  if (j.on.kind === 'Binary' && (j.on.op === 'AND' || j.on.op === 'OR')) {
    throw invalid(`Invalid join condition: joins on multiple conditions are not yet supported. Got ${formatExpr(j.on)}.`, j.on.span);
  }
  if (j.on.kind !== 'Binary' || j.on.op !== '=') {
    throw invalid(`Unsupported join expression: ${formatExpr(j.on)}. Joins must be an equality of one expression per source.`, j.on.span);
  }
  const on = joinOn(() => qualify(j.on));
  forEachExpr(on, (x) => {
    if (x.kind === 'ColumnRef' && x.source === undefined) throw new UserError('UNKNOWN_COLUMN', `JOIN ON column '${x.name}' cannot be resolved.`, x.span);
  });
  if (on.kind !== 'Binary') throw new Error('qualify keeps the node kind');
  const a = sourcesOf(on.left);
  const b = sourcesOf(on.right);
  for (const [side, refs] of [[on.right, b], [on.left, a]] as const) {
    if (refs.size !== 1) {
      throw invalid(`Invalid comparison expression '${formatExpr(side)}' in join '${formatExpr(on)}'. Each side of the join comparision must contain references from exactly one source.`, j.on.span);
    }
  }
  const [qa] = [...a];
  const [qb] = [...b];
  if (qa === qb) {
    throw invalid(`Each side of the join must reference exactly one source and not the same source. Left side references \`${qa}\` and right references \`${qb}\``, j.on.span);
  }
  let leftAst: Expr;
  let rightAst: Expr;
  if (qb === rightQ) [leftAst, rightAst] = [on.left, on.right];
  else if (qa === rightQ) [leftAst, rightAst] = [on.right, on.left];
  else {
    throw invalid(
      `A join criteria is expected to reference the source (\`${rightQ}\`) in the FROM clause, instead the right source references \`${qb}\` and the left source references \`${qa}\``,
      j.on.span,
    );
  }
  return { on, leftAst, rightAst };
}

/** Whether the first join's left expression is its source's (single) key column. */
function left0IsKey(e: Expr, side: JoinSide): boolean {
  return side.source.keyColumns.length === 1 && isColumnOf(e, side.qualifier, side.source.keyColumns);
}

export interface ProjectedJoinKey {
  readonly keyExprs: string[];
  readonly keyTypes: SqlType[];
  readonly keyPositions: number[];
  readonly synthetic: boolean;
  /** What a sink reports when the key is not projected (a foreign-key join's own wording). */
  readonly missingMessage?: string;
}

/**
 * Finds the projected column that is the join's result key: the synthetic key column, the first
 * viable key column projected, or (FK joins) the left table's primary key columns. The key column
 * reads the key slot, so it holds the key even where its own side is missing (RIGHT, FULL).
 */
export function joinKeyOfProjection(
  joined: AnalyzedJoins,
  projection: { name: string; expr: TypedExpr }[],
  projectedAst: readonly (Expr | undefined)[],
): ProjectedJoinKey {
  const { key } = joined;
  const slot = joined.columns.length - 2;
  const slotExpr: TypedExpr = { kind: 'Column', index: slot, name: joined.columns[slot]!.name, type: key.type };
  const texts = projectedAst.map((a) => (a === undefined ? undefined : formatExpr(joined.qualify(a))));
  const positionsOf = (e: Expr): number[] => texts.flatMap((t, i) => (t === formatExpr(e) ? [i] : []));
  if (key.syntheticName !== undefined) {
    const at = texts.flatMap((t, i) => (t === key.syntheticName ? [i] : []));
    if (at.length > 0) projection[at[0]!] = { name: projection[at[0]!]!.name, expr: slotExpr };
    return { keyExprs: [key.syntheticName], keyTypes: [key.type], keyPositions: [at[0] ?? -1], synthetic: true };
  }
  const once = (v: Expr, at: readonly number[]): void => {
    if (at.length < 2) return;
    const ref = v as { source: string; name: string };
    const names = at.map((i) => projection[i]!.name).sort();
    throw new UserError('DUPLICATE_KEY', `The projection contains a key column (\`${ref.source}_${ref.name}\`) more than once, aliased as: ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}.`);
  };
  if (key.foreignKeyOf) {
    for (const v of key.viable) once(v, positionsOf(v));
    const positions = key.viable.map((v) => positionsOf(v)[0] ?? -1);
    const missing = key.viable.filter((_, i) => positions[i]! < 0).map((v) => `\`${(v as { name: string }).name}\``);
    const one = missing.length === 1;
    return {
      keyExprs: key.viable.map((v) => formatExpr(v)),
      keyTypes: key.foreignKeyOf.keyColumns.map((c) => c.type),
      keyPositions: positions,
      synthetic: false,
      missingMessage:
        `Primary key column${one ? '' : 's'} missing in projection. For foreign-key table-table joins, the projection must include all primary key columns ` +
        `from the left input table (\`${key.foreignKeyOf.name}\`). Missing column${one ? '' : 's'}: ${missing.join(', ')}.`,
    };
  }
  for (const v of key.viable) {
    const at = positionsOf(v);
    if (at.length === 0) continue;
    once(v, at);
    projection[at[0]!] = { name: projection[at[0]!]!.name, expr: slotExpr };
    return { keyExprs: key.viable.map((e) => formatExpr(e)), keyTypes: [key.type], keyPositions: [at[0]!], synthetic: false };
  }
  return { keyExprs: key.viable.map((e) => formatExpr(e)), keyTypes: [key.type], keyPositions: [-1], synthetic: false };
}
