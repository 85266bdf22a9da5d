/**
 * ALTER STREAM|TABLE ... ADD COLUMN: appends value columns to a stream or table created by
 * CREATE ... WITH. Records already on the topic read the new columns as NULL. Not for SOURCE
 * (read-only) sources, nor for sinks of CREATE ... AS SELECT, whose schema their query defines.
 */
import type { ColumnSchema } from '../../analyze/catalog.js';
import { PSEUDO_COLUMNS } from '../../analyze/catalog.js';
import type { AlterSource } from '../../sql/ast.js';
import { UserError } from '../../sql/diagnostic.js';
import type { StatementContext } from '../context.js';
import type { EngineEvent } from '../events.js';
import { sourceSerdes } from '../../exec/source/row-decoder.js';
import { statusResult } from './status.js';

export async function* alterSource(ctx: StatementContext, stmt: AlterSource): AsyncGenerator<EngineEvent> {
  const { catalog, commands } = ctx.engine;
  const word = stmt.sourceType === 'STREAM' ? 'stream' : 'table';
  const source = catalog.getSource(stmt.name);
  if (!source) throw new UserError('UNKNOWN_SOURCE', `Source ${stmt.name} does not exist.`, stmt.nameSpan);
  if (source.kind !== stmt.sourceType) {
    throw new UserError('WRONG_SOURCE_TYPE', `Incompatible data source type is ${source.kind}, but statement was ALTER ${stmt.sourceType}`, stmt.nameSpan);
  }
  if (source.isSource) {
    throw new UserError('READ_ONLY_SOURCE', `Cannot alter ${word} '${stmt.name}': ALTER operations are not supported on source ${word}s.`, stmt.span);
  }
  if (catalog.listQueries().some((q) => q.sink === stmt.name && /^\s*CREATE\b/i.test(q.statementText))) {
    throw new UserError('NOT_SUPPORTED', 'ALTER command is not supported for CREATE ... AS statements.', stmt.span);
  }
  const taken = new Set([...source.keyColumns, ...source.valueColumns].map((c) => c.name));
  const added: ColumnSchema[] = [];
  for (const c of stmt.columns) {
    if (taken.has(c.name) || (PSEUDO_COLUMNS as readonly string[]).includes(c.name)) {
      throw new UserError('DUPLICATE_COLUMN', `Cannot add column \`${c.name}\` to schema. A column with the same name already exists.`, c.span);
    }
    taken.add(c.name);
    added.push({ name: c.name, type: c.type });
  }
  const altered = { ...source, valueColumns: [...source.valueColumns, ...added] };
  // The value format must hold the new columns (e.g. KAFKA holds one).
  sourceSerdes(altered);
  await commands.execute(catalog, { type: 'createSource', source: altered });
  yield { type: 'result', result: statusResult(ctx.text, `${word}/${stmt.name}/alter`, `${word === 'stream' ? 'Stream' : 'Table'} ${stmt.name} altered.`) };
}
