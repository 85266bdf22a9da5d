/**
 * WINDOWSTART / WINDOWEND of a windowed aggregation exist only after the aggregation, so a WHERE
 * clause (applied to the input rows) cannot see them unless the source itself is windowed.
 * ksqlDB rejects that while validating column references, before typing, in its own words.
 */
import type { Query } from '../sql/ast.js';
import { UserError } from '../sql/diagnostic.js';
import { forEachExpr } from '../sql/expr-rewrite.js';
import type { Scope } from './expr/index.js';

const WINDOW_BOUNDS: readonly string[] = ['WINDOWSTART', 'WINDOWEND'];

/** Throws when `q` has a WINDOW clause and its WHERE names a window bound its input lacks. */
export function rejectWindowBoundsInWhere(q: Query, inputScope: Scope): void {
  if (!q.window || !q.where) return;
  forEachExpr(q.where, (x) => {
    if (x.kind !== 'ColumnRef' || !WINDOW_BOUNDS.includes(x.name)) return;
    if (inputScope.columns.some((c) => c.name === x.name)) return;
    throw new UserError('UNKNOWN_COLUMN', `Error in WHERE expression: Unknown column ${x.name}.`, x.span);
  });
}
