import { describe, expect, it } from 'vitest';
import { crc32c, crc32cJs } from '../../../src/store/lmdb/crc32c.js';

/** Bit-at-a-time reference, to check the sliced tables on arbitrary lengths and offsets. */
function reference(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0x82f63b78 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

describe('crc32c', () => {
  it('matches the published check values', () => {
    expect(crc32c(new TextEncoder().encode('123456789'))).toBe(0xe3069283);
    expect(crc32c(new Uint8Array(0))).toBe(0);
    expect(crc32c(new Uint8Array(32))).toBe(0x8a9136aa); // RFC 3720 B.4: 32 bytes of zeros
    expect(crc32c(new Uint8Array(32).fill(0xff))).toBe(0x62a8ab43); // RFC 3720 B.4: 32 bytes of 0xff
  });

  it('agrees with the bitwise reference on every length and start up to 40', () => {
    const data = Uint8Array.from({ length: 64 }, (_, i) => (i * 151 + 7) & 0xff);
    for (let start = 0; start < 9; start++) {
      for (let len = 0; len <= 40; len++) expect(crc32c(data, start, start + len)).toBe(reference(data.subarray(start, start + len)));
    }
  });

  it('the native and the JS implementation agree on lengths around the native cut-over and beyond', () => {
    const data = Uint8Array.from({ length: 5_010 }, (_, i) => (i * 7919 + 13) & 0xff);
    for (const len of [0, 1, 63, 64, 65, 100, 1_000, 4_999]) {
      for (const start of [0, 1, 3]) expect(crc32c(data, start, start + len)).toBe(crc32cJs(data, start, start + len));
    }
    expect(crc32c(data, 0, 1_000)).toBe(reference(data.subarray(0, 1_000)));
  });
});
