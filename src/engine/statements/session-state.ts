/** SET / UNSET properties and DEFINE / UNDEFINE variables: session state, nothing durable. */
import type { DefineVariable, SetProperty, UndefineVariable, UnsetProperty } from '../../sql/ast.js';
import { UserError } from '../../sql/diagnostic.js';
import type { StatementContext } from '../context.js';
import type { EngineEvent } from '../events.js';
import { validateProperty } from '../properties.js';

export async function* setProperty(ctx: StatementContext, stmt: SetProperty): AsyncGenerator<EngineEvent> {
  const error = validateProperty(stmt.name, stmt.value);
  if (error) throw new UserError('INVALID_PROPERTY', error, stmt.span);
  const previous = ctx.properties.set(stmt.name, stmt.value);
  yield { type: 'result', result: { '@type': 'property_changed', statementText: ctx.text, name: stmt.name, value: stmt.value, previous: previous ?? null } };
}

export async function* unsetProperty(ctx: StatementContext, stmt: UnsetProperty): AsyncGenerator<EngineEvent> {
  const previous = ctx.properties.unset(stmt.name);
  yield { type: 'result', result: { '@type': 'property_changed', statementText: ctx.text, name: stmt.name, value: null, previous: previous ?? null } };
}

/** Variable names are case-insensitive (ksqlDB); we store them lower-cased. */
export async function* defineVariable(ctx: StatementContext, stmt: DefineVariable): AsyncGenerator<EngineEvent> {
  const name = stmt.name.toLowerCase();
  const previous = ctx.variables.get(name);
  ctx.variables.set(name, stmt.value);
  yield { type: 'result', result: { '@type': 'property_changed', statementText: ctx.text, name: stmt.name, value: stmt.value, previous: previous ?? null } };
}

export async function* undefineVariable(ctx: StatementContext, stmt: UndefineVariable): AsyncGenerator<EngineEvent> {
  const name = stmt.name.toLowerCase();
  const previous = ctx.variables.get(name);
  ctx.variables.delete(name);
  yield { type: 'result', result: { '@type': 'property_changed', statementText: ctx.text, name: stmt.name, value: null, previous: previous ?? null } };
}
