/**
 * One JOIN between two sources: the join kind (stream-stream needs WITHIN), the key expression of
 * each side from the ON equality, and the combined row layout [...left row, ...right row] that
 * WHERE and the projection are typed against.
 */
import type { Expr, JoinClause, Query } from '../sql/ast.js';
import { UserError } from '../sql/diagnostic.js';
import { forEachExpr } from '../sql/expr-rewrite.js';
import { formatExpr, typeExpr, type Scope } from './expr/index.js';
import type { CatalogReader, ColumnSchema, SourceDef } from './catalog.js';
import type { TypedExpr } from './typed-expr.js';
import { comparatorFor } from '../types/compare.js';
import { typeToString } from '../types/sql-type.js';

export type JoinKind = 'STREAM_STREAM' | 'STREAM_TABLE' | 'TABLE_TABLE';

export interface AnalyzedJoin {
  readonly type: JoinClause['type'];
  readonly kind: JoinKind;
  readonly right: SourceDef;
  readonly leftWidth: number;
  readonly rightWidth: number;
  /** Key expressions over each side's own row. */
  readonly leftKey: TypedExpr;
  readonly rightKey: TypedExpr;
  /** ON's two sides as written, (left, right), for key columns in the projection. */
  readonly leftKeyAst: Expr;
  readonly rightKeyAst: Expr;
  readonly within?: { readonly before: number; readonly after: number; readonly grace?: number };
  /** Index of the left ROWTIME in the combined row: the join operator writes the result time there. */
  readonly rowtimeIndex: number;
  /** Index of ROWTIME in a right-side row. */
  readonly rightRowtimeIndex: number;
  /** Which source (0 = FROM, 1 = first JOIN, ...) feeds this join's right side. */
  readonly rightSide: number;
}

export interface JoinSide {
  readonly source: SourceDef;
  readonly qualifier: string;
  readonly columns: readonly ColumnSchema[];
}

function sourcesOf(e: Expr, leftQs: ReadonlySet<string>, rightQ: string, left: Scope, right: Scope): Set<'L' | 'R'> {
  const out = new Set<'L' | 'R'>();
  forEachExpr(e, (x) => {
    if (x.kind !== 'ColumnRef') return;
    if (x.source !== undefined && leftQs.has(x.source)) out.add('L');
    else if (x.source === rightQ) out.add('R');
    else {
      if (left.columns.some((c) => c.name === x.name)) out.add('L');
      if (right.columns.some((c) => c.name === x.name)) out.add('R');
    }
  });
  return out;
}

export function analyzeJoins(
  q: Query,
  catalog: CatalogReader,
  left: SourceDef,
  leftColumns: readonly ColumnSchema[],
  rowColumnsOf: (s: SourceDef) => ColumnSchema[],
): { joins: AnalyzedJoin[]; sides: JoinSide[] } {
  const sides: JoinSide[] = [{ source: left, qualifier: q.from.alias ?? left.name, columns: leftColumns }];
  const joins: AnalyzedJoin[] = [];
  // The left side of each join is everything joined so far: a stream unless all were tables.
  let leftKind: 'STREAM' | 'TABLE' = left.kind;
  for (const j of q.joins) {
    const right = catalog.getSource(j.right.name);
    if (!right) throw new UserError('UNKNOWN_SOURCE', `${j.right.name} does not exist.`, j.right.span);
    const rightQ = j.right.alias ?? right.name;
    if (sides.some((s) => s.qualifier === rightQ)) {
      throw new UserError('INVALID_JOIN', `Can not join '${sides[0]!.source.name}' to '${right.name}': self joins require aliases.`, j.span);
    }
    const rightColumns = rowColumnsOf(right);
    const leftScope: Scope = { columns: sides.flatMap((s) => s.columns.map((c) => ({ name: c.name, type: c.type, source: s.qualifier }))) };
    const rightScope: Scope = { columns: rightColumns.map((c) => ({ name: c.name, type: c.type, source: rightQ })) };
    const join = analyzeOne(j, leftKind, sides, right, rightQ, leftScope, rightScope);
    joins.push({ ...join, rightSide: sides.length, leftWidth: leftScope.columns.length, rightWidth: rightColumns.length, rightRowtimeIndex: rightColumns.findIndex((c) => c.name === 'ROWTIME') });
    sides.push({ source: right, qualifier: rightQ, columns: rightColumns });
    leftKind = join.kind === 'TABLE_TABLE' ? 'TABLE' : 'STREAM';
  }
  return { joins, sides };
}

