/**
 * A CREATE ... AS SELECT as ksqlDB shows it after "Statement:" in errors it raises while planning
 * the query: the sanitized statement (column references qualified by their source, every SELECT
 * item named, FROM with its alias, EMIT CHANGES) in the layout of ksqlDB's SqlFormatter:
 *
 *   CREATE TABLE OUTPUT AS SELECT
 *     TEST.F2 KEY,
 *     COUNT(*) TOTAL
 *   FROM TEST TEST
 *   GROUP BY TEST.F2
 *   EMIT CHANGES
 *
 * Columns are qualified only for a single source (which side of a join a bare column belongs to
 * is not known here); windows are printed with their sizes in the largest exact unit.
 */
import type { CreateAsSelect, Duration, Expr, Query, SelectItem, WindowSpec } from '../sql/ast.js';
import { mapExpr } from '../sql/expr-rewrite.js';
import { formatExpr } from './expr/index.js';
import type { AnalyzedQuery } from './query.js';

const INDENT = '  ';

export function sanitizedStatementText(stmt: CreateAsSelect, analyzed: Pick<AnalyzedQuery, 'itemNames'>): string {
  const q = stmt.query;
  const qualifier = q.joins.length === 0 ? (q.from.alias ?? q.from.name) : undefined;
  const expr = (e: Expr): string => formatExpr(qualifier === undefined ? e : qualify(e, qualifier, new Set()));
  const props = stmt.properties.length > 0 ? ` WITH (${stmt.properties.map((p) => `${p.name}=${formatExpr(p.value)}`).join(', ')})` : '';
  const head = `CREATE ${stmt.orReplace ? 'OR REPLACE ' : ''}${stmt.sourceType} ${stmt.ifNotExists ? 'IF NOT EXISTS ' : ''}${stmt.name}${props} AS SELECT`;
  const items = q.select.map((item, i) => INDENT + selectItem(item, analyzed.itemNames[i], expr));
  const lines = [head, items.join(',\n'), ...fromLines(q), ...clauseLines(q, expr), 'EMIT CHANGES'];
  return lines.join('\n');
}

function selectItem(item: SelectItem, name: string | undefined, expr: (e: Expr) => string): string {
  switch (item.kind) {
    case 'AllColumns':
      return item.source === undefined ? '*' : `${item.source}.*`;
    case 'StructAll':
      return `${expr(item.expr)}->*`;
    case 'SelectExpr':
      return `${expr(item.expr)} ${name ?? item.alias ?? ''}`.trimEnd();
  }
}

function fromLines(q: Query): string[] {
  const relation = (r: Query['from']): string => `${r.name} ${r.alias ?? r.name}`;
  const joins = q.joins.map((j) => {
    const within = j.within ? ` WITHIN ${j.within.before.ms === j.within.after.ms ? duration(j.within.before) : `(${duration(j.within.before)}, ${duration(j.within.after)})`}` : '';
    return `${j.type} JOIN ${relation(j.right)}${within} ON ${formatExpr(j.on)}`;
  });
  return [`FROM ${relation(q.from)}`, ...joins];
}

function clauseLines(q: Query, expr: (e: Expr) => string): string[] {
  const lines: string[] = [];
  if (q.window) lines.push(`WINDOW ${windowText(q.window)}`);
  if (q.where) lines.push(`WHERE ${expr(q.where)}`);
  if (q.groupBy?.length) lines.push(`GROUP BY ${q.groupBy.map(expr).join(', ')}`);
  if (q.partitionBy?.length) lines.push(`PARTITION BY ${q.partitionBy.map(expr).join(', ')}`);
  if (q.having) lines.push(`HAVING ${expr(q.having)}`);
  return lines;
}

function windowText(w: WindowSpec): string {
  const extra = [w.retention ? `RETENTION ${duration(w.retention)}` : '', w.grace ? `GRACE PERIOD ${duration(w.grace)}` : ''].filter((x) => x !== '');
  switch (w.kind) {
    case 'TUMBLING':
      return `TUMBLING ( ${[`SIZE ${duration(w.size)}`, ...extra].join(' , ')} )`;
    case 'HOPPING':
      return `HOPPING ( ${[`SIZE ${duration(w.size)}`, `ADVANCE BY ${duration(w.advance)}`, ...extra].join(' , ')} )`;
    case 'SESSION':
      return `SESSION ( ${[duration(w.gap), ...extra].join(' , ')} )`;
  }
}

const UNITS: readonly [string, number][] = [
  ['DAYS', 86_400_000],
  ['HOURS', 3_600_000],
  ['MINUTES', 60_000],
  ['SECONDS', 1000],
];

function duration(d: Duration): string {
  const unit = UNITS.find(([, ms]) => d.ms !== 0 && d.ms % ms === 0);
  return unit ? `${d.ms / unit[1]} ${unit[0]}` : `${d.ms} MILLISECONDS`;
}

/** Column references qualified by the source, except lambda parameters. */
function qualify(e: Expr, qualifier: string, bound: ReadonlySet<string>): Expr {
  return mapExpr(e, (x) => {
    if (x.kind === 'Lambda') return { ...x, body: qualify(x.body, qualifier, new Set([...bound, ...x.params])) };
    if (x.kind === 'ColumnRef' && x.source === undefined && !bound.has(x.name)) return { ...x, source: qualifier };
    return undefined;
  });
}
