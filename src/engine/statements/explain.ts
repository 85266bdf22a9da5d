/** EXPLAIN query | queryId: the logical plan as an indented tree. */
import { analyzeQuery } from '../../analyze/query.js';
import { planQuery, type PlanNode } from '../../plan/logical-plan.js';
import { analyzePersistent } from '../persistent-queries.js';
import type { Explain } from '../../sql/ast.js';
import { UserError } from '../../sql/diagnostic.js';
import type { StatementContext } from '../context.js';
import type { EngineEvent } from '../events.js';
import { statusResult } from './status.js';

function describeNode(n: PlanNode): string {
  switch (n.kind) {
    case 'Scan':
      return `Scan ${n.source.kind} ${n.source.name} (topic ${n.source.topic})`;
    case 'Join':
      return `Join ${n.join.type} ${n.join.kind.replace('_', '-').toLowerCase()} with ${n.join.right.kind} ${n.join.right.name}`;
    case 'Filter':
      return `Filter${n.table ? ' (table)' : ''}`;
    case 'Aggregate':
      return `Aggregate (${n.aggregation.groupBy.length} group expression(s), ${n.aggregation.aggregates.map((a) => a.fn.name).join(', ')}${n.aggregation.window ? `, ${n.aggregation.window.kind} window` : ''}${n.aggregation.having ? ', HAVING' : ''})`;
    case 'FlatMap':
      return `FlatMap ${n.functions.map((f) => f.kind).join(', ')}`;
    case 'Project':
      return `Project ${n.columns.map((c) => c.name).join(', ')}`;
    case 'Limit':
      return `Limit ${n.limit}`;
  }
}

export function planTree(root: PlanNode): string {
  const lines: string[] = [];
  let depth = 0;
  for (let n: PlanNode | undefined = root; n; n = n.kind === 'Scan' ? undefined : n.input) {
    lines.push(`${'  '.repeat(depth)}> ${describeNode(n)}`);
    depth++;
  }
  return lines.join('\n');
}

export async function* explain(ctx: StatementContext, stmt: Explain): AsyncGenerator<EngineEvent> {
  let tree: string;
  if (stmt.queryId !== undefined) {
    const def = ctx.engine.catalog.getQuery(stmt.queryId);
    if (!def) throw new UserError('UNKNOWN_QUERY', `Query with id:${stmt.queryId} does not exist, use SHOW QUERIES to view the full set of running queries.`, stmt.span);
    const a = analyzePersistent(def, ctx.engine.catalog, true);
    tree = `${def.id}: ${def.statementText}\n` + planTree(planQuery(a.query, a.sinkColumns));
  } else {
    tree = planTree(planQuery(analyzeQuery(stmt.statement! as never, ctx.engine.catalog)));
  }
  yield { type: 'result', result: statusResult(ctx.text, 'explain', tree) };
}
