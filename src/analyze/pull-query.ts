/**
 * Pull queries (a SELECT without EMIT): what ksqlDB refuses, and how the WHERE clause reaches the
 * materialized table — point lookups on the key when every disjunct fixes every key column with
 * `=` or IN, else a scan of the table (allowed unless ksql.query.pull.table.scan.enabled=false).
 * The full WHERE is still applied to the rows found; the lookups only narrow what is read.
 * See docs/decisions/0041-pull-queries.md.
 */
import type { Expr, Query } from '../sql/ast.js';
import { UserError } from '../sql/diagnostic.js';
import { forEachExpr, mapExpr } from '../sql/expr-rewrite.js';
import { typeToString } from '../types/sql-type.js';
import type { ColumnSchema, SourceDef } from './catalog.js';
import { coerceTo } from './expr/coerce.js';
import { formatExpr, typeExpr } from './expr/index.js';
import { partialDatetimeMs } from './pseudo-timestamps.js';
import type { TypedExpr } from './typed-expr.js';

export interface PullSettings {
  /** ksql.query.pull.table.scan.enabled (default true). */
  readonly tableScanEnabled: boolean;
  /** ksql.query.pull.range.scan.enabled (default true). */
  readonly rangeScanEnabled: boolean;
  /** ksql.query.pull.limit.clause.enabled (default true). */
  readonly limitEnabled: boolean;
}

export const PULL_SETTING_NAMES = {
  tableScanEnabled: 'ksql.query.pull.table.scan.enabled',
  rangeScanEnabled: 'ksql.query.pull.range.scan.enabled',
  limitEnabled: 'ksql.query.pull.limit.clause.enabled',
} as const;

export interface PullPlan {
  /**
   * Per disjunct of the WHERE, one tuple of constant key values (coerced to the key columns'
   * types) per key to look up; undefined = scan.
   */
  readonly lookups?: readonly (readonly (readonly TypedExpr[])[])[];
  /**
   * A range of a single STRING key in the KAFKA format (its bytes sort as the strings do): the
   * read seeks to the greatest low bound and stops after the least high one (constants of the key's
   * type; empty = open). The WHERE still decides; bounds only narrow what is read.
   */
  readonly range?: { readonly lows: readonly TypedExpr[]; readonly highs: readonly TypedExpr[] };
}

const MORE_INFO = 'See https://cnfl.io/queries for more info.';
const PUSH_HINT = 'Add EMIT CHANGES if you intended to issue a push query.';
/** Pseudo columns a pull query cannot read: a materialized row has no partition/offset of its own. */
const DISALLOWED_PSEUDO = ['ROWPARTITION', 'ROWOFFSET'];
const RANGE_OPS = new Set(['<', '<=', '>', '>=']);

/** Clauses a pull query cannot have; checked before the query is analyzed (ksqlDB's order). */
export function checkPullClauses(q: Query, settings: PullSettings): void {
  const unsupported = (clause: string): UserError =>
    new UserError('PULL_NOT_SUPPORTED', `Pull queries don't support ${clause} clauses. ${MORE_INFO}\n${PUSH_HINT}`, q.span);
  if (q.joins.length > 0) throw unsupported('JOIN');
  if (q.window) throw unsupported('WINDOW');
  if (q.groupBy && q.groupBy.length > 0) throw unsupported('GROUP BY');
  if (q.partitionBy) throw unsupported('PARTITION BY');
  if (q.having) throw unsupported('HAVING');
  if (q.limit !== undefined && !settings.limitEnabled) {
    throw new UserError(
      'PULL_LIMIT_DISABLED',
      `LIMIT clause in pull queries is currently disabled. You can enable them by setting ${PULL_SETTING_NAMES.limitEnabled}=true. ${MORE_INFO}\n${PUSH_HINT}`,
      q.span,
    );
  }
  if (q.limit !== undefined && q.limit < 0) {
    throw new UserError('PULL_NOT_SUPPORTED', `Pull queries don't support negative integers in the LIMIT clause. ${MORE_INFO}\n${PUSH_HINT}`, q.span);
  }
  const selected: Expr[] = q.select.flatMap((s) => (s.kind === 'SelectExpr' ? [s.expr] : []));
  checkPseudo('SELECT', selected, q);
  if (q.where) checkPseudo('WHERE', [q.where], q);
}

function checkPseudo(clause: string, exprs: readonly Expr[], q: Query): void {
  const used = new Set<string>();
  for (const e of exprs) forEachExpr(e, (x) => (x.kind === 'ColumnRef' && DISALLOWED_PSEUDO.includes(x.name) ? used.add(x.name) : undefined));
  if (used.size === 0) return;
  const list = DISALLOWED_PSEUDO.filter((n) => used.has(n)).map((n) => `\`${n}\``).join(', ');
  throw new UserError('PULL_NOT_SUPPORTED', `Pull queries don't support the following columns in ${clause} clauses: ${list}`, q.span);
}

