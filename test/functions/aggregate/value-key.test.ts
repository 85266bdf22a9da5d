import { describe, expect, it } from 'vitest';
import { valueKey } from '../../../src/functions/aggregate/value-key.js';
import { Decimal } from '../../../src/types/decimal.js';

/** The spelling state keys had before the flat-array fast path: it must not change (restored state). */
const reference = (v: unknown): string =>
  'j' + JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x instanceof Decimal ? x.toString() : x));

describe('valueKey', () => {
  it('spells flat arrays exactly as JSON.stringify with the bigint/decimal replacer', () => {
    const samples: unknown[][] = [
      [],
      [1, 'a'],
      ['quote"and\\slash', '\u0000ctl\n', 'ünï'],
      [123456789012345678901234567890n, -5n, 0n],
      [null, undefined, true, false],
      [-0, 0.1, 1e21, -3.5e-7],
      [NaN, Infinity],
      [new Decimal(12345n, 2), 'x'],
      [[1, 2], { a: 1 }],
    ];
    for (const s of samples) expect(valueKey(s)).toBe(reference(s));
  });

  it('keeps scalar spellings distinct by type', () => {
    expect(valueKey('1')).not.toBe(valueKey(1));
    expect(valueKey(1)).toBe(valueKey(1n));
    expect(valueKey(['1'])).not.toBe(valueKey([1]));
  });
});
