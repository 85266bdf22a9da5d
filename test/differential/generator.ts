/**
 * The seeded generator of differential cases: a few source shapes (INT/BIGINT/DOUBLE/STRING
 * columns with NULLs), rows for them, and one persistent query (filter, GROUP BY, or a
 * stream-table / table-table INNER/LEFT join) written twice: as streamsql's CREATE ... AS SELECT
 * and as the equivalent batch query for SQLite. The same seed always gives the same case.
 *
 * Deliberate differences between the two texts (docs/decisions/0044-differential-check.md):
 * - SUM of only NULLs is 0 in ksqlDB and NULL in SQLite: SQLite gets COALESCE(SUM(x), 0).
 * - GROUP BY skips rows whose group key is NULL in ksqlDB: SQLite gets `WHERE g IS NOT NULL`.
 * - A comparison with a NULL operand is FALSE in ksqlDB: SQLite gets COALESCE(a < b, 0).
 * - A GROUP BY over a table keeps emptied groups with COUNT 0: streamsql gets HAVING COUNT(*) > 0.
 * - LIKE is case-sensitive in ksqlDB: SQLite runs with PRAGMA case_sensitive_like = ON.
 * - Divisors are non-zero literals and values small, so no division by zero and no overflow
 *   (ksqlDB wraps INT arithmetic like Java; SQLite widens to 64 bits).
 */
import { prng } from '../helpers/prng.mjs';

export type ColType = 'INT' | 'BIGINT' | 'DOUBLE' | 'STRING';
export interface Column {
  readonly name: string;
  readonly type: ColType;
}
export type Value = number | string | null;

export interface SourceSpec {
  readonly name: string;
  readonly kind: 'STREAM' | 'TABLE';
  readonly key: Column;
  readonly columns: readonly Column[];
  /** In append order; `value: undefined` is a table tombstone. */
  readonly records: readonly { readonly key: Value; readonly value: Record<string, Value> | undefined; readonly timestamp: number }[];
}

export type QueryKind = 'filter-stream' | 'filter-table' | 'group-stream' | 'group-table' | 'join-stream-table' | 'join-table-table';

export interface DiffCase {
  readonly seed: number;
  readonly kind: QueryKind;
  readonly sources: readonly SourceSpec[];
  readonly sinkName: string;
  /** The sink is a table (compare the latest row per key) or a stream (compare every record). */
  readonly sinkKind: 'STREAM' | 'TABLE';
  /** The CREATE ... AS SELECT run by streamsql. */
  readonly ksql: string;
  /** The batch query run by SQLite over the sources' final contents. */
  readonly sqlite: string;
}

/** Limits of the generator: small domains so that keys repeat, groups fill and joins match. */
const MAX_ROWS = 24;
const KEY_DOMAIN = 6;
const NULL_RATE = 0.15;
const STRINGS = ['a', 'b', 'A', 'ab', 'ba', 'abc', '', 'B', 'a_b', 'x%y', 'bca'];
const LIKE_PATTERNS = ['a%', '%b', '_b%', '%a%', 'A%', '%', 'a_b', '%y'];
const VALUE_POOL: readonly Column[] = [
  { name: 'I1', type: 'INT' },
  { name: 'I2', type: 'INT' },
  { name: 'B1', type: 'BIGINT' },
  { name: 'D1', type: 'DOUBLE' },
  { name: 'D2', type: 'DOUBLE' },
  { name: 'S1', type: 'STRING' },
  { name: 'S2', type: 'STRING' },
];
const KINDS: readonly QueryKind[] = ['filter-stream', 'filter-table', 'group-stream', 'group-table', 'join-stream-table', 'join-table-table'];

class Gen {
  constructor(readonly next: () => number) {}
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  subset<T>(xs: readonly T[], min: number): T[] {
    const out = xs.filter(() => this.chance(0.6));
    for (const x of xs) if (out.length < min && !out.includes(x)) out.push(x);
    return xs.filter((x) => out.includes(x));
  }
}

const isNumeric = (t: ColType): boolean => t !== 'STRING';

function value(g: Gen, type: ColType): Value {
  if (g.chance(NULL_RATE)) return null;
  switch (type) {
    case 'INT':
      return g.int(-20, 20);
    case 'BIGINT':
      return g.int(-1000, 1000);
    case 'DOUBLE':
      return g.int(-200, 200) / 4; // quarters: sums stay exact in binary floating point
    case 'STRING':
      return g.pick(STRINGS);
  }
}

function keyValue(g: Gen, type: ColType): Value {
  const i = g.int(0, KEY_DOMAIN - 1);
  return type === 'STRING' ? `k${i}` : i;
}

