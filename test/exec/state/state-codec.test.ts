import { describe, expect, it } from 'vitest';
import { decodeState, encodeState, referenceStateText } from '../../../src/exec/state/state-codec.js';
import { MemoryState } from '../../../src/exec/state/key-value-state.js';
import { Decimal } from '../../../src/types/decimal.js';

describe('state codec', () => {
  it('round-trips the values accumulators hold', () => {
    const value = { n: 3, big: 2n ** 70n, d: new Decimal(-1234n, 2), b: Uint8Array.from([1, 2]), m: new Map([['k', 1n]]), l: [null, 'x', { s: true }] };
    const back = decodeState(encodeState(value)) as typeof value;
    expect(back).toEqual(value);
    expect(back.d).toBeInstanceOf(Decimal);
    expect(back.d.toString()).toBe('-12.34');
  });

  it('writes the same bytes as the tagged-copy encoding it replaced', () => {
    const bytes = Uint8Array.from([0, 255, 7]);
    const values: unknown[] = [
      null, undefined, true, false, 0, -0, 1.5, 1e21, Number.NaN, Number.POSITIVE_INFINITY, 'a"\\b\u2028é\u0000', -(2n ** 64n),
      new Decimal(5n, -2), bytes.subarray(1), new Map<unknown, unknown>([[1n, [2, null]], ['k', { x: undefined }]]),
      [undefined, [[]], {}], { 'we"ird': [1n, new Decimal(10n, 1)], n: null, s: { $b: 'not a bigint' } },
      // Integers past 32 bits are printed in two parts: every boundary of the split.
      0xffffffff, 2 ** 32, 1436918400000, -1436918400000, 1e8 * 12345678 - 1, 1e8 * 12345678, 1e8 * 12345678 + 1,
      100000000, 99999999, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1, 2 ** 60, 1436918400000.5,
    ];
    for (const v of values) expect(new TextDecoder().decode(encodeState(v))).toBe(referenceStateText(v));
    expect(decodeState(encodeState(bytes.subarray(1)))).toEqual(Uint8Array.from([255, 7]));
  });
});

describe('MemoryState', () => {
  it('reports each changed key once with its latest value; restore does not count as a change', () => {
    const s = new MemoryState();
    s.restore('a', 1);
    s.put('b', 1);
    s.put('b', 2);
    s.delete('c');
    expect(s.takeChanges()).toEqual([['b', 2], ['c', undefined]]);
    expect(s.takeChanges()).toEqual([]);
    expect(s.get('a')).toBe(1);
  });

  it('keeps the entries of a namespace under its prefix for the changelog, and moves restored ones in', () => {
    const s = new MemoryState();
    s.restore('j1/0:a', 'left a');
    s.restore('j1/1:x', 'right x');
    s.restore('top', 1);
    const join = s.namespace('j1/');
    const lefts = join.namespace('0:');
    expect(lefts.get('a')).toBe('left a');
    expect(join.get('1:x')).toBe('right x');
    expect(join.get('0:a')).toBeUndefined(); // moved into the narrower namespace
    expect([...s.entries()]).toEqual([['top', 1]]);
    lefts.put('b', 'left b');
    join.delete('1:x');
    s.put('top', 2);
    expect(s.takeChanges()).toEqual([['top', 2], ['j1/1:x', undefined], ['j1/0:b', 'left b']]);
    expect(s.namespace('j1/0:')).toBe(lefts);
  });

  it('writes recorded entries to the changelog without keeping them, before the deletes of the step', () => {
    const s = new MemoryState();
    const join = s.namespace('j1/');
    join.record('r0:a\u00001', { t: 1 });
    join.record('r0:a\u00002', { t: 2 });
    join.delete('r0:a\u00002');
    expect(join.get('r0:a\u00001')).toBeUndefined();
    expect(s.takeChanges()).toEqual([
      ['j1/r0:a\u00001', { t: 1 }],
      ['j1/r0:a\u00002', { t: 2 }],
      ['j1/r0:a\u00002', undefined],
    ]);
    expect(s.takeChanges()).toEqual([]);
  });
});
