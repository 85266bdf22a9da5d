/** INSERT INTO stream SELECT ...: a persistent query writing into an existing stream. */
import { analyzeInsertSelect } from '../../analyze/create-as-select.js';
import type { InsertSelect } from '../../sql/ast.js';
import type { StatementContext } from '../context.js';
import type { EngineEvent } from '../events.js';
import { startPersistentQuery } from './start-persistent.js';
import { statusResult } from './status.js';

export async function* insertSelect(ctx: StatementContext, stmt: InsertSelect): AsyncGenerator<EngineEvent> {
  const analyzed = analyzeInsertSelect(stmt, ctx.engine.catalog, ctx.properties.queryConfig());
  const id = await startPersistentQuery(ctx, 'INSERTQUERY', analyzed, false);
  yield { type: 'result', result: statusResult(ctx.text, `stream/${stmt.target}/create`, `Created query with ID ${id}`) };
}
