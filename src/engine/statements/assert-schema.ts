/**
 * ASSERT [NOT EXISTS] SCHEMA [SUBJECT name] [ID n]: whether a schema registry holds the schema.
 * streamsql has no schema registry (decisions/0054-assert-schema-without-registry.md): no schema
 * exists, so ASSERT SCHEMA fails at once with ksqlDB's "does not exist" and ASSERT NOT EXISTS
 * SCHEMA succeeds. Waiting for TIMEOUT could not change the answer, so it is not waited.
 */
import type { AssertSchema } from '../../sql/ast.js';
import { UserError } from '../../sql/diagnostic.js';
import type { StatementContext } from '../context.js';
import type { EngineEvent } from '../events.js';
import { statusResult } from './status.js';

export async function* assertSchema(ctx: StatementContext, stmt: AssertSchema): AsyncGenerator<EngineEvent> {
  const subject = stmt.subject !== undefined ? ` subject name ${stmt.subject}` : '';
  const id = stmt.id !== undefined ? ` id ${stmt.id}` : '';
  const missing = `Schema with${subject}${id} does not exist`;
  if (stmt.exists) throw new UserError('ASSERTION_FAILED', missing, stmt.span);
  yield { type: 'result', result: statusResult(ctx.text, `schema${stmt.subject ? `/${stmt.subject}` : ''}${id ? `/${stmt.id}` : ''}/assert`, missing) };
}
