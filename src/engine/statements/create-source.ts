/** CREATE STREAM / TABLE: validate, create the topic if missing, record the command, update the catalog. */
import { analyzeCreateSource } from '../../analyze/create-source.js';
import type { CreateSource } from '../../sql/ast.js';
import { UserError } from '../../sql/diagnostic.js';
import { sourceSerdes } from '../../exec/source/row-decoder.js';
import type { StatementContext } from '../context.js';
import type { EngineEvent } from '../events.js';
import { alreadyExistsResult, statusResult } from './status.js';

export async function* createSource(ctx: StatementContext, stmt: CreateSource): AsyncGenerator<EngineEvent> {
  const { catalog, store, commands } = ctx.engine;
  const kindWord = stmt.sourceType === 'STREAM' ? 'stream' : 'table';
  const existing = catalog.getSource(stmt.name);
  if (existing && stmt.ifNotExists) {
    yield { type: 'result', result: alreadyExistsResult(ctx.text, stmt.sourceType, stmt.name, existing.kind) };
    return;
  }
  const analyzed = analyzeCreateSource(stmt, catalog, ctx.text, ctx.properties.formatDefaults());
  if (existing && stmt.orReplace && existing.kind !== stmt.sourceType) {
    throw new UserError('SOURCE_EXISTS', `Cannot replace ${existing.kind.toLowerCase()} ${stmt.name} with a ${kindWord}.`, stmt.nameSpan);
  }
  // Fail on unsupported format/type combinations now, not when the first record arrives.
  sourceSerdes(analyzed.source);

  const topic = store.describeTopic(analyzed.source.topic);
  if (topic) {
    if (analyzed.partitionsGiven && topic.config.partitions !== analyzed.partitions) {
      throw new UserError(
        'TOPIC_MISMATCH',
        `A Kafka topic with the name '${topic.name}' already exists, with different partition/replica configuration than required. KSQL expects ${analyzed.partitions} partitions (topic has ${topic.config.partitions}).`,
        stmt.span,
      );
    }
  } else {
    await store.createTopic(analyzed.source.topic, {
      partitions: analyzed.partitions,
      replicationFactor: analyzed.replicas,
      retentionMs: analyzed.retentionMs ?? -1,
      cleanupPolicy: stmt.sourceType === 'TABLE' ? 'compact' : 'delete',
    });
  }
  await commands.execute(catalog, { type: 'createSource', source: analyzed.source });
  const verb = existing ? 'replaced' : 'created';
  yield {
    type: 'result',
    result: statusResult(ctx.text, `${kindWord}/${stmt.name}/create`, `${stmt.sourceType === 'STREAM' ? 'Stream' : 'Table'} ${verb}`),
  };
}
