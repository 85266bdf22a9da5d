/**
 * PARTITION BY over a join's result. ksqlDB re-keys the join's output schema, in which every
 * column of every source is a value column named <source>_<column> (its pseudo columns too:
 * L_ROWTIME, L_ROWPARTITION, L_ROWOFFSET), so:
 *
 * - a partitioning column reference is named after that column: `PARTITION BY L.B` (or `B` when
 *   only L has a B) gives the key column L_B; a struct field its field name; anything else KSQL_COL_n;
 * - `SELECT *` gives the new key columns, then per source its value columns, pseudo columns, window
 *   bounds and key columns, each <source>_<column>, leaving out the ones that became key columns;
 * - a SELECT item equal to a partitioning expression reads the key column (as for one source).
 *
 * The re-keyed row is [...new key columns, ...the join row], so every qualified reference of the
 * projection keeps resolving into the join row.
 */
import type { Expr } from '../sql/ast.js';
import type { Span } from '../sql/diagnostic.js';
import { formatExpr, type Scope } from './expr/index.js';
import type { ColumnSchema, SourceDef } from './catalog.js';
import type { AnalyzedJoins } from './join.js';
import { keyColumnNames, partitionKeyExprs, type RekeyedSource } from './partition-by.js';
import type { OutputColumn } from './query.js';
import type { TypedExpr } from './typed-expr.js';

/** One column `SELECT *` selects after the re-key: its output name and what it reads. */
export interface StarItem {
  readonly name: string;
  readonly ref: Expr;
}

export interface RekeyedJoin extends RekeyedSource {
  /** `SELECT *` (or `s.*` for the sides whose qualifier is `only`). */
  star(only: string | undefined, span: Span): StarItem[];
}

const PSEUDO = ['ROWTIME', 'ROWPARTITION', 'ROWOFFSET'];

export function analyzeJoinPartitionBy(
  exprs: readonly Expr[],
  span: Span,
  joined: AnalyzedJoins,
  typeIn: (e: Expr) => TypedExpr,
): RekeyedJoin {
  const keyExprs = partitionKeyExprs(exprs, span).map(joined.qualify);
  const typed = keyExprs.map(typeIn);

  // The join's value columns in ksqlDB's order: per source, value, pseudo, window bounds (of a
  // windowed source), then key columns.
  const joinValues = joined.sides.flatMap((side) => {
    const s = side.source;
    const bounds = s.windowType ? ['WINDOWSTART', 'WINDOWEND'] : [];
    const names = [...s.valueColumns.map((c) => c.name), ...PSEUDO, ...bounds, ...s.keyColumns.map((c) => c.name)];
    return names.map((name) => ({ qualifier: side.qualifier, name, alias: `${side.qualifier}_${name}` }));
  });
  const taken = new Set(joinValues.map((c) => c.alias));
  const keyNames = keyColumnNames(keyExprs, (e) => (e.kind === 'ColumnRef' ? `${e.source}_${e.name}` : undefined), taken);
  const keyColumns: ColumnSchema[] = keyNames.map((name, i) => ({ name, type: typed[i]!.type }));
  const isKey = new Set(keyNames);
  const typeOf = (q: string, name: string): ColumnSchema['type'] => joined.scope.columns.find((c) => c.source === q && c.name === name)!.type;
  const valueColumns: ColumnSchema[] = joinValues.filter((c) => !isKey.has(c.alias)).map((c) => ({ name: c.alias, type: typeOf(c.qualifier, c.name) }));

  const columns: OutputColumn[] = [
    ...keyColumns.map((c, i) => ({ name: c.name, expr: typed[i]! })),
    ...joined.columns.map((c, i): OutputColumn => ({ name: c.name, expr: { kind: 'Column', index: i, name: c.name, type: c.type } })),
  ];
  const left = joined.sides[0]!.source;
  // The result is a stream keyed by the partitioning expressions (no window: the key is new).
  const { windowType: _w, windowSizeMs: _s, ...unwindowed } = left;
  const source: SourceDef = { ...unwindowed, kind: 'STREAM', keyColumns, valueColumns };
  const byText = new Map(keyExprs.map((e, i) => [formatExpr(e), keyNames[i]!]));
  const scope: Scope = { columns: [...keyColumns.map((c) => ({ name: c.name, type: c.type })), ...joined.scope.columns] };
  return {
    source,
    columns,
    // A join's result rows always have a value.
    onNullValue: columns.map(() => true),
    scope: () => scope,
    useKeyColumn(e) {
      const name = byText.get(formatExpr(joined.qualify(e)));
      return name === undefined ? e : { kind: 'ColumnRef', name, span: e.span };
    },
    star(only, at) {
      const keys = only === undefined ? keyNames.map((name): StarItem => ({ name, ref: { kind: 'ColumnRef', name, span: at } })) : [];
      const values = joinValues
        .filter((c) => !isKey.has(c.alias) && (only === undefined || c.qualifier === only))
        .map((c): StarItem => ({ name: c.alias, ref: { kind: 'ColumnRef', source: c.qualifier, name: c.name, span: at } }));
      const synthetic = joined.key.syntheticName;
      const rowkey: StarItem[] = synthetic !== undefined && only === undefined ? [{ name: synthetic, ref: { kind: 'ColumnRef', name: synthetic, span: at } }] : [];
      return [...keys, ...values, ...rowkey];
    },
  };
}
