/**
 * SELECT ... FROM one source [WHERE] [EMIT CHANGES] [LIMIT]: binds the source, types the
 * projection and the filter, names the output columns as ksqlDB does.
 */
import type { Expr, Query } from '../sql/ast.js';
import { UserError } from '../sql/diagnostic.js';
import { BIGINT, INTEGER } from '../types/sql-type.js';
import type { CatalogReader, ColumnSchema, SourceDef } from './catalog.js';
import type { TypedExpr } from './typed-expr.js';
import { expectBoolean, typeExpr, type Scope } from './expr/index.js';

export interface OutputColumn {
  readonly name: string;
  readonly expr: TypedExpr;
}

export interface AnalyzedQuery {
  readonly source: SourceDef;
  /** Columns of an input row, in row-layout order (see sourceRowColumns). */
  readonly inputColumns: readonly ColumnSchema[];
  readonly projection: readonly OutputColumn[];
  readonly where?: TypedExpr;
  readonly emitChanges: boolean;
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
  ];
}

export function analyzeQuery(q: Query, catalog: CatalogReader): AnalyzedQuery {
  const source = catalog.getSource(q.from.name);
  if (!source) {
    throw new UserError('UNKNOWN_SOURCE', `${q.from.name} does not exist.`, q.from.span);
  }
  const inputColumns = sourceRowColumns(source);
  const qualifier = q.from.alias ?? source.name;
  const scope: Scope = { columns: inputColumns.map((c) => ({ name: c.name, type: c.type, source: qualifier })) };

  const projection: OutputColumn[] = [];
  const names = new Set<string>();
  let generated = 0;
  const add = (name: string, expr: TypedExpr, span: Query['span']): void => {
    if (names.has(name)) throw new UserError('DUPLICATE_COLUMN', `Duplicate value columns found in schema: \`${name}\``, span);
    names.add(name);
    projection.push({ name, expr });
  };
  for (const item of q.select) {
    switch (item.kind) {
      case 'AllColumns': {
        if (item.source !== undefined && item.source !== qualifier) {
          throw new UserError('UNKNOWN_SOURCE', `'${item.source}' is not a valid source in this query.`, item.span);
        }
        const visible = [...source.keyColumns, ...source.valueColumns];
        for (const c of visible) {
          add(c.name, typeIn('SELECT', { kind: 'ColumnRef', name: c.name, span: item.span }, scope), item.span);
        }
        break;
      }
      case 'SelectExpr': {
        const typed = typeIn('SELECT', item.expr, scope);
        let name = item.alias ?? derivedName(item.expr);
        if (name === undefined) {
          do name = `KSQL_COL_${generated++}`;
          while (names.has(name));
        }
        add(name, typed, item.span);
        break;
      }
    }
  }

  let where: TypedExpr | undefined;
  if (q.where) {
    where = expectBoolean(typeIn('WHERE', q.where, scope), q.where.span, 'WHERE');
  }
  return {
    source,
    inputColumns,
    projection,
    ...(where ? { where } : {}),
    emitChanges: q.emitChanges,
    ...(q.limit === undefined ? {} : { limit: q.limit }),
  };
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

/** Types `e`, prefixing "cannot be resolved" errors with the clause, as ksqlDB reports them. */
function typeIn(clause: string, e: Expr, scope: Scope): TypedExpr {
  try {
    return typeExpr(e, scope, { rejectUntypedNull: clause === 'SELECT' });
  } catch (err) {
    if (err instanceof UserError && err.code === 'UNKNOWN_COLUMN' && /^Column /.test(err.message)) {
      throw new UserError(err.code, `${clause} column${err.message.slice('Column'.length)}`, err.span);
    }
    throw err;
  }
}
