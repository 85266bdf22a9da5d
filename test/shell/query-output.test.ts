import { describe, expect, it } from 'vitest';
import { applyClientEvent, closeGrid, freezeWidths, NOT_STARTED } from '../../src/shell/query-output.js';
import { gridRow } from '../../src/shell/table-layout.js';

describe('query output', () => {
  it('freezes widths at the first rows: fitted, then widened to the terminal', () => {
    expect(freezeWidths(['A', 'B'], [['1', '22']], 23)).toEqual([10, 10]);
    const wide = freezeWidths(['A', 'B'], [['1', 'x'.repeat(50)]], 23);
    expect(wide[0]).toBe(1);
    expect(wide[0]! + wide[1]! + 3).toBe(23);
  });

  it('later rows keep the frozen widths, longer values are cut with …', () => {
    const started = applyClientEvent(NOT_STARTED, { type: 'queryStart', queryId: 'q', columns: [{ name: 'V', type: 'STRING' }], push: true }, 12).running;
    const first = applyClientEvent(started, { type: 'rows', rows: [['a']] }, 12);
    expect(first.items.map((i) => i.kind)).toEqual(['gridHeader', 'gridRows']);
    const second = applyClientEvent(first.running, { type: 'rows', rows: [['a much longer value']] }, 80);
    expect(second.items).toEqual([{ kind: 'gridRows', rows: [['a much longer value']], widths: [10] }]);
    expect(gridRow(['a much longer value'], [10])).toBe('|a much lo…|');
    expect(second.running.rowCount).toBe(2);
  });

  it('closes a grid with its rule, or with header and rule when no rows came', () => {
    expect(closeGrid({ ...NOT_STARTED, columns: ['A'], widths: [5] }, 80)).toEqual([{ kind: 'gridEnd', widths: [5] }]);
    expect(closeGrid({ ...NOT_STARTED, columns: ['A'] }, 10).map((i) => i.kind)).toEqual(['gridHeader', 'gridEnd']);
  });
});
