/**
 * EMIT FINAL hopping windows by panes (src/exec/operators/aggregate-panes.ts) against the
 * per-window path of the same operator: a query whose aggregates all merge exactly runs on panes;
 * adding one that does not (a DOUBLE sum) makes the same query run per window. On seeded random
 * input (out-of-order and late records, jumps in stream time, failing arguments) both must give
 * the same rows in the same order, and count the same late records and errors.
 */
import { describe, expect, it } from 'vitest';
import { MemoryState } from '../../../src/exec/state/key-value-state.js';
import { INTEGER, STRING } from '../../../src/types/sql-type.js';
import { prng } from '../../helpers/prng.mjs';
import { catalogOf, runAggregate, source } from './aggregate-harness.js';

const catalog = catalogOf(source('INPUT', 'STREAM', [{ name: 'ID', type: STRING }], [{ name: 'V', type: INTEGER }]));

const PANE_SEPARATOR = '\u0004';
const WINDOW_SEPARATOR = '\u0002';
const keysWith = (state: MemoryState, separator: string): number => [...state.entries()].filter(([k]) => k.includes(separator)).length;

/** The aggregates that merge exactly; `extra` appends one that does not (or nothing). */
const query = (window: string, extra: string): string =>
  `SELECT id, COUNT(*), MAX(v), MIN(v), SUM(v), SUM(100 / v), AVG(v)${extra} FROM input WINDOW HOPPING (${window}) GROUP BY id EMIT FINAL;`;

/** Drops the extra (last aggregate) column: [id, 6 aggregates, (extra), start, end]. */
const withoutExtra = (row: unknown[]): unknown[] => [...row.slice(0, 7), ...row.slice(8)];

describe('hopping EMIT FINAL by panes', () => {
  const windows = [
    'SIZE 10 MILLISECONDS, ADVANCE BY 2 MILLISECONDS',
    'SIZE 10 MILLISECONDS, ADVANCE BY 2 MILLISECONDS, GRACE PERIOD 5 MILLISECONDS',
    'SIZE 9 MILLISECONDS, ADVANCE BY 6 MILLISECONDS, GRACE PERIOD 3 MILLISECONDS',
    'SIZE 5 MILLISECONDS, ADVANCE BY 2 MILLISECONDS, RETENTION 40 MILLISECONDS, GRACE PERIOD 1 MILLISECONDS',
  ];
  for (const window of windows) {
    for (const seed of [1, 2, 3]) {
      it(`gives the per-window rows, in order (${window}; seed ${seed})`, () => {
        const panes = runAggregate(query(window, ''), catalog);
        const perWindow = runAggregate(query(window, ', SUM(CAST(v AS DOUBLE))'), catalog);
        const random = prng(seed);
        let t = 0;
        let rowsSeen = 0;
        for (let i = 0; i < 400; i++) {
          const r = random();
          // Mostly forward, some out of order (late for some windows or all), now and then a jump.
          t = r < 0.02 ? t + 30 : r < 0.8 ? t + Math.floor(random() * 3) : t;
          const ts = r >= 0.8 ? Math.max(0, t - Math.floor(random() * 14)) : t;
          const id = `k${Math.floor(random() * 4)}`;
          const v = Math.floor(random() * 5) - 1; // 0 fails SUM(100 / v)
          const expected = perWindow.push(ts, [id, v]).map(withoutExtra);
          expect(panes.push(ts, [id, v]), `record ${i} at ${ts}`).toEqual(expected);
          rowsSeen += expected.length;
        }
        expect(rowsSeen).toBeGreaterThan(50);
        expect(panes.lateRecords()).toBe(perWindow.lateRecords());
        expect(panes.lateRecords()).toBeGreaterThan(0);
        expect(panes.errors()).toBe(perWindow.errors());
        expect(panes.errors()).toBeGreaterThan(0);
        // The two really took different paths.
        expect(keysWith(panes.state, PANE_SEPARATOR)).toBeGreaterThan(0);
        expect(keysWith(panes.state, WINDOW_SEPARATOR)).toBe(0);
        expect(keysWith(perWindow.state, PANE_SEPARATOR)).toBe(0);
      });
    }
  }

  it('a restarted query finds its panes and closes their windows with their earlier records', () => {
    const sql = query('SIZE 10 MILLISECONDS, ADVANCE BY 5 MILLISECONDS', '');
    const before = runAggregate(sql, catalog);
    before.push(1, ['a', 1]);
    before.push(6, ['a', 2], ['b', 3]);
    // The state as a restart restores it from the changelog (the same map, a new operator).
    const restored = new MemoryState();
    for (const [k, v] of before.state.entries()) restored.restore(k, structuredClone(v));
    const after = runAggregate(sql, catalog, restored);
    after.push(8, ['a', 4]);
    // Stream time 10 closes [0, 10): a's three records (two before the restart), b's one, with
    // groups in the order their first record arrived.
    expect(after.push(10, ['b', 1])).toEqual([
      ["a", 3n, 4, 1, 7, 175, 7 / 3, 0n, 10n],
      ['b', 1n, 3, 3, 3, 33, 3, 0n, 10n],
    ]);
  });

  it('a query restored with open windows of the per-window layout keeps that layout', () => {
    const sql = query('SIZE 10 MILLISECONDS, ADVANCE BY 5 MILLISECONDS', '');
    const perWindow = runAggregate(query('SIZE 10 MILLISECONDS, ADVANCE BY 5 MILLISECONDS', ', SUM(CAST(v AS DOUBLE))'), catalog);
    perWindow.push(1, ['a', 1]);
    const restored = new MemoryState();
    for (const [k, v] of perWindow.state.entries()) {
      // The same accumulators without the extra DOUBLE sum.
      const value = structuredClone(v) as { a?: unknown[] };
      if (Array.isArray(value.a)) value.a = value.a.slice(0, 6);
      restored.restore(k, value);
    }
    const run = runAggregate(sql, catalog, restored);
    run.push(3, ['a', 2]);
    expect(keysWith(run.state, PANE_SEPARATOR)).toBe(0);
    expect(run.push(10, ['b', 1])).toEqual([['a', 2n, 2, 1, 3, 150, 1.5, 0n, 10n]]);
  });
});
