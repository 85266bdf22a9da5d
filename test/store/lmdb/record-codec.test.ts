import { describe, expect, it } from 'vitest';
import { decodeRecord, decodeTimestamp, encodeRecord, MAX_ABS_VARINT } from '../../../src/store/lmdb/record-codec.js';

describe('record codec', () => {
  it('round-trips every field, including nulls and extreme timestamps', () => {
    for (const timestamp of [0, 1, -1, 63, 64, -65, 1_700_000_000_000, MAX_ABS_VARINT, -MAX_ABS_VARINT]) {
      const encoded = encodeRecord({ timestamp, key: null, value: new Uint8Array([1, 2]), headers: [['a', null], ['b', new Uint8Array([9])]] });
      expect(decodeTimestamp(encoded)).toBe(timestamp);
      const r = decodeRecord(encoded, 3, 99);
      expect(r).toEqual({ partition: 3, offset: 99, timestamp, key: null, value: new Uint8Array([1, 2]), headers: [['a', null], ['b', new Uint8Array([9])]] });
    }
  });

  it('is compact for small records', () => {
    const encoded = encodeRecord({ timestamp: 1_700_000_000_000, key: new Uint8Array(3), value: new Uint8Array(10), headers: undefined });
    // 1 format + 4 CRC-32C + 6 timestamp + (1+3) key + (1+10) value + 1 header count
    expect(encoded.length).toBe(27);
  });

  it('decodes into a copy, not a view of the stored buffer', () => {
    const encoded = encodeRecord({ timestamp: 5, key: new Uint8Array([7]), value: null, headers: [] });
    const r = decodeRecord(encoded, 0, 0);
    encoded.fill(0);
    expect(r.key).toEqual(new Uint8Array([7]));
  });

  it('rejects corrupt input', () => {
    const encoded = encodeRecord({ timestamp: 5, key: new Uint8Array([7]), value: null, headers: [] });
    expect(() => decodeRecord(encoded.subarray(0, 3), 0, 0)).toThrow(/corrupt/);
    expect(() => decodeRecord(new Uint8Array([9, 0]), 0, 0)).toThrow(/unknown format/);
    expect(() => decodeRecord(new Uint8Array([...encoded, 0]), 0, 0)).toThrow(/CRC-32C mismatch/);
    // format 0 (no checksum), as stores written before format 1 hold it
    expect(() => decodeRecord(new Uint8Array([0, ...encoded.subarray(5), 0]), 0, 0)).toThrow(/trailing/);
  });

  it('detects any flipped bit of a record through its CRC-32C, and still reads format 0', () => {
    const encoded = encodeRecord({ timestamp: 5, key: new Uint8Array([7, 8]), value: new Uint8Array([1, 2, 3]), headers: [['h', null]] });
    for (let i = 1; i < encoded.length; i++) {
      for (let bit = 0; bit < 8; bit++) {
        const bad = Uint8Array.from(encoded);
        bad[i]! ^= 1 << bit;
        expect(() => decodeRecord(bad, 0, 0)).toThrow(/corrupt record/);
      }
    }
    const v0 = new Uint8Array([0, ...encoded.subarray(5)]);
    expect(decodeRecord(v0, 1, 2)).toEqual(decodeRecord(encoded, 1, 2));
    expect(decodeTimestamp(v0)).toBe(5);
  });
});
