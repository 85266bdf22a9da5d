/**
 * INSERT INTO s [(cols)] VALUES (...): binds target columns (key, value and ROWTIME) and types the
 * value expressions (which may not reference columns); the caller evaluates and coerces them.
 */
import type { InsertValues } from '../sql/ast.js';
import { UserError } from '../sql/diagnostic.js';
import { BIGINT, typeToString, type SqlType } from '../types/sql-type.js';
import { canCoerce } from '../types/coercion.js';
import type { CatalogReader, SourceDef } from './catalog.js';
import type { TypedExpr } from './typed-expr.js';
import { typeExpr } from './expr/index.js';

export interface InsertAssignment {
  /** Index into [...keyColumns, ...valueColumns], or -1 for ROWTIME. */
  readonly column: number;
  readonly name: string;
  readonly type: SqlType;
  readonly expr: TypedExpr;
}

export interface AnalyzedInsert {
  readonly source: SourceDef;
  readonly assignments: readonly InsertAssignment[];
}

export function analyzeInsertValues(stmt: InsertValues, catalog: CatalogReader): AnalyzedInsert {
  const source = catalog.getSource(stmt.target);
  if (!source) {
    throw new UserError('UNKNOWN_SOURCE', `Cannot insert values into an unknown stream/table: \`${stmt.target}\``, stmt.targetSpan);
  }
  if (source.isSource) {
    throw new UserError('READ_ONLY_SOURCE', `Cannot insert values into read-only ${source.kind.toLowerCase()}: ${source.name}`, stmt.targetSpan);
  }
  const columns = [...source.keyColumns, ...source.valueColumns];
  const targets: { name: string; span: InsertValues['span'] }[] = stmt.columns
    ? [...stmt.columns]
    : columns.map((c) => ({ name: c.name, span: stmt.targetSpan }));
  if (targets.length !== stmt.values.length) {
    throw new UserError(
      'VALUE_COUNT',
      `Expected a value for each column. Expected Columns: [${targets.map((t) => t.name).join(', ')}]. Got ${stmt.values.length} value${stmt.values.length === 1 ? '' : 's'}.`,
      stmt.span,
    );
  }
  const headerTargets = targets.filter((t) => columns.find((c) => c.name === t.name)?.header);
  if (headerTargets.length > 0) {
    throw new UserError('HEADER_COLUMN', `Cannot insert into HEADER columns: ${headerTargets.map((t) => t.name).join(', ')}`, headerTargets[0]!.span);
  }
  const seen = new Set<string>();
  const assignments: InsertAssignment[] = [];
  targets.forEach((t, i) => {
    if (seen.has(t.name)) throw new UserError('DUPLICATE_COLUMN', `Column name \`${t.name}\` is given twice.`, t.span);
    seen.add(t.name);
    const column = t.name === 'ROWTIME' ? -1 : columns.findIndex((c) => c.name === t.name);
    if (column === -1 && t.name !== 'ROWTIME') {
      throw new UserError('UNKNOWN_COLUMN', `Column name \`${t.name}\` does not exist.`, t.span);
    }
    const type = column === -1 ? BIGINT : columns[column]!.type;
    const valueExpr = stmt.values[i]!;
    const expr = typeExpr(valueExpr, { columns: [] });
    if (!canCoerce(expr.type, type)) {
      throw new UserError(
        'TYPE_MISMATCH',
        `Expected type ${typeToString(type)} for field \`${t.name}\` but got ${typeToString(expr.type)}`,
        valueExpr.span,
      );
    }
    assignments.push({ column, name: t.name, type, expr });
  });
  return { source, assignments };
}