function source(g: Gen, name: string, kind: 'STREAM' | 'TABLE', keyType: ColType, t0: number, nullKeys: boolean): SourceSpec {
  const key: Column = { name: kind === 'TABLE' ? 'ID' : 'K', type: keyType };
  const columns = g.subset(VALUE_POOL, 3);
  const n = g.int(1, MAX_ROWS);
  const records: SourceSpec['records'][number][] = [];
  for (let i = 0; i < n; i++) {
    const k = nullKeys && g.chance(NULL_RATE) ? null : keyValue(g, keyType);
    const tombstone = kind === 'TABLE' && i > 0 && g.chance(0.1);
    const row: Record<string, Value> = {};
    for (const c of columns) row[c.name] = value(g, c.type);
    records.push({ key: k, value: tombstone ? undefined : row, timestamp: t0 + i * 10 });
  }
  return { name, kind, key, columns, records };
}

/** A numeric expression over the columns (SQL text for both engines). */
function numericExpr(g: Gen, cols: readonly Column[], q: string): string {
  const nums = cols.filter((c) => isNumeric(c.type));
  const col = (): string => `${q}${g.pick(nums).name}`;
  switch (g.int(0, 4)) {
    case 0:
      return col();
    case 1:
      return `(${col()} + ${col()})`;
    case 2:
      return `(${col()} * ${g.int(-3, 3)} - ${col()})`;
    case 3:
      return `(${col()} / ${g.pick([2, 3, -4, 7])})`;
    default:
      return `(${col()} - ${g.int(-10, 10)})`;
  }
}

/** A predicate written for both engines (they differ in how comparisons treat NULL). */
interface Pred {
  readonly ksql: string;
  readonly sqlite: string;
}
const same = (text: string): Pred => ({ ksql: text, sqlite: text });
/** ksqlDB: a comparison with a NULL operand is FALSE, not NULL (QTT null.json "null equals"). */
const comparison = (a: string, op: string, b: string): Pred => ({ ksql: `${a} ${op} ${b}`, sqlite: `COALESCE(${a} ${op} ${b}, 0)` });

/** A boolean predicate over the columns; `q` qualifies column names (e.g. `L.`). */
function predicate(g: Gen, cols: readonly Column[], q: string, depth = 0): Pred {
  if (depth < 2 && g.chance(0.35)) {
    const op = g.pick(['AND', 'OR']);
    const [a, b] = [predicate(g, cols, q, depth + 1), predicate(g, cols, q, depth + 1)];
    const not = g.chance(0.15) ? 'NOT ' : '';
    return { ksql: `${not}(${a.ksql} ${op} ${b.ksql})`, sqlite: `${not}(${a.sqlite} ${op} ${b.sqlite})` };
  }
  const c = g.pick(cols);
  const strs = cols.filter((x) => x.type === 'STRING');
  const nums = cols.filter((x) => isNumeric(x.type));
  const cmp = g.pick(['=', '<>', '<', '<=', '>', '>=']);
  switch (g.int(0, 5)) {
    case 0:
      return same(`${q}${c.name} IS ${g.chance(0.5) ? 'NOT ' : ''}NULL`);
    case 1:
      if (strs.length > 0) return same(`${q}${g.pick(strs).name} LIKE '${g.pick(LIKE_PATTERNS)}'`);
      return same(`${q}${c.name} IS NULL`);
    case 2:
      if (isNumeric(c.type)) {
        const lo = g.int(-15, 10);
        return same(`${q}${c.name} ${g.chance(0.2) ? 'NOT ' : ''}BETWEEN ${lo} AND ${lo + g.int(0, 20)}`);
      }
      return same(`${q}${c.name} BETWEEN '${g.pick(STRINGS)}' AND '${g.pick(STRINGS)}'`);
    case 3:
      if (nums.length > 0) return comparison(numericExpr(g, cols, q), cmp, String(g.int(-10, 10)));
      return comparison(`${q}${c.name}`, cmp, `'${g.pick(STRINGS)}'`);
    case 4: {
      const like = cols.filter((x) => isNumeric(x.type) === isNumeric(c.type));
      return comparison(`${q}${c.name}`, cmp, `${q}${g.pick(like).name}`);
    }
    default:
      return comparison(`${q}${c.name}`, cmp, isNumeric(c.type) ? String(g.int(-10, 10)) : `'${g.pick(STRINGS)}'`);
  }
}

function filterCase(g: Gen, seed: number, kind: 'filter-stream' | 'filter-table'): DiffCase {
  const table = kind === 'filter-table';
  const src = source(g, 'SRC', table ? 'TABLE' : 'STREAM', g.pick(['INT', 'STRING', 'BIGINT'] as const), 1000, !table);
  const cols = [src.key, ...src.columns];
  const where = predicate(g, cols, '');
  const projected = src.columns.filter((c) => g.chance(0.7));
  const extra = src.columns.some((c) => isNumeric(c.type)) && g.chance(0.5) ? `, ${numericExpr(g, src.columns, '')} AS E1` : '';
  const select = [src.key.name, ...projected.map((c) => c.name)].join(', ') + extra;
  const sinkKind = table ? 'TABLE' : 'STREAM';
  return {
    seed,
    kind,
    sources: [src],
    sinkName: 'OUT',
    sinkKind,
    ksql: `CREATE ${sinkKind} OUT AS SELECT ${select} FROM SRC WHERE ${where.ksql};`,
    sqlite: `SELECT ${select} FROM SRC WHERE ${where.sqlite}`,
  };
}

