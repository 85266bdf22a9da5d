/** Shared by CREATE ... AS SELECT and INSERT INTO ... SELECT: sink topic, command, start. */
import type { AnalyzedPersistentQuery } from '../../analyze/create-as-select.js';
import type { StatementContext } from '../context.js';
import { AUTO_OFFSET_RESET } from '../properties.js';

/** Returns the new query's id: `${idPrefix}_${n}` with n from the catalog's query counter. */
export async function startPersistentQuery(ctx: StatementContext, idPrefix: string, analyzed: AnalyzedPersistentQuery, newSink: boolean): Promise<string> {
  const { catalog, store, commands, persistent } = ctx.engine;
  const sink = analyzed.sink;
  if (!store.describeTopic(sink.topic)) {
    const sourceTopic = store.describeTopic(analyzed.query.source.topic);
    await store.createTopic(sink.topic, {
      partitions: analyzed.partitions || sourceTopic?.config.partitions || 1,
      replicationFactor: analyzed.replicas,
      retentionMs: -1,
      cleanupPolicy: sink.kind === 'TABLE' ? 'compact' : 'delete',
    });
  }
  const id = `${idPrefix}_${catalog.nextQueryNumber}`;
  const from = ctx.properties.get(AUTO_OFFSET_RESET) === 'earliest' ? 'earliest' : 'latest';
  const config = Object.keys(analyzed.config).length > 0 ? { config: analyzed.config } : {};
  const def = { id, statementText: ctx.text, sink: sink.name, from, ...config } as const;
  await commands.execute(catalog, { type: 'startQuery', query: def, ...(newSink ? { sink } : {}) });
  persistent.start(def, analyzed);
  return id;
}
