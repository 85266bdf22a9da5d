/**
 * PAUSE id | ALL and RESUME id | ALL (ksqlDB 0.29+): a paused persistent query stops consuming but
 * keeps its offsets and state; RESUME continues from there. The command topic records both, so a
 * paused query stays paused across a restart.
 */
import type { PauseResume } from '../../sql/ast.js';
import { UserError } from '../../sql/diagnostic.js';
import type { StatementContext } from '../context.js';
import type { EngineEvent } from '../events.js';
import { statusResult } from './status.js';

export async function* pauseResume(ctx: StatementContext, stmt: PauseResume): AsyncGenerator<EngineEvent> {
  const { catalog, commands, persistent } = ctx.engine;
  const ids = stmt.queryId === undefined ? catalog.listQueries().map((q) => q.id) : [stmt.queryId];
  for (const id of ids) {
    if (!catalog.getQuery(id)) throw new UserError('UNKNOWN_QUERY', `Unknown queryId: ${id}`, stmt.span);
  }
  const pause = stmt.action === 'PAUSE';
  for (const id of ids) {
    // Only a change is recorded: pausing a paused query (or resuming a running one) does nothing.
    if (catalog.getQuery(id)!.paused === pause) continue;
    if (pause) await persistent.pause(id);
    await commands.execute(catalog, { type: pause ? 'pauseQuery' : 'resumeQuery', id });
    if (!pause) persistent.resume(id);
  }
  const verb = pause ? 'paused' : 'resumed';
  yield { type: 'result', result: statusResult(ctx.text, `${stmt.action.toLowerCase()}/${stmt.queryId ?? 'ALL'}/execute`, `Query ${verb}.`) };
}