function groupCase(g: Gen, seed: number, kind: 'group-stream' | 'group-table'): DiffCase {
  const table = kind === 'group-table';
  const src = source(g, 'SRC', table ? 'TABLE' : 'STREAM', g.pick(['INT', 'STRING'] as const), 1000, !table);
  const groupCol = g.pick(table ? src.columns : [src.key, ...src.columns]);
  const nums = src.columns.filter((c) => isNumeric(c.type));
  const aggs: [string, string][] = [['COUNT(*)', 'COUNT(*)']];
  for (const c of src.columns) {
    if (g.chance(0.4)) aggs.push([`COUNT(${c.name})`, `COUNT(${c.name})`]);
    if (isNumeric(c.type) && g.chance(0.5)) aggs.push([`SUM(${c.name})`, `COALESCE(SUM(${c.name}), 0)`]);
    // ksqlDB's AVG of only NULLs is 0.0 (its AverageUdaf maps a count of 0 to 0.0); SQLite's is NULL.
    if (isNumeric(c.type) && g.chance(0.4)) aggs.push([`AVG(${c.name})`, `COALESCE(AVG(${c.name}), 0.0)`]);
    // ksqlDB has no undo for MIN/MAX, so they aggregate streams only.
    if (!table && g.chance(0.4)) aggs.push([`MIN(${c.name})`, `MIN(${c.name})`]);
    if (!table && g.chance(0.4)) aggs.push([`MAX(${c.name})`, `MAX(${c.name})`]);
  }
  if (nums.length > 0 && g.chance(0.3)) {
    const e = numericExpr(g, nums, '');
    aggs.push([`SUM(${e})`, `COALESCE(SUM(${e}), 0)`]);
  }
  const where = !table && g.chance(0.4) ? predicate(g, [src.key, ...src.columns], '') : undefined;
  const k = aggs.map(([ks], i) => `${ks} AS A${i}`).join(', ');
  const s = aggs.map(([, ss], i) => `${ss} AS A${i}`).join(', ');
  const ksqlWhere = where ? ` WHERE ${where.ksql}` : '';
  const sqlWhere = ` WHERE ${where ? `(${where.sqlite}) AND ` : ''}${groupCol.name} IS NOT NULL`;
  return {
    seed,
    kind,
    sources: [src],
    sinkName: 'OUT',
    sinkKind: 'TABLE',
    // Over a table, a group whose rows all left stays with COUNT 0 in ksqlDB (QTT count.json);
    // HAVING deletes it, as a batch GROUP BY has no such group.
    ksql: `CREATE TABLE OUT AS SELECT ${groupCol.name}, ${k} FROM SRC${ksqlWhere} GROUP BY ${groupCol.name}${table ? ' HAVING COUNT(*) > 0' : ''};`,
    sqlite: `SELECT ${groupCol.name}, ${s} FROM SRC${sqlWhere} GROUP BY ${groupCol.name}`,
  };
}

function joinCase(g: Gen, seed: number, kind: 'join-stream-table' | 'join-table-table'): DiffCase {
  const keyType = g.pick(['INT', 'STRING'] as const);
  const left = kind === 'join-table-table' ? source(g, 'L', 'TABLE', keyType, 1000, false) : source(g, 'L', 'STREAM', keyType, 100_000, false);
  // The right table's rows come first in time (a stream row joins the table as it is then);
  // for table-table joins they interleave, as the final table does not depend on the order.
  const right = source(g, 'R', 'TABLE', keyType, kind === 'join-table-table' ? 1005 : 1000, false);
  const join = g.pick(['JOIN', 'LEFT JOIN']);
  const lk = left.key.name;
  const cols = [
    `L.${lk} AS ${lk}`,
    ...left.columns.filter(() => g.chance(0.7)).map((c) => `L.${c.name} AS L_${c.name}`),
    ...right.columns.filter(() => g.chance(0.7)).map((c) => `R.${c.name} AS R_${c.name}`),
  ].join(', ');
  const where = g.chance(0.3) ? predicate(g, left.columns, 'L.') : undefined;
  const sinkKind = kind === 'join-table-table' ? 'TABLE' : 'STREAM';
  const body = `SELECT ${cols} FROM L ${join} R ON L.${lk} = R.ID`;
  return {
    seed,
    kind,
    sources: [right, left],
    sinkName: 'OUT',
    sinkKind,
    ksql: `CREATE ${sinkKind} OUT AS ${body}${where ? ` WHERE ${where.ksql}` : ''};`,
    sqlite: `${body}${where ? ` WHERE ${where.sqlite}` : ''}`,
  };
}

/** The case of one seed. */
export function generateCase(seed: number): DiffCase {
  const g = new Gen(prng(seed));
  const kind = KINDS[seed % KINDS.length]!;
  switch (kind) {
    case 'filter-stream':
    case 'filter-table':
      return filterCase(g, seed, kind);
    case 'group-stream':
    case 'group-table':
      return groupCase(g, seed, kind);
    case 'join-stream-table':
    case 'join-table-table':
      return joinCase(g, seed, kind);
  }
}
