/** TERMINATE id | ALL: stop persistent queries and record it, so they stay stopped after a restart. */
import type { Terminate } from '../../sql/ast.js';
import { UserError } from '../../sql/diagnostic.js';
import type { StatementContext } from '../context.js';
import type { EngineEvent } from '../events.js';
import { statusResult } from './status.js';

export async function* terminate(ctx: StatementContext, stmt: Terminate): AsyncGenerator<EngineEvent> {
  const { catalog, commands, persistent } = ctx.engine;
  const ids = stmt.queryId === undefined ? catalog.listQueries().map((q) => q.id) : [stmt.queryId];
  for (const id of ids) {
    if (!catalog.getQuery(id)) throw new UserError('UNKNOWN_QUERY', `Unknown queryId: ${id}`, stmt.span);
  }
  for (const id of ids) {
    await persistent.stop(id);
    await commands.execute(catalog, { type: 'terminateQuery', id });
  }
  yield { type: 'result', result: statusResult(ctx.text, `terminate/${stmt.queryId ?? 'ALL'}/execute`, 'Query terminated.') };
}