/**
 * ksqlDB's pull queries accept LIKE on a column only if the column is a STRING, and say so before
 * the operands are typed. Checked before the query is analyzed.
 */
export function checkPullLike(q: Query, source: SourceDef | undefined): void {
  if (!q.where || !source) return;
  const columns = [...source.keyColumns, ...source.valueColumns];
  forEachExpr(q.where, (x) => {
    if (x.kind !== 'Like' || x.operand.kind !== 'ColumnRef') return;
    const name = x.operand.name;
    const column = columns.find((c) => c.name === name);
    if (column && column.type.kind !== 'STRING') {
      throw new UserError('TYPE_MISMATCH', `The column type for Like condition must be VARCHAR. The column type is ${typeToString(column.type)}`, x.operand.span);
    }
  });
}

/** A table a pull query can read: a CREATE SOURCE TABLE, or a table some persistent query writes. */
export function checkQueryable(source: SourceDef, materialized: boolean, q: Query): void {
  if (source.kind !== 'TABLE' || source.isSource || materialized) return;
  const n = source.name;
  throw new UserError(
    'NOT_QUERYABLE',
    `The \`${n}\` table isn't queryable. To derive a queryable table, you can do 'CREATE TABLE QUERYABLE_${n} AS SELECT * FROM ${n}'. ${MORE_INFO}`,
    q.from.span,
  );
}

/** A key range's bounds: each admitted key is at least every `lows` value and at most every `highs` one. */
interface RangeBounds {
  readonly lows: readonly Expr[];
  readonly highs: readonly Expr[];
}

type KeyConstraint = { readonly kind: 'equal'; readonly values: readonly Expr[] } | ({ readonly kind: 'range' } & RangeBounds);

/**
 * Works out the key lookups of a pull query over a table, raising ksqlDB's errors where the WHERE
 * cannot be served without a table scan and table scans are disabled.
 */
export function planPullQuery(q: Query, source: SourceDef, settings: PullSettings): PullPlan {
  if (source.kind !== 'TABLE') return {};
  const keys = source.keyColumns;
  const scanOr = (message: string): PullPlan => {
    if (settings.tableScanEnabled) return {};
    throw new UserError('PULL_NEEDS_KEY', message, q.where?.span ?? q.span);
  };
  if (!q.where) return scanOr('Query requires table scan to be enabled. Pull queries require a WHERE clause on the key columns, or ksql.query.pull.table.scan.enabled=true.');
  if (keys.length === 0) return scanOr('Query requires table scan to be enabled.');

  const disjuncts = disjunctiveNormalForm(q.where);
  if (!disjuncts) return scanOr('Query requires table scan to be enabled.');
  const perDisjunct: (KeyConstraint | undefined)[][] = [];
  for (const conjuncts of disjuncts) {
    const found: KeyConstraint[][] = keys.map(() => []);
    for (const c of conjuncts) {
      const hit = keyConstraint(c, keys, settings);
      if (hit) found[hit.key]!.push(hit.constraint);
    }
    if (found.some((f) => f.length > 1)) {
      const message = 'A comparison condition on the key column cannot be combined with other comparisons such as an IN predicate';
      if (!settings.tableScanEnabled) throw new UserError('PULL_NEEDS_KEY', message, q.where.span);
    }
    const missing = found.some((f) => f.length === 0);
    if (missing) {
      const text = conjuncts.map(formatExpr).join(' AND ');
      return scanOr(keys.length > 1 ? 'Multi-column sources must specify every key in the WHERE clause.' : `WHERE clause missing key column for disjunct: ${conjuncts.length > 1 ? `(${text})` : text}`);
    }
    // Several conditions on one key (scans allowed): the keys all of them admit.
    perDisjunct.push(found.map(intersect));
  }

  const ranged = perDisjunct.some((d) => d.some((c) => c?.kind === 'range'));
  if (ranged) {
    // A range scan over keys: one STRING key of an unwindowed table, in one disjunct (ksqlDB's limits).
    const rangeOk = settings.rangeScanEnabled && keys.length === 1 && keys[0]!.type.kind === 'STRING' && !source.windowType && disjuncts.length === 1;
    if (!rangeOk && !settings.tableScanEnabled) return scanOr('Query requires table scan to be enabled.');
    return seekableRange(perDisjunct, source) ?? {};
  }

  // Every disjunct fixes every key column: the cross product of the values, per disjunct.
  const lookups: TypedExpr[][][] = [];
  for (const d of perDisjunct) {
    let tuples: TypedExpr[][] = [[]];
    for (let k = 0; k < keys.length; k++) {
      const values = (d[k] as KeyConstraint & { kind: 'equal' }).values.map((v) => keyValue(v, keys[k]!));
      if (values.some((v) => v === undefined)) return {};
      tuples = tuples.flatMap((t) => values.map((v) => [...t, v!]));
    }
    lookups.push(tuples);
  }
  return { lookups };
}

