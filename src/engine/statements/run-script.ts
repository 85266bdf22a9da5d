/** RUN SCRIPT 'file': runs the file's statements in this session; stops at its first error. */
import { readFile } from 'node:fs/promises';
import type { RunScript } from '../../sql/ast.js';
import { UserError } from '../../sql/diagnostic.js';
import type { StatementContext } from '../context.js';
import type { EngineEvent } from '../events.js';

/** Guards against a script that runs itself. */
export const MAX_SCRIPT_DEPTH = 16;
let depth = 0;

export async function* runScript(ctx: StatementContext, stmt: RunScript): AsyncGenerator<EngineEvent> {
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
