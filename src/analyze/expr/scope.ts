/** Name resolution of column references against the columns visible to an expression. */
import type { ColumnRef } from '../../sql/ast.js';
import { UserError } from '../../sql/diagnostic.js';
import type { SqlType } from '../../types/sql-type.js';

export interface ScopeColumn {
  readonly name: string;
  readonly type: SqlType;
  /** The source (or its alias) the column comes from; a qualified reference `s.a` must match it. */
  readonly source?: string;
}

/** Columns in row-layout order: a column's position here is its index in the row. */
export interface Scope {
  readonly columns: readonly ScopeColumn[];
}

export function resolveColumn(ref: ColumnRef, scope: Scope): { index: number; column: ScopeColumn } {
  const hits: number[] = [];
  scope.columns.forEach((c, i) => {
    if (c.name === ref.name && (ref.source === undefined || c.source === ref.source)) hits.push(i);
  });
  if (hits.length === 0) {
    const shown = ref.source === undefined ? ref.name : `${ref.source}.${ref.name}`;
    throw new UserError('UNKNOWN_COLUMN', `Column '${shown}' cannot be resolved.`, ref.span);
  }
  if (hits.length > 1) {
    const options = hits.map((i) => {
      const c = scope.columns[i]!;
      return c.source === undefined ? c.name : `${c.source}.${c.name}`;
    });
    throw new UserError(
      'AMBIGUOUS_COLUMN',
      `Column '${ref.name}' is ambiguous. Could be ${options.slice(0, -1).join(', ')} or ${options[options.length - 1]}.`,
      ref.span,
    );
  }
  const index = hits[0]!;
  return { index, column: scope.columns[index]! };
}
