/**
 * CREATE TYPE / DROP TYPE: named aliases for types, kept in the catalog through the command topic.
 * A definition is stored expanded (the parser replaced the custom types it names), so dropping or
 * redefining a type never changes the sources and queries that used it, as ksqlDB documents.
 */
import type { CreateType, DropType } from '../../sql/ast.js';
import { UserError } from '../../sql/diagnostic.js';
import { typeToString, type SqlType } from '../../types/sql-type.js';
import type { StatementContext } from '../context.js';
import type { EngineEvent } from '../events.js';
import type { SchemaInfo } from '../results.js';
import { statusResult } from './status.js';

export async function* createType(ctx: StatementContext, stmt: CreateType): AsyncGenerator<EngineEvent> {
  const { catalog, commands } = ctx.engine;
  const commandId = `type/${stmt.name}/create`;
  const existing = catalog.getType(stmt.name);
  if (existing) {
    const message = `Cannot register custom type '${stmt.name}' since it is already registered with type: ${typeToString(existing)}`;
    if (!stmt.ifNotExists) throw new UserError('TYPE_EXISTS', message, stmt.nameSpan);
    yield { type: 'result', result: statusResult(ctx.text, commandId, message) };
    return;
  }
  await commands.execute(catalog, { type: 'createType', name: stmt.name, sqlType: stmt.type });
  yield { type: 'result', result: statusResult(ctx.text, commandId, `Registered custom type with name '${stmt.name}' and SQL type ${typeToString(stmt.type)}`) };
}

export async function* dropType(ctx: StatementContext, stmt: DropType): AsyncGenerator<EngineEvent> {
  const { catalog, commands } = ctx.engine;
  const commandId = `type/${stmt.name}/drop`;
  if (!catalog.getType(stmt.name)) {
    const message = `Type ${stmt.name} does not exist.`;
    if (!stmt.ifExists) throw new UserError('UNKNOWN_TYPE', message, stmt.nameSpan);
    yield { type: 'result', result: statusResult(ctx.text, commandId, message) };
    return;
  }
  await commands.execute(catalog, { type: 'dropType', name: stmt.name });
  yield { type: 'result', result: statusResult(ctx.text, commandId, `Dropped type '${stmt.name}'`) };
}

/** A type as ksqlDB's REST API describes it (SchemaInfo). */
export function schemaInfo(t: SqlType): SchemaInfo {
  switch (t.kind) {
    case 'ARRAY':
      return { type: 'ARRAY', fields: null, memberSchema: schemaInfo(t.element) };
    case 'MAP':
      return { type: 'MAP', fields: null, memberSchema: schemaInfo(t.value) };
    case 'STRUCT':
      return { type: 'STRUCT', fields: t.fields.map((f) => ({ name: f.name, schema: schemaInfo(f.type) })), memberSchema: null };
    case 'DECIMAL':
      return { type: 'DECIMAL', fields: null, memberSchema: null, parameters: { precision: t.precision, scale: t.scale } };
    case 'BOOLEAN':
    case 'INTEGER':
    case 'BIGINT':
    case 'DOUBLE':
    case 'STRING':
    case 'BYTES':
    case 'TIMESTAMP':
    case 'DATE':
    case 'TIME':
      return { type: t.kind, fields: null, memberSchema: null };
  }
}
