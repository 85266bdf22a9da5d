import { describe, expect, it } from 'vitest';
import { decodeState, encodeState } from '../../../src/exec/state/state-codec.js';
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
});
