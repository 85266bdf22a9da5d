import { describe, expect, it } from 'vitest';
import { murmur2, partitionForKey, roundRobinChooser, toPositive } from '../../src/store/partitioner.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('murmur2', () => {
  // Kafka's own vectors: clients/src/test/java/org/apache/kafka/common/utils/UtilsTest.java testMurmur2.
  it.each([
    ['21', -973932308],
    ['foobar', -790332482],
    ['a-little-bit-long-string', -985981536],
    ['a-little-bit-longer-string', -1486304829],
    ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
    ['abc', 479470107],
  ])('murmur2(%j) = %i as in Kafka', (input, expected) => {
    expect(murmur2(utf8(input))).toBe(expected);
  });

  it('covers every tail length and the empty key', () => {
    // Vectors from the Kafka implementation as used by other clients (kafkajs, akka).
    expect(murmur2(utf8('1'))).toBe(-1993445489);
    expect(murmur2(utf8('12'))).toBe(126087238);
    expect(murmur2(utf8('123'))).toBe(-267702483);
    expect(murmur2(utf8('1234'))).toBe(-1614185708);
    expect(murmur2(utf8('12345'))).toBe(-1188365604);
    expect(Number.isInteger(murmur2(new Uint8Array(0)))).toBe(true);
  });

  it('treats bytes as unsigned', () => {
    expect(murmur2(new Uint8Array([0xff, 0x80, 0x01]))).not.toBe(murmur2(new Uint8Array([0x7f, 0x00, 0x01])));
  });
});

describe('partitionForKey', () => {
  it('is toPositive(murmur2) modulo the partition count', () => {
    expect(toPositive(-973932308)).toBe(-973932308 & 0x7fffffff);
    expect(toPositive(-2147483648)).toBe(0);
    expect(partitionForKey(utf8('21'), 7)).toBe((-973932308 & 0x7fffffff) % 7);
    expect(partitionForKey(utf8('abc'), 4)).toBe(479470107 % 4);
    for (let i = 0; i < 200; i++) {
      const p = partitionForKey(utf8(`key-${i}`), 6);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThan(6);
    }
  });

  it('rejects a non-positive partition count', () => {
    expect(() => partitionForKey(utf8('a'), 0)).toThrow(RangeError);
  });
});

describe('roundRobinChooser', () => {
  it('cycles per topic from the injected start', () => {
    const choose = roundRobinChooser((topic) => (topic === 'a' ? 2 : 0));
    expect([0, 1, 2, 3, 4].map(() => choose('a', 3))).toEqual([2, 0, 1, 2, 0]);
    expect([0, 1, 2].map(() => choose('b', 2))).toEqual([0, 1, 0]);
  });

  it('keeps counting positive past 2^31', () => {
    const choose = roundRobinChooser(() => 0x7fffffff);
    expect(choose('t', 10)).toBe(0x7fffffff % 10);
    expect(choose('t', 10)).toBe(0);
  });
});
