/**
 * SELECT: analyze → logical plan → physical pipeline → run. A push query (EMIT CHANGES) starts at
 * auto.offset.reset and runs until LIMIT or abort; a pull query scans what is stored now and ends.
 */
import { analyzeQuery, resultColumns } from '../../analyze/query.js';
import { runPipeline } from '../../exec/query-runner.js';
import { planQuery } from '../../plan/logical-plan.js';
import { toPhysical } from '../../plan/physical-plan.js';
import type { Query } from '../../sql/ast.js';
import type { StatementContext } from '../context.js';
import type { EngineEvent } from '../events.js';
import { errorMessage } from '../processing-log.js';
import { AUTO_OFFSET_RESET } from '../properties.js';

export async function* runQuery(ctx: StatementContext, stmt: Query): AsyncGenerator<EngineEvent> {
  const analyzed = analyzeQuery(stmt, ctx.engine.catalog);
  const pipeline = toPhysical(planQuery(analyzed));
  const push = stmt.emitChanges;
  const queries = ctx.engine.queries;
  const queryId = queries.startTransient(analyzed.source.name, ctx.text);
  const topic = analyzed.source.topic;
  try {
    yield { type: 'queryStart', queryId, columns: resultColumns(analyzed), push };
    const run = runPipeline(pipeline, {
      store: ctx.engine.store,
      from: push ? (ctx.properties.get(AUTO_OFFSET_RESET) === 'earliest' ? 'earliest' : 'latest') : 'earliest',
      mode: push ? 'push' : 'snapshot',
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      onRecordError: (error, where) =>
        ctx.engine.processingLog.log({
          queryId,
          type: where.record ? 'DESERIALIZATION_ERROR' : 'EXPRESSION_ERROR',
          message: errorMessage(error),
          topic,
          ...(where.record ? { partition: where.record.partition, offset: where.record.offset } : {}),
        }),
    });
    let reason: 'limit' | 'cancelled' | 'complete' = 'complete';
    for (;;) {
      const next = await run.next();
      if (next.done) {
        reason = next.value;
        break;
      }
      yield { type: 'rows', rows: next.value };
    }
    yield { type: 'queryEnd', reason };
  } finally {
    queries.finish(queryId);
  }
}