/**
 * The bounds a read can seek to: one disjunct, one STRING key in the KAFKA format (UTF-8 bytes,
 * ordered as the strings are), an unwindowed table; bounds that are not constants are dropped.
 */
function seekableRange(perDisjunct: readonly (KeyConstraint | undefined)[][], source: SourceDef): PullPlan | undefined {
  const key = source.keyColumns[0];
  const c = perDisjunct.length === 1 && source.keyColumns.length === 1 ? perDisjunct[0]![0] : undefined;
  if (!key || key.type.kind !== 'STRING' || source.keyFormat !== 'KAFKA' || source.windowType || c?.kind !== 'range') return undefined;
  const typed = (es: readonly Expr[]): TypedExpr[] => es.flatMap((e) => keyValue(e, key) ?? []);
  const lows = typed(c.lows);
  const highs = typed(c.highs);
  return lows.length + highs.length > 0 ? { range: { lows, highs } } : undefined;
}

/** Bound on the disjuncts the WHERE expands to; past it, the query scans. */
export const MAX_PULL_DISJUNCTS = 256;

/** The WHERE as an OR of ANDs (ksqlDB's key extraction works on that form); undefined if too large. */
function disjunctiveNormalForm(e: Expr): Expr[][] | undefined {
  if (e.kind === 'Binary' && (e.op === 'OR' || e.op === 'AND')) {
    const l = disjunctiveNormalForm(e.left);
    const r = disjunctiveNormalForm(e.right);
    if (!l || !r) return undefined;
    if (e.op === 'OR') return l.length + r.length > MAX_PULL_DISJUNCTS ? undefined : [...l, ...r];
    if (l.length * r.length > MAX_PULL_DISJUNCTS) return undefined;
    return l.flatMap((a) => r.map((b) => [...a, ...b]));
  }
  return [[e]];
}

/** The key values every constraint admits (in the first one's order); a range among them: undefined (scan). */
function intersect(constraints: readonly KeyConstraint[]): KeyConstraint | undefined {
  if (constraints.length <= 1) return constraints[0];
  const ranges = constraints.filter((c): c is KeyConstraint & { kind: 'range' } => c.kind === 'range');
  // Equalities next to a range are left to the WHERE: the range alone admits a superset.
  if (ranges.length > 0) return { kind: 'range', lows: ranges.flatMap((r) => r.lows), highs: ranges.flatMap((r) => r.highs) };
  const lists = constraints.map((c) => (c as KeyConstraint & { kind: 'equal' }).values);
  const admitted = lists.slice(1).map((l) => new Set(l.map(formatExpr)));
  return { kind: 'equal', values: lists[0]!.filter((v) => admitted.every((s) => s.has(formatExpr(v)))) };
}

const keyIndex = (e: Expr, keys: readonly ColumnSchema[]): number => (e.kind === 'ColumnRef' ? keys.findIndex((k) => k.name === e.name) : -1);

function mentionsColumns(e: Expr): boolean {
  let found = false;
  forEachExpr(e, (x) => {
    if (x.kind === 'ColumnRef') found = true;
  });
  return found;
}

function mentionsKey(e: Expr, keys: readonly ColumnSchema[]): boolean {
  let found = false;
  forEachExpr(e, (x) => {
    if (keyIndex(x, keys) >= 0) found = true;
  });
  return found;
}

const keyText = (k: ColumnSchema): string => `\`${k.name}\` ${typeToString(k.type)} KEY`;

