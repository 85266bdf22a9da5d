/** DESCRIBE [EXTENDED] source. */
import type { Describe } from '../../sql/ast.js';
import { UserError } from '../../sql/diagnostic.js';
import { typeToString } from '../../types/sql-type.js';
import type { StatementContext } from '../context.js';
import type { EngineEvent } from '../events.js';

export async function* describe(ctx: StatementContext, stmt: Describe): AsyncGenerator<EngineEvent> {
  const source = ctx.engine.catalog.getSource(stmt.name);
  if (!source) throw new UserError('UNKNOWN_SOURCE', `Could not find STREAM/TABLE '${stmt.name}' in the Metastore`, stmt.nameSpan);
  const topic = ctx.engine.store.describeTopic(source.topic);
  yield {
    type: 'result',
    result: {
      '@type': 'sourceDescription',
      statementText: ctx.text,
      sourceDescription: {
        name: source.name,
        type: source.kind,
        fields: [
          ...source.keyColumns.map((c) => ({ name: c.name, schema: { type: typeToString(c.type) }, type: 'KEY' as const })),
          ...source.valueColumns.map((c) => ({ name: c.name, schema: { type: typeToString(c.type) } })),
        ],
        topic: source.topic,
        keyFormat: source.keyFormat,
        valueFormat: source.valueFormat,
        partitions: topic?.config.partitions ?? 0,
        replication: topic?.config.replicationFactor ?? 0,
        timestamp: source.timestampColumn ?? '',
        statement: source.statementText,
        extended: stmt.extended,
      },
      warnings: [],
    },
  };
}
