/**
 * Runs one aggregation query through the real analyzer, planner and aggregate operator, on a
 * MemoryState, without a store: rows go in as the source's row layout, the operator's rows come out.
 */
import type { CatalogReader, ColumnSchema, SourceDef } from '../../../src/analyze/catalog.js';
import { analyzeQuery } from '../../../src/analyze/query.js';
import { createOperator, type Operator } from '../../../src/exec/operators/operator.js';
import { isTombstone, markTombstone } from '../../../src/exec/row-flags.js';
import { MemoryState } from '../../../src/exec/state/key-value-state.js';
import { planQuery } from '../../../src/plan/logical-plan.js';
import { toPhysical } from '../../../src/plan/physical-plan.js';
import type { Query } from '../../../src/sql/ast.js';
import { parseStatements } from '../../../src/sql/parse.js';

export function source(name: string, kind: SourceDef['kind'], keyColumns: ColumnSchema[], valueColumns: ColumnSchema[], valueFormat = 'JSON'): SourceDef {
  return { name, kind, keyColumns, valueColumns, topic: name.toLowerCase(), keyFormat: 'KAFKA', valueFormat, isSource: false, statementText: '' };
}

export function catalogOf(...sources: SourceDef[]): CatalogReader {
  return { getSource: (n) => sources.find((s) => s.name === n.toUpperCase()), listSources: () => sources };
}

export function parseQuery(sql: string): Query {
  const parsed = parseStatements(sql);
  if (parsed.diagnostics.length > 0) throw new Error(parsed.diagnostics[0]!.message);
  const st = parsed.statements[0]!.statement;
  if (st.kind !== 'Query') throw new Error(`not a query: ${st.kind}`);
  return st;
}

/** The analysis error's message, or undefined when the query analyzes (`sink`: as in CREATE ... AS). */
export function analysisError(sql: string, catalog: CatalogReader, sink?: 'STREAM' | 'TABLE'): string | undefined {
  try {
    analyzeQuery(parseQuery(sql), catalog, sink);
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

export interface AggregateRun {
  /** Feeds rows [...source key, ...source values] at time ts; returns the operator's rows as
   * [...group values, ...aggregates] ('DELETE' for a tombstone), window bounds appended. */
  push(ts: number, ...rows: (unknown[] | { delete: unknown[] })[]): unknown[][];
  readonly lateRecords: () => number;
  readonly errors: () => number;
  /** The operator's state (its keys show which layout a windowed aggregation uses). */
  readonly state: MemoryState;
}

/** `state`: start from this state (as a restarted query does after restoring its changelog). */
export function runAggregate(sql: string, catalog: CatalogReader, state = new MemoryState()): AggregateRun {
  const q = analyzeQuery(parseQuery(sql), catalog);
  const pipeline = toPhysical(planQuery(q));
  const spec = pipeline.operators.find((o) => o.kind === 'aggregate');
  if (!spec || spec.kind !== 'aggregate') throw new Error('no aggregate operator');
  const before = pipeline.operators.slice(0, pipeline.operators.indexOf(spec));
  let late = 0;
  let errors = 0;
  const env = { state, onLateRecord: () => void late++ };
  const onError = (): void => void errors++;
  const ops: Operator[] = [...before.map((o) => createOperator(o, onError, env)), createOperator(spec, onError, env)];
  const agg = spec.aggregation;
  const nGroup = agg.groupBy.length;
  const nAgg = agg.aggregates.length;
  let offset = 0;
  return {
    push(ts, ...inputs) {
      const rows = inputs.map((r) => {
        const values = Array.isArray(r) ? r : r.delete;
        const row = [...values, BigInt(ts), 0, BigInt(offset++)];
        return Array.isArray(r) ? row : markTombstone(row);
      });
      let batch = { rows };
      for (const op of ops) batch = op.process(batch);
      return batch.rows.map((row) => {
        const window = agg.window ? row.slice(nGroup + nAgg + 1) : [];
        if (isTombstone(row)) return [...row.slice(0, nGroup), 'DELETE', ...window];
        return [...row.slice(0, nGroup + nAgg), ...window];
      });
    },
    lateRecords: () => late,
    errors: () => errors,
    state,
  };
}
