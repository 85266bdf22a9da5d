import { describe, expect, it } from 'vitest';
import { array, BIGINT, BOOLEAN, BYTES, decimal, DOUBLE, INTEGER, map, STRING, struct, TIMESTAMP } from '../../src/types/sql-type.js';
import { SerdeError } from '../../src/serde/format.js';
import { col, hex, serde, serdeError, utf8 } from './helpers.js';

describe('KAFKA serde', () => {
  it('lays out numbers as Kafka serializers do (big-endian)', () => {
    expect(hex(serde('KAFKA', [col('V', INTEGER)]).serialize([1]))).toBe('00000001');
    expect(hex(serde('KAFKA', [col('V', INTEGER)]).serialize([-2]))).toBe('fffffffe');
    expect(hex(serde('KAFKA', [col('V', BIGINT)]).serialize([1n]))).toBe('0000000000000001');
    expect(hex(serde('KAFKA', [col('V', BIGINT)]).serialize([-9223372036854775808n]))).toBe('8000000000000000');
    expect(hex(serde('KAFKA', [col('V', DOUBLE)]).serialize([1.5]))).toBe('3ff8000000000000');
    expect(hex(serde('KAFKA', [col('V', STRING)]).serialize(['hé']))).toBe('68c3a9');
    expect(hex(serde('KAFKA', [col('V', BYTES)]).serialize([new Uint8Array([9, 8])]))).toBe('0908');
  });

  it('round-trips every supported type, and null', () => {
    const cases: [Parameters<typeof col>[1], unknown][] = [
      [INTEGER, -2147483648],
      [BIGINT, 9223372036854775807n],
      [DOUBLE, -0.1],
      [STRING, 'a,b "c"'],
      [BYTES, new Uint8Array([0, 255])],
    ];
    for (const [type, value] of cases) {
      const s = serde('KAFKA', [col('V', type)], { isKey: true });
      expect(s.deserialize(s.serialize([value]))).toEqual([value]);
      expect(s.serialize([null])).toBeNull();
      expect(s.deserialize(null)).toEqual([null]);
    }
  });

  it('reads bytes that another producer wrote', () => {
    expect(serde('KAFKA', [col('V', INTEGER)]).deserialize(new Uint8Array([0, 0, 1, 0]))).toEqual([256]);
    expect(serde('KAFKA', [col('V', STRING)]).deserialize(utf8(''))).toEqual(['']);
  });

  it('rejects bytes of the wrong size', () => {
    const s = serde('KAFKA', [col('V', INTEGER)], { topic: 'input' });
    expect(() => s.deserialize(new Uint8Array([1, 2, 3]))).toThrow(SerdeError);
    expect(() => s.deserialize(new Uint8Array([1, 2, 3]))).toThrow(
      'Failed to deserialize value from topic: input. Size of data received by IntegerDeserializer is not 4',
    );
    expect(() => serde('KAFKA', [col('K', BIGINT)], { isKey: true }).deserialize(new Uint8Array(4))).toThrow(
      'Failed to deserialize key. Size of data received by LongDeserializer is not 8',
    );
  });

  it('supports one primitive column only', () => {
    expect(serdeError('KAFKA', [col('V0', INTEGER), col('V1', STRING)])).toBe("The 'KAFKA' format only supports a single field. Got: [`V0` INTEGER, `V1` STRING]");
    expect(serdeError('KAFKA', [col('K1', INTEGER), col('K2', INTEGER)], { isKey: true })).toBe(
      "The 'KAFKA' format only supports a single field. Got: [`K1` INTEGER KEY, `K2` INTEGER KEY]",
    );
    expect(serdeError('KAFKA', [col('V', BOOLEAN)])).toBe("The 'KAFKA' format does not support type 'BOOLEAN'");
    expect(serdeError('KAFKA', [col('V', decimal(4, 2))])).toBe("The 'KAFKA' format does not support type 'DECIMAL'");
    expect(serdeError('KAFKA', [col('V', TIMESTAMP)])).toBe("The 'KAFKA' format does not support type 'TIMESTAMP'");
    expect(serdeError('KAFKA', [col('V', array(INTEGER))])).toBe("The 'KAFKA' format does not support type 'ARRAY'");
    expect(serdeError('KAFKA', [col('V', struct([{ name: 'F', type: DOUBLE }]))], { isKey: true })).toBe(
      "The 'KAFKA' format does not support type 'STRUCT'",
    );
    expect(serdeError('KAFKA', [col('K', map(INTEGER, DOUBLE))], { isKey: true })).toMatch(/^Map keys, including types that contain maps/);
    expect(serdeError('KAFKA', [col('V', INTEGER)], { wrapSingleValue: true })).toBe("Format 'KAFKA' does not support 'WRAP_SINGLE_VALUE' set to 'true'.");
    expect(serde('KAFKA', [col('V', INTEGER)], { wrapSingleValue: false }).serialize([1])).not.toBeNull();
  });

  it('reads and writes nothing for a keyless source', () => {
    const s = serde('KAFKA', [], { isKey: true });
    expect(s.serialize([])).toBeNull();
    expect(s.deserialize(utf8('ignored'))).toEqual([]);
  });
});
