/** The row texts and multiset comparison the Nexmark bench checks results with. */
import { describe, expect, it } from 'vitest';
import { canonicalDecimal, canonicalRow, compareMultisets, foldChangelog } from '../../../bench/nexmark/canonical.js';
import { Decimal } from '../../../src/types/decimal.js';

describe('canonical rows', () => {
  it('writes values the way the Java runner does', () => {
    expect(canonicalRow([1000n, 'a"b', null, 1436918400000, Decimal.parse('1120.4720')!, true])).toBe('[1000,"a\\"b",null,1436918400000,1120.472,true]');
    expect(canonicalDecimal('12.000')).toBe('12');
    expect(canonicalDecimal('-0.00')).toBe('0');
    expect(canonicalDecimal('120')).toBe('120');
  });

  it('folds a changelog into the multiset it ends in and reports differences', () => {
    const flink = foldChangelog(['+I\t[1,10]', '-U\t[1,10]', '+U\t[1,12]', '+I\t[2,5]', '+I\t[2,5]', '']);
    expect([...flink]).toEqual([['[1,12]', 1], ['[2,5]', 2]]);
    expect(compareMultisets(foldChangelog(['[2,5]', '[1,12]', '[2,5]']), flink).equal).toBe(true);
    const diff = compareMultisets(foldChangelog(['[2,5]', '[1,12]']), flink);
    expect(diff).toMatchObject({ equal: false, onlyLeft: 0, onlyRight: 1 });
    expect(diff.examples).toEqual(['flink only: [2,5]']);
  });
});
