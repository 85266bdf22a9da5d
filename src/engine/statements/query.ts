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
import { AUTO_OFFSET_RESET, type SessionProperties } from '../properties.js';
import { checkPullClauses, checkQueryable, planPullQuery, PULL_SETTING_NAMES, type PullPlan, type PullSettings } from '../../analyze/pull-query.js';

export async function* runQuery(ctx: StatementContext, stmt: Query): AsyncGenerator<EngineEvent> {
  const push = stmt.emitChanges;
  const settings = pullSettings(ctx.properties);
  if (!push) checkPullClauses(stmt, settings);
  const analyzed = analyzeQuery(stmt, ctx.engine.catalog);
  let pull: PullPlan = {};
  if (!push) {
    checkQueryable(analyzed.source, ctx.engine.persistent.usersOf(analyzed.source.name).writers.length > 0, stmt);
    pull = planPullQuery(stmt, analyzed.source, settings);
  }
  const pipeline = toPhysical(planQuery(analyzed));
  const queries = ctx.engine.queries;
  const queryId = queries.startTransient(analyzed.source.name, ctx.text);
  const topic = analyzed.source.topic;
  try {
    yield { type: 'queryStart', queryId, columns: resultColumns(analyzed), push, ...(!push && analyzed.source.kind === 'TABLE' ? { tablePull: true } : {}) };
    const run = runPipeline(pipeline, {
      store: ctx.engine.store,
      from: push ? (ctx.properties.get(AUTO_OFFSET_RESET) === 'earliest' ? 'earliest' : 'latest') : 'earliest',
      mode: push ? 'push' : 'snapshot',
      ...(pull.lookups ? { lookups: pull.lookups } : {}),
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

function pullSettings(props: SessionProperties): PullSettings {
  const enabled = (name: string): boolean => props.get(name)?.toLowerCase() !== 'false';
  return {
    tableScanEnabled: enabled(PULL_SETTING_NAMES.tableScanEnabled),
    rangeScanEnabled: enabled(PULL_SETTING_NAMES.rangeScanEnabled),
    limitEnabled: enabled(PULL_SETTING_NAMES.limitEnabled),
  };
}
