/**
 * RUN SCRIPT 'file': runs the file's statements in this session; stops at its first error. A
 * session that does not take local scripts (the server's, ksqlDB's engine) fails it as ksqlDB's
 * parser does, whose statements have no RUN.
 */
import { readFile } from 'node:fs/promises';
import type { RunScript } from '../../sql/ast.js';
import { UserError } from '../../sql/diagnostic.js';
import { SYNTAX_ERROR, unknownStatementMessage } from '../../sql/parse.js';

/** The word RUN SCRIPT starts with, which a session without local scripts does not know. */
const RUN_WORD = 'RUN';
import type { StatementContext } from '../context.js';
import type { EngineEvent } from '../events.js';

/** Guards against a script that runs itself. */
export const MAX_SCRIPT_DEPTH = 16;
let depth = 0;

export async function* runScript(ctx: StatementContext, stmt: RunScript): AsyncGenerator<EngineEvent> {
  if (!ctx.runScript) throw new UserError(SYNTAX_ERROR, unknownStatementMessage(RUN_WORD, stmt.span.start, ctx.text), stmt.span);
  let text: string;
  try {
    text = await readFile(stmt.path, 'utf8');
  } catch (err) {
    throw new UserError('FILE_NOT_FOUND', `Cannot read script '${stmt.path}': ${(err as NodeJS.ErrnoException).code ?? String(err)}`, stmt.span);
  }
  if (depth >= MAX_SCRIPT_DEPTH) throw new UserError('SCRIPT_DEPTH', `RUN SCRIPT nested more than ${MAX_SCRIPT_DEPTH} deep`, stmt.span);
  depth++;
  try {
    const ok = yield* ctx.runScript(text);
    if (!ok) throw new NestedScriptFailed();
  } finally {
    depth--;
  }
}

/** The nested script already reported its error; the outer script stops without a second one. */
export class NestedScriptFailed extends Error {}
