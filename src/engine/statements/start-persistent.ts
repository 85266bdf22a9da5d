/** Shared by CREATE ... AS SELECT and INSERT INTO ... SELECT: sink topic, command, start. */
import type { AnalyzedPersistentQuery } from '../../analyze/create-as-select.js';
import type { StatementContext } from '../context.js';
import { DEFAULT_KEY_FORMAT } from '../../analyze/create-source.js';
import { checkJoinPartitions } from '../../analyze/join-partitions.js';
import { joinInternalTopics, queryApplicationId } from '../../plan/internal-topics.js';
import { AUTO_OFFSET_RESET, SERVICE_ID } from '../properties.js';

/** Returns the new query's id: `${idPrefix}_${n}` with n from the catalog's query counter. */
export async function startPersistentQuery(ctx: StatementContext, idPrefix: string, analyzed: AnalyzedPersistentQuery, newSink: boolean): Promise<string> {
  const { catalog, store, commands, persistent } = ctx.engine;
  const sink = analyzed.sink;
  checkJoinPartitions(analyzed.query, (topic) => store.describeTopic(topic)?.config.partitions);
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
  await createInternalTopics(ctx, id, analyzed);
  const from = ctx.properties.get(AUTO_OFFSET_RESET) === 'earliest' ? 'earliest' : 'latest';
  const config = Object.keys(analyzed.config).length > 0 ? { config: analyzed.config } : {};
  const def = { id, statementText: ctx.text, sink: sink.name, from, ...config } as const;
  await commands.execute(catalog, { type: 'startQuery', query: def, ...(newSink ? { sink } : {}) });
  persistent.start(def, analyzed);
  return id;
}

/** The internal topics ksqlDB's topology of the query would have (plan/internal-topics.ts), created as Kafka Streams does at start. */
async function createInternalTopics(ctx: StatementContext, id: string, analyzed: AnalyzedPersistentQuery): Promise<void> {
  const { query } = analyzed;
  if (!query.joins) return;
  const { store } = ctx.engine;
  const app = queryApplicationId(ctx.properties.get(SERVICE_ID) ?? '', id);
  const defaultKeyFormat = ctx.properties.formatDefaults().keyFormat?.toUpperCase() ?? DEFAULT_KEY_FORMAT;
  for (const t of joinInternalTopics(query.scanned, query.joins, defaultKeyFormat)) {
    const name = `${app}-${t.name}`;
    if (store.describeTopic(name)) continue;
    const partitions = store.describeTopic(t.like.topic)?.config.partitions ?? 1;
    await store.createTopic(name, { partitions, replicationFactor: 1, retentionMs: -1, cleanupPolicy: name.endsWith('-changelog') ? 'compact' : 'delete' });
  }
}
