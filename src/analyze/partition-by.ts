/**
 * PARTITION BY: re-keys a stream before the projection sees it. The new key columns are the
 * partitioning expressions; the old key columns become value columns (as in ksqlDB).
 *
 * Key column names follow ksqlDB: a column reference keeps its name (even a pseudo column such as
 * ROWTIME), a struct field its field name, anything else a generated KSQL_COL_n. A SELECT
 * expression equal to a partitioning expression reads the key column, so `SELECT UCASE(a) AS k ...
 * PARTITION BY UCASE(a)` makes `k` the key of the result.
 */
import type { Expr } from '../sql/ast.js';
import { UserError, type Span } from '../sql/diagnostic.js';
import { exprKey, forEachExpr } from '../sql/expr-rewrite.js';
import { PSEUDO_COLUMNS, type ColumnSchema, type SourceDef } from './catalog.js';
import type { Scope } from './expr/index.js';
import type { OutputColumn } from './query.js';
import { sourceRowColumns } from './query.js';
import type { TypedExpr } from './typed-expr.js';

export const PARTITION_BY_TABLE_MESSAGE = 'PARTITION BY is not supported on a TABLE source: a table is already keyed by its PRIMARY KEY. Use GROUP BY to re-key a table.';

export interface RekeyedSource {
  /** The source as the projection sees it: key columns are the partitioning expressions. */
  readonly source: SourceDef;
  /** The re-keyed row, computed from the input row, in the layout of `source`. */
  readonly columns: readonly OutputColumn[];
  /**
   * Per column: computed for a record with a null value? ksqlDB computes a key expression that
   * reads only key columns; every other column of such a record is NULL.
   */
  readonly onNullValue: readonly boolean[];
  /** The projection's scope over the re-keyed row. */
  scope(qualifier: string): Scope;
  /** A SELECT expression equal to a partitioning expression, as a reference to its key column. */
  useKeyColumn(e: Expr): Expr;
}

const PSEUDO: ReadonlySet<string> = new Set<string>([...PSEUDO_COLUMNS, 'WINDOWSTART', 'WINDOWEND']);

export function analyzePartitionBy(
  exprs: readonly Expr[],
  span: Span,
  from: SourceDef,
  inputColumns: readonly ColumnSchema[],
  typeIn: (e: Expr) => TypedExpr,
): RekeyedSource {
  const keyExprs = partitionKeyExprs(exprs, span);
  const typed = keyExprs.map(typeIn);
  const sourceNames = new Set([...from.keyColumns, ...from.valueColumns].map((c) => c.name));
  const keyNames = keyColumnNames(keyExprs, (e) => (e.kind === 'ColumnRef' ? e.name : undefined), sourceNames);
  const keyColumns: ColumnSchema[] = keyNames.map((name, i) => ({ name, type: typed[i]!.type }));
  const taken = new Set(keyNames);
  const valueColumns = [...from.valueColumns, ...from.keyColumns].filter((c) => !taken.has(c.name));
  const at = (name: string): TypedExpr => {
    const i = inputColumns.findIndex((c) => c.name === name);
    return { kind: 'Column', index: i, name, type: inputColumns[i]!.type };
  };
  const trailing = ['ROWTIME', 'ROWPARTITION', 'ROWOFFSET', ...(from.windowType ? ['WINDOWSTART', 'WINDOWEND'] : [])];
  const columns: OutputColumn[] = [
    ...keyColumns.map((c, i) => ({ name: c.name, expr: typed[i]! })),
    ...valueColumns.map((c) => ({ name: c.name, expr: at(c.name) })),
    // A windowed source keeps its window bounds readable after the re-key (sourceRowColumns).
    ...trailing.map((n) => ({ name: n, expr: at(n) })),
  ];
  const oldKeys = new Set(from.keyColumns.map((c) => c.name));
  const onNullValue = [
    ...keyExprs.map((e) => readsOnly(e, oldKeys)),
    ...valueColumns.map(() => false),
    ...trailing.map(() => true),
  ];
  const source: SourceDef = { ...from, keyColumns, valueColumns };
  const byExpr = new Map(keyExprs.map((e, i) => [exprKey(e), keyNames[i]!]));
  return {
    source,
    columns,
    onNullValue,
    scope(qualifier) {
      // A key column named after a pseudo column (PARTITION BY ROWTIME) hides the pseudo column.
      return {
        columns: sourceRowColumns(source).map((c, i) => ({
          name: i >= keyColumns.length && PSEUDO.has(c.name) && taken.has(c.name) ? `${c.name} (shadowed)` : c.name,
          type: c.type,
          source: qualifier,
        })),
      };
    },
    useKeyColumn(e) {
      const name = byExpr.get(exprKey(e));
      return name === undefined ? e : { kind: 'ColumnRef', name, span: e.span };
    },
  };
}

/** PARTITION BY's expressions, checked; none for PARTITION BY NULL (no key at all). */
export function partitionKeyExprs(exprs: readonly Expr[], span: Span): readonly Expr[] {
  if (exprs.length === 0) throw new UserError('PARTITION_BY_EMPTY', 'PARTITION BY requires at least one expression', span);
  const nulls = exprs.filter((e) => e.kind === 'NullLiteral');
  if (nulls.length > 0 && exprs.length > 1) {
    throw new UserError('PARTITION_BY_NULL', 'Cannot PARTITION BY multiple columns including NULL', nulls[0]!.span);
  }
  return nulls.length > 0 ? [] : exprs;
}

/**
 * Key column names: a column's name (`columnName`), a struct field's name, else (or when taken by
 * an earlier key) the next KSQL_COL_n that no column in `taken` has.
 */
export function keyColumnNames(keyExprs: readonly Expr[], columnName: (e: Expr) => string | undefined, taken: ReadonlySet<string>): string[] {
  const keyNames: string[] = [];
  let generated = 0;
  for (const e of keyExprs) {
    let name = columnName(e) ?? (e.kind === 'Dereference' ? e.field : undefined);
    if (name === undefined || keyNames.includes(name)) {
      do name = `KSQL_COL_${generated++}`;
      while (taken.has(name) || keyNames.includes(name));
    }
    keyNames.push(name);
  }
  return keyNames;
}

/** Whether every column `e` reads (if any) is one of `names`. */
function readsOnly(e: Expr, names: ReadonlySet<string>): boolean {
  let other = false;
  forEachExpr(e, (x) => {
    if (x.kind === 'ColumnRef' && !names.has(x.name)) other = true;
  });
  return !other;
}
