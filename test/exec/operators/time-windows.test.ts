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
});
