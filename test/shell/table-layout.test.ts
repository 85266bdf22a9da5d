import { describe, expect, it } from 'vitest';
import { cellText, fillColumnWidths, fitColumnWidths, gridOverhead, gridRow, gridRule, listTable, MIN_FIT_WIDTH, truncate } from '../../src/shell/table-layout.js';

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe('table layout', () => {
  it('keeps natural widths when they fit', () => {
    expect(fitColumnWidths(['ID', 'NAME'], [['1', 'alice']], 80, 3)).toEqual([2, 5]);
  });

  it('shrinks only the wide columns to fit the terminal', () => {
    const rows = [['1', 'x'.repeat(200), 'short']];
    const widths = fitColumnWidths(['ID', 'TEXT', 'NOTE'], rows, 60, gridOverhead(3));
    expect(widths[0]).toBe(2);
    expect(widths[2]).toBe(5);
    expect(sum(widths) + gridOverhead(3)).toBe(60);
    const line = gridRow(rows[0]!, widths);
    expect(line).toHaveLength(60);
    expect(line).toContain('…');
  });

  it('never goes below the minimum width, even when too many columns to fit', () => {
    const headers = Array.from({ length: 30 }, (_, i) => `COLUMN_${i}`);
    const widths = fitColumnWidths(headers, [], 40, gridOverhead(30));
    expect(widths.every((w) => w === MIN_FIT_WIDTH)).toBe(true);
  });

  it('fills the terminal evenly, raising the narrowest columns first', () => {
    expect(fillColumnWidths([2, 5], 100, 3)).toEqual([49, 48]);
    expect(fillColumnWidths([2, 80], 100, 3)).toEqual([17, 80]);
    expect(fillColumnWidths([50, 60], 100, 3)).toEqual([50, 60]);
    expect(sum(fillColumnWidths([1, 2, 3], 50, 4))).toBe(46);
  });

  it('truncates with an ellipsis and pads cells', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 3)).toBe('abc');
    expect(gridRule([2, 3])).toBe('+--+---+');
    expect(gridRow(['a', 'bcdef'], [2, 3])).toBe('|a |bc…|');
  });

  it('prints strings raw, other values as JSON, and null as null', () => {
    expect(cellText('hi "x"')).toBe('hi "x"');
    expect(cellText(null)).toBe('null');
    expect(cellText(1.5)).toBe('1.5');
    expect(cellText(12345678901234567890n)).toBe('12345678901234567890');
    expect(cellText({ a: [1, 'b'] })).toBe('{"a":[1,"b"]}');
    expect(cellText('two\nlines')).toBe('two lines');
  });

  it('draws ksqlDB list tables fitted to the width', () => {
    expect(listTable(['Name', 'Value'], [['a', '1']], 80)).toEqual([' Name | Value ', '--------------', ' a    | 1     ', '--------------']);
    const narrow = listTable(['Name', 'Value'], [['a'.repeat(50), 'b'.repeat(50)]], 40);
    expect(narrow.every((l) => l.length <= 40)).toBe(true);
  });
});
