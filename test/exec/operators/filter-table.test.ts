/** WHERE over a table: deletes only keys the filtered table holds, also after a restart (state restored). */
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../../src/analyze/query.js';
import { createOperator } from '../../../src/exec/operators/operator.js';
import { isTombstone, markTombstone } from '../../../src/exec/row-flags.js';
import { MemoryState } from '../../../src/exec/state/key-value-state.js';
import { planQuery } from '../../../src/plan/logical-plan.js';
import { toPhysical } from '../../../src/plan/physical-plan.js';
import { catalogOf, parseQuery, source } from './aggregate-harness.js';

const T = source('T', 'TABLE', [{ name: 'ID', type: { kind: 'STRING' }, key: true }], [{ name: 'V', type: { kind: 'INTEGER' } }]);

function filterOver(state: MemoryState) {
  const pipeline = toPhysical(planQuery(analyzeQuery(parseQuery('SELECT * FROM T WHERE V > 10;'), catalogOf(T))));
  const spec = pipeline.operators.find((o) => o.kind === 'filter')!;
  const op = createOperator(spec, () => undefined, { state, onLateRecord: () => undefined });
  let offset = 0;
  return (...rows: (readonly [string, number] | { delete: string })[]): string[] =>
    op
      .process({ rows: rows.map((r) => ('delete' in r ? markTombstone([r.delete, null, 0n, 0, BigInt(offset++)]) : [r[0], r[1], 0n, 0, BigInt(offset++)])) })
      .rows.map((row) => (isTombstone(row) ? `-${row[0]}` : `${row[0]}=${row[1]}`));
}

describe('table filter', () => {
  it('forwards passing rows, and a delete only for a key it forwarded', () => {
    const run = filterOver(new MemoryState());
    expect(run(['a', 11], ['b', 5], ['a', 12])).toEqual(['a=11', 'a=12']);
    expect(run(['a', 3], ['b', 4], { delete: 'b' })).toEqual(['-a']);
    expect(run({ delete: 'a' }, ['a', 20], { delete: 'a' })).toEqual(['a=20', '-a']);
  });

  it('knows the keys it forwarded before a restart from the restored state', () => {
    const state = new MemoryState();
    filterOver(state)(['a', 11], ['b', 12], ['b', 1]);
    const restored = new MemoryState();
    for (const [k, v] of state.takeChanges()) restored.restore(k, v);
    expect(filterOver(restored)(['c', 1], ['a', 2], ['b', 3])).toEqual(['-a']);
  });
});