/** The key constraint one conjunct puts on a key column, if any; errors for shapes ksqlDB refuses outright. */
function keyConstraint(c: Expr, keys: readonly ColumnSchema[], settings: PullSettings): { key: number; constraint: KeyConstraint } | undefined {
  const strict = !settings.tableScanEnabled;
  const refuse = (message: string): undefined => {
    if (strict) throw new UserError('PULL_NEEDS_KEY', message, c.span);
    return undefined;
  };
  switch (c.kind) {
    case 'Binary': {
      if (!['=', '<>', ...RANGE_OPS].includes(c.op)) return undefined;
      const l = keyIndex(c.left, keys);
      const r = keyIndex(c.right, keys);
      const key = l >= 0 ? l : r;
      if (key < 0) {
        if (mentionsKey(c, keys)) return refuse('A comparison must directly reference a key column.');
        return undefined;
      }
      const other = l >= 0 ? c.right : c.left;
      if (mentionsColumns(other)) return refuse('A comparison must be between a key column and a resolvable expression.');
      if (c.op === '<>') return refuse(`Bound on key columns '[${keyText(keys[key]!)}]' must currently be '='. `);
      if (c.op === '=') return { key, constraint: { kind: 'equal', values: [other] } };
      // `K > c` bounds K from below, and so does `c < K`.
      const below = (c.op === '>' || c.op === '>=') === (l >= 0);
      return { key, constraint: { kind: 'range', lows: below ? [other] : [], highs: below ? [] : [other] } };
    }
    case 'InList': {
      const key = keyIndex(c.operand, keys);
      if (key < 0 || c.negated) return undefined;
      const column = keys[key]!;
      for (const v of c.list) {
        if (v.kind === 'NullLiteral') throw new UserError('PULL_NULL_KEY', `Primary key columns can not be NULL: (${column.name} = null)`, v.span);
        if (mentionsColumns(v)) return refuse('A comparison must be between a key column and a resolvable expression.');
        const isString = v.kind === 'StringLiteral';
        const isNumber = v.kind === 'IntegerLiteral' || v.kind === 'DecimalLiteral' || v.kind === 'DoubleLiteral';
        if ((isString && column.type.kind !== 'STRING') || (isNumber && column.type.kind === 'STRING')) {
          throw new UserError('PULL_KEY_TYPE', `${formatExpr(v)} can not be converted to the type of the key column: ${column.name} ${typeToString(column.type)} KEY`, v.span);
        }
      }
      return { key, constraint: { kind: 'equal', values: c.list } };
    }
    case 'Like':
      // ksqlDB serves only `column LIKE 'pattern'` (by a scan).
      if (c.operand.kind !== 'ColumnRef' || c.pattern.kind !== 'StringLiteral') return refuse('Like condition must be between strings');
      return undefined;
    case 'Between': {
      const key = keyIndex(c.operand, keys);
      if (key < 0 || c.negated) return undefined;
      return { key, constraint: { kind: 'range', lows: [c.low], highs: [c.high] } };
    }
    default:
      return undefined;
  }
}

/** A constant key value as a typed expression of the key column's type, or undefined if it is not one. */
function keyValue(e: Expr, column: ColumnSchema): TypedExpr | undefined {
  try {
    const typed = typeExpr(e, { columns: [] });
    return coerceTo(typed, column.type);
  } catch {
    return undefined;
  }
}

/**
 * A pull query's WHERE type error, as ksqlDB words it: "Error in WHERE expression: <message>\n
 * Statement: <the comparison>". Other errors are returned unchanged.
 */
export function pullWhereError(err: unknown, q: Query): unknown {
  if (!(err instanceof UserError) || err.code !== 'TYPE_MISMATCH' || !q.where || !err.span) return err;
  if (!/^(Cannot compare|Comparison with NULL)/.test(err.message)) return err;
  const at = err.span.start.offset;
  const end = err.span.end.offset;
  let node: Expr | undefined;
  forEachExpr(q.where, (x) => {
    if (x.span.start.offset === at && x.span.end.offset === end) node ??= x;
  });
  if (!node) return err;
  // ksqlDB checks a BETWEEN only when it compiles it (as two comparisons), with other words.
  if (node.kind === 'Between') return new UserError(err.code, `Invalid expression: ${err.message}`, err.span);
  return new UserError(err.code, `Error in WHERE expression: ${err.message}\nStatement: ${formatExpr(node)}`, err.span);
}

const WINDOW_BOUNDS = new Set(['WINDOWSTART', 'WINDOWEND']);
const isBound = (e: Expr): boolean => e.kind === 'ColumnRef' && WINDOW_BOUNDS.has(e.name);
/**
 * In a pull query ksqlDB compares WINDOWSTART/WINDOWEND with datetime text ('2020-02-23T23:45')
 * as with its epoch ms: such literals become BIGINT literals before the WHERE is typed.
 */
export function windowBoundLiterals(q: Query): Query {
  if (!q.where) return q;
  const asMs = (e: Expr): Expr => {
    if (e.kind !== 'StringLiteral') return e;
    const ms = partialDatetimeMs(e.value);
    return ms === undefined ? e : { kind: 'IntegerLiteral', text: String(ms), span: e.span };
  };
  const where = mapExpr(q.where, (e) => {
    if (e.kind === 'Binary' && ['=', '<>', ...RANGE_OPS].includes(e.op) && (isBound(e.left) || isBound(e.right))) {
      return { ...e, left: isBound(e.right) ? asMs(e.left) : e.left, right: isBound(e.left) ? asMs(e.right) : e.right };
    }
    if (e.kind === 'Between' && isBound(e.operand)) return { ...e, low: asMs(e.low), high: asMs(e.high) };
    return undefined;
  });
  return where === q.where ? q : { ...q, where };
}
