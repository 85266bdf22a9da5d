import { describe, expect, it } from 'vitest';
import { javaHashMapOrder, javaStringHash } from '../../src/functions/java-hash-map.js';

describe('Java HashMap order', () => {
  it("hashes strings as Java's String.hashCode", () => {
    expect(javaStringHash('')).toBe(0);
    expect(javaStringHash('hello')).toBe(99162322);
    expect(javaStringHash('polygenelubricants')).toBe(-2147483648); // overflows to Integer.MIN_VALUE
  });

  it('orders entries by bucket of a copied map, then insertion order; other keys keep their order', () => {
    const keys = (es: [unknown, number][]): unknown[] => es.map(([k]) => k);
    expect(keys(javaHashMapOrder([['yes, thanks', 1], ['nope', 2], ['sure, yeah', 3]]))).toEqual(['yes, thanks', 'sure, yeah', 'nope']);
    expect(keys(javaHashMapOrder([['b', 1], ['a', 2]]))).toEqual(['a', 'b']);
    expect(keys(javaHashMapOrder([[2, 1], [1, 2]]))).toEqual([2, 1]);
  });
});
