/** CREATE STREAM/TABLE ... AS SELECT: create the sink and its topic, record the query, start it. */
import { analyzeCreateAsSelect } from '../../analyze/create-as-select.js';
import { sanitizedStatementText } from '../../analyze/statement-text.js';
import { sourceSerdes } from '../../exec/source/row-decoder.js';
import type { CreateAsSelect } from '../../sql/ast.js';
import { UserError } from '../../sql/diagnostic.js';
import type { StatementContext } from '../context.js';
import type { EngineEvent } from '../events.js';
import { OUTPUT_TOPIC_PREFIX_PROPERTY } from '../properties.js';
import { startPersistentQuery } from './start-persistent.js';
import { alreadyExistsResult, statusResult } from './status.js';

export async function* createAsSelect(ctx: StatementContext, stmt: CreateAsSelect): AsyncGenerator<EngineEvent> {
  const { catalog, persistent } = ctx.engine;
  const kindWord = stmt.sourceType === 'STREAM' ? 'stream' : 'table';
  const existing = catalog.getSource(stmt.name);
  if (existing && stmt.ifNotExists) {
    yield { type: 'result', result: alreadyExistsResult(ctx.text, stmt.sourceType, stmt.name, existing.kind) };
    return;
  }
  const topicPrefix = ctx.properties.get(OUTPUT_TOPIC_PREFIX_PROPERTY);
  const defaults = { ...ctx.properties.formatDefaults(), ...(topicPrefix ? { outputTopicPrefix: topicPrefix } : {}) };
  const analyzed = analyzeCreateAsSelect(stmt, catalog, ctx.text, false, defaults, ctx.properties.queryConfig());
  if (existing) {
    const { writers } = persistent.usersOf(stmt.name);
    if (existing.kind !== stmt.sourceType || writers.length > 0) {
      throw new UserError('NOT_SUPPORTED', `Cannot replace ${existing.kind.toLowerCase()} ${stmt.name}: replacing a source that a query writes into is not supported yet.`, stmt.nameSpan);
    }
  }
  try {
    sourceSerdes(analyzed.sink);
  } catch (err) {
    // ksqlDB raises a sink its formats cannot hold while planning, naming the planned statement.
    if (err instanceof UserError) throw new UserError(err.code, `${err.message}\nStatement: ${sanitizedStatementText(stmt, analyzed.query)}`, err.span);
    throw err;
  }
  const prefix = stmt.sourceType === 'STREAM' ? 'CSAS' : 'CTAS';
  const id = await startPersistentQuery(ctx, `${prefix}_${stmt.name}`, analyzed, true);
  yield { type: 'result', result: statusResult(ctx.text, `${kindWord}/${stmt.name}/create`, `Created query with ID ${id}`) };
}
