/**
 * SELECT: analyze → logical plan → physical pipeline → run. A push query (EMIT CHANGES) starts at
 * auto.offset.reset and runs until LIMIT or abort; a pull query scans what is stored now and ends.
 */
import { analyzeQuery, resultColumns, type AnalyzedQuery } from '../../analyze/query.js';
import { checkJoinPartitions } from '../../analyze/join-partitions.js';
import { runPipeline } from '../../exec/query-runner.js';
import { isTombstone } from '../../exec/row-flags.js';
import { planQuery } from '../../plan/logical-plan.js';
import { toPhysical } from '../../plan/physical-plan.js';
import type { Query } from '../../sql/ast.js';
import { UserError } from '../../sql/diagnostic.js';
import { INVALID_STATEMENT } from '../../sql/error-codes.js';
import type { StatementContext } from '../context.js';
import type { EngineEvent } from '../events.js';
import { errorMessage } from '../processing-log.js';
import { AUTO_OFFSET_RESET, type SessionProperties } from '../properties.js';
import { checkPullClauses, checkPullLike, checkQueryable, planPullQuery, pullWhereError, windowBoundLiterals, PULL_SETTING_NAMES, type PullPlan, type PullSettings } from '../../analyze/pull-query.js';

export async function* runQuery(ctx: StatementContext, written: Query): AsyncGenerator<EngineEvent> {
  const stmt = written.emitChanges ? written : windowBoundLiterals(written);
  const push = stmt.emitChanges;
  const settings = pullSettings(ctx.properties);
  if (!push) {
    checkPullClauses(stmt, settings);
    checkPullLike(stmt, ctx.engine.catalog.getSource(stmt.from.name));
  }
  if (push && stmt.limit !== undefined && stmt.limit < 0) throw new UserError(INVALID_STATEMENT, `LIMIT must be a non-negative integer, got ${stmt.limit}`, stmt.span);
  let analyzed: AnalyzedQuery;
  try {
    analyzed = analyzeQuery(stmt, ctx.engine.catalog, undefined, ctx.properties.queryConfig());
  } catch (err) {
    throw push ? err : pullWhereError(err, stmt);
  }
  checkJoinPartitions(analyzed, (topic) => ctx.engine.store.describeTopic(topic)?.config.partitions);
  let pull: PullPlan = {};
  if (!push) {
    checkQueryable(analyzed.source, ctx.engine.persistent.usersOf(analyzed.source.name).writers.length > 0, stmt);
    pull = planPullQuery(stmt, analyzed.source, settings);
  }
  const pipeline = toPhysical(planQuery(analyzed));
  const queries = ctx.engine.queries;
  const scalable = push && isScalablePush(ctx, stmt, analyzed);
  const queryId = queries.startTransient(analyzed.source.name, ctx.text, scalable ? 'SCALABLE_PUSH_QUERY' : 'transient');
  const topic = analyzed.source.topic;
  try {
    // ksqlDB's result headers mark key columns in pull queries only (a push query streams changes).
    const columns = push ? resultColumns(analyzed).map(({ name, type }) => ({ name, type })) : resultColumns(analyzed);
    yield { type: 'queryStart', queryId, columns, push, ...(!push && analyzed.source.kind === 'TABLE' ? { tablePull: true } : {}) };
    const run = runPipeline(pipeline, {
      store: ctx.engine.store,
      from: push ? (ctx.properties.get(AUTO_OFFSET_RESET) === 'earliest' ? 'earliest' : 'latest') : 'earliest',
      mode: push ? 'push' : 'snapshot',
      ...(pull.lookups ? { lookups: pull.lookups } : {}),
      ...(pull.range ? { range: pull.range } : {}),
      // ksqlDB's scalable push registry ignores records with a null key, even from a stream.
      ...(scalable ? { dropNullKeys: true } : {}),
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
      const tombstones = next.value.some(isTombstone) ? next.value.map(isTombstone) : undefined;
      yield { type: 'rows', rows: next.value, ...(tombstones ? { tombstones } : {}) };
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

/**
 * ksqlDB serves a push query from the running persistent query that writes its source (a
 * "scalable push query") when the query only filters and projects that source's new rows
 * (auto.offset.reset=latest). Same rows as a transient query here, except that records with a null
 * key are skipped as ksqlDB's registry does; ksqlDB names its id apart.
 */
function isScalablePush(ctx: StatementContext, stmt: Query, analyzed: AnalyzedQuery): boolean {
  if (stmt.joins.length > 0 || analyzed.aggregation || stmt.partitionBy || analyzed.tableFunctions) return false;
  if (ctx.properties.get(AUTO_OFFSET_RESET) !== 'latest') return false;
  return ctx.engine.persistent.usersOf(analyzed.scanned.name).writers.length > 0;
}
