import { describe, expect, it } from 'vitest';
import { windowsFor } from '../../../src/exec/operators/time-windows.js';
import type { WindowSpec } from '../../../src/sql/ast.js';

const span = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } as never;
const d = (ms: number) => ({ ms, span });

describe('windowsFor', () => {
  it('puts a time in exactly one tumbling window', () => {
    const w: WindowSpec = { kind: 'TUMBLING', size: d(30_000), span };
    expect(windowsFor(w, 0)).toEqual([{ start: 0, end: 30_000 }]);
    expect(windowsFor(w, 89_999)).toEqual([{ start: 60_000, end: 90_000 }]);
  });
  it('puts a time in size/advance hopping windows, oldest first, none before 0', () => {
    const w: WindowSpec = { kind: 'HOPPING', size: d(30_000), advance: d(10_000), span };
    expect(windowsFor(w, 25_000)).toEqual([
      { start: 0, end: 30_000 },
      { start: 10_000, end: 40_000 },
      { start: 20_000, end: 50_000 },
    ]);
    expect(windowsFor(w, 5_000)).toEqual([{ start: 0, end: 30_000 }]);
  });
  it('agrees with the definition (every start k * advance >= 0 with start <= t < start + size)', () => {
    for (const [size, advance] of [[10_000, 2_000], [10_000, 3_000], [7, 7], [5, 1], [1_000, 999]] as const) {
      const w: WindowSpec = { kind: 'HOPPING', size: d(size), advance: d(advance), span };
      for (const t of [0, 1, 6, 7, 9_999, 10_000, 12_345, 1_436_918_400_123, -5]) {
        const expected: { start: number; end: number }[] = [];
        for (let k = Math.floor((t - size) / advance) - 1; k * advance <= t; k++) {
          const start = k * advance;
          if (start >= 0 && start <= t && t < start + size) expected.push({ start, end: start + size });
        }
        expect(windowsFor(w, t)).toEqual(expected);
      }
    }
  });
});
