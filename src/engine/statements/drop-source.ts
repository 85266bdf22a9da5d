/** DROP STREAM / TABLE [IF EXISTS] [DELETE TOPIC]. */
import type { DropSource } from '../../sql/ast.js';
import { UserError } from '../../sql/diagnostic.js';
import type { StatementContext } from '../context.js';
import type { EngineEvent } from '../events.js';
import { statusResult } from './status.js';

export async function* dropSource(ctx: StatementContext, stmt: DropSource): AsyncGenerator<EngineEvent> {
  const { catalog, store, commands } = ctx.engine;
  const kindWord = stmt.sourceType === 'STREAM' ? 'Stream' : 'Table';
  const source = catalog.getSource(stmt.name);
  if (!source) {
    if (stmt.ifExists) {
      yield { type: 'result', result: statusResult(ctx.text, `${kindWord.toLowerCase()}/${stmt.name}/drop`, `Source \`${stmt.name}\` does not exist.`) };
      return;
    }
    throw new UserError('UNKNOWN_SOURCE', `${kindWord} ${stmt.name} does not exist.`, stmt.nameSpan);
  }
  if (source.kind !== stmt.sourceType) {
    throw new UserError(
      'WRONG_SOURCE_TYPE',
      `Incompatible data source type is ${source.kind}, but statement was DROP ${stmt.sourceType}`,
      stmt.nameSpan,
    );
  }
  if (stmt.deleteTopic && source.isSource) {
    throw new UserError('READ_ONLY_SOURCE', `Cannot delete topic for read-only source: ${stmt.name}`, stmt.span);
  }
  const { readers, writers } = ctx.engine.persistent.usersOf(stmt.name);
  if (readers.length > 0 || writers.length > 0) {
    throw new UserError(
      'SOURCE_IN_USE',
      `Cannot drop ${stmt.name}.\nThe following queries read from this source: [${readers.join(', ')}].\nThe following queries write into this source: [${writers.join(', ')}].\nYou need to terminate them before dropping ${stmt.name}.`,
      stmt.nameSpan,
    );
  }
  await commands.execute(catalog, { type: 'dropSource', name: stmt.name });
  if (stmt.deleteTopic && catalog.sourcesOnTopic(source.topic).length === 0 && store.describeTopic(source.topic)) {
    await store.deleteTopic(source.topic);
  }
  yield { type: 'result', result: statusResult(ctx.text, `${kindWord.toLowerCase()}/${stmt.name}/drop`, `Source \`${stmt.name}\` (topic: ${source.topic}) was dropped.`) };
}
