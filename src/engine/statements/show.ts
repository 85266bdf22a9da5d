/** SHOW / LIST STREAMS | TABLES | TOPICS | QUERIES | PROPERTIES | VARIABLES | TYPES | FUNCTIONS. */
import type { SourceDef } from '../../analyze/catalog.js';
import type { Show } from '../../sql/ast.js';
import { UserError } from '../../sql/diagnostic.js';
import { schemaInfo } from './custom-types.js';
import type { StatementContext } from '../context.js';
import type { EngineEvent } from '../events.js';
import type { SourceInfo, StatementResult } from '../results.js';

/** Internal topics are hidden from SHOW TOPICS unless EXTENDED... as ksqlDB hides its own. */
const INTERNAL_TOPIC_PREFIX = '_';

function sourceInfo(s: SourceDef): SourceInfo {
  return { type: s.kind, name: s.name, topic: s.topic, keyFormat: s.keyFormat, valueFormat: s.valueFormat, isWindowed: false };
}

export async function* show(ctx: StatementContext, stmt: Show): AsyncGenerator<EngineEvent> {
  const { catalog, store, queries } = ctx.engine;
  const statementText = ctx.text;
  let result: StatementResult;
  switch (stmt.what) {
    case 'STREAMS':
      result = { '@type': 'streams', statementText, streams: catalog.listSources().filter((s) => s.kind === 'STREAM').map(sourceInfo), warnings: [] };
      break;
    case 'TABLES':
      result = { '@type': 'tables', statementText, tables: catalog.listSources().filter((s) => s.kind === 'TABLE').map(sourceInfo), warnings: [] };
      break;
    case 'TOPICS':
      result = {
        '@type': 'kafka_topics',
        statementText,
        topics: store
          .listTopics()
          .filter((t) => stmt.extended || !t.name.startsWith(INTERNAL_TOPIC_PREFIX))
          .map((t) => ({ name: t.name, replicaInfo: new Array<number>(t.config.partitions).fill(t.config.replicationFactor) }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        warnings: [],
      };
      break;
    case 'QUERIES':
      result = { '@type': 'queries', statementText, queries: [...ctx.engine.persistent.list(), ...queries.list()], warnings: [] };
      break;
    case 'PROPERTIES': {
      const all = ctx.properties.all();
      result = {
        '@type': 'properties',
        statementText,
        properties: all.map((p) => ({ name: p.name, scope: 'SESSION', value: p.value })),
        overwrittenProperties: all.filter((p) => p.overridden).map((p) => p.name),
        defaultProperties: all.filter((p) => !p.overridden).map((p) => p.name),
        warnings: [],
      };
      break;
    }
    case 'VARIABLES':
      result = { '@type': 'variables', statementText, variables: [...ctx.variables].map(([name, value]) => ({ name, value })), warnings: [] };
      break;
    case 'TYPES':
      result = { '@type': 'type_list', statementText, types: Object.fromEntries(catalog.listTypes().map(([name, t]) => [name, schemaInfo(t)])), warnings: [] };
      break;
    case 'FUNCTIONS':
      throw new UserError('NOT_SUPPORTED', 'SHOW FUNCTIONS is not supported yet.', stmt.span);
  }
  yield { type: 'result', result };
}