function analyzeOne(
  j: JoinClause,
  leftKind: 'STREAM' | 'TABLE',
  sides: readonly JoinSide[],
  right: SourceDef,
  rightQ: string,
  leftScope: Scope,
  rightScope: Scope,
): Omit<AnalyzedJoin, 'rightSide' | 'leftWidth' | 'rightWidth' | 'rightRowtimeIndex'> {
  const leftQ = sides.length === 1 ? sides[0]!.qualifier : sides.map((s) => s.qualifier).join('_');
  const kind: JoinKind = leftKind === 'STREAM' ? (right.kind === 'STREAM' ? 'STREAM_STREAM' : 'STREAM_TABLE') : right.kind === 'TABLE' ? 'TABLE_TABLE' : 'STREAM_TABLE';
  if (leftKind === 'TABLE' && right.kind === 'STREAM') {
    throw new UserError('INVALID_JOIN', `Invalid join order: table-stream joins are not supported; only stream-table joins. Got ${leftQ} [TABLE] ${j.type} JOIN ${rightQ} [STREAM].`, j.span);
  }
  if (kind === 'STREAM_STREAM' && !j.within) {
    throw new UserError('INVALID_JOIN', 'Stream-Stream joins must have a WITHIN clause specified. None was provided. To learn about how to specify a WITHIN clause with a stream-stream join, please visit: https://docs.confluent.io/current/ksql/docs/syntax-reference.html#create-stream-as-select', j.span);
  }
  if (kind !== 'STREAM_STREAM' && j.within) {
    throw new UserError('INVALID_JOIN', `A window definition was provided for a Stream-Table join. These joins are not windowed. Please drop the window definition (ie. the WITHIN clause) and try to execute your join again.`, j.within.span);
  }
  if (kind === 'STREAM_TABLE' && (j.type === 'RIGHT' || j.type === 'FULL')) {
    throw new UserError('INVALID_JOIN', `Invalid join type: ${j.type === 'FULL' ? 'full-outer' : 'right'} join not supported for stream-table join. Got ${leftQ} [STREAM] ${j.type} JOIN ${rightQ} [TABLE].`, j.span);
  }
  if (j.on.kind !== 'Binary' || j.on.op !== '=') {
    throw new UserError('INVALID_JOIN', `Unsupported join expression: ${formatExpr(j.on)}. Joins must be an equality of one expression per source.`, j.on.span);
  }
  const leftQs = new Set(sides.map((s) => s.qualifier));
  const a = sourcesOf(j.on.left, leftQs, rightQ, leftScope, rightScope);
  const b = sourcesOf(j.on.right, leftQs, rightQ, leftScope, rightScope);
  const single = (s: Set<'L' | 'R'>): 'L' | 'R' | undefined => (s.size === 1 ? [...s][0] : undefined);
  let leftAst: Expr;
  let rightAst: Expr;
  if (single(a) === 'L' && single(b) === 'R') [leftAst, rightAst] = [j.on.left, j.on.right];
  else if (single(a) === 'R' && single(b) === 'L') [leftAst, rightAst] = [j.on.right, j.on.left];
  else {
    throw new UserError(
      'INVALID_JOIN',
      `Invalid comparison expression '${formatExpr(a.size !== 1 ? j.on.left : j.on.right)}' in join '${formatExpr(j.on)}'. Each side of the join comparision must contain references from exactly one source.`,
      j.on.span,
    );
  }
  const leftKey = typeExpr(leftAst, leftScope);
  const rightKey = typeExpr(rightAst, rightScope);
  if (typeToString(leftKey.type) !== typeToString(rightKey.type) || !comparatorFor(leftKey.type)) {
    throw new UserError(
      'INVALID_JOIN',
      `Invalid join condition: types don't match. Got ${formatExpr(leftAst)}{${typeToString(leftKey.type)}} = ${formatExpr(rightAst)}{${typeToString(rightKey.type)}}.`,
      j.on.span,
    );
  }
  const within = j.within
    ? { before: j.within.before.ms, after: j.within.after.ms, ...(j.within.grace ? { grace: j.within.grace.ms } : {}) }
    : undefined;
  return {
    type: j.type,
    kind,
    right,
    leftKey,
    rightKey,
    leftKeyAst: leftAst,
    rightKeyAst: rightAst,
    ...(within ? { within } : {}),
    rowtimeIndex: sides[0]!.columns.findIndex((c) => c.name === 'ROWTIME'),
  };
}
