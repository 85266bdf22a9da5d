import { describe, expect, it } from 'vitest';
import { comparatorFor } from '../../src/types/compare.js';
import { BYTES } from '../../src/types/sql-type.js';

describe('comparatorFor BYTES', () => {
  it('orders like Java ByteBuffer.compareTo: signed bytes, then length', () => {
    const cmp = comparatorFor(BYTES)!;
    expect(cmp(Uint8Array.of(0x7f), Uint8Array.of(0x80))).toBeGreaterThan(0); // 0x80 is -128
    expect(cmp(Uint8Array.of(1, 2), Uint8Array.of(1, 3))).toBeLessThan(0);
    expect(cmp(Uint8Array.of(1), Uint8Array.of(1, 0))).toBeLessThan(0);
    expect(cmp(Uint8Array.of(5, 6), Uint8Array.of(5, 6))).toBe(0);
  });
});
