import { describe, expect, it } from 'vitest';
import { INTEGER, STRING } from '../../src/types/sql-type.js';
import { createSerde, FORMAT_NAMES, isFormatName, type FormatName } from '../../src/serde/format.js';
import { col, serde, serdeError, utf8 } from './helpers.js';

describe('createSerde', () => {
  it('knows the format names', () => {
    expect(FORMAT_NAMES).toEqual(['JSON', 'KAFKA', 'DELIMITED', 'NONE']);
    expect(isFormatName('DELIMITED')).toBe(true);
    expect(isFormatName('AVRO')).toBe(false);
    expect(createSerde('AVRO' as FormatName, [col('A', INTEGER)], { isKey: false })).toEqual({ error: 'Unknown format: AVRO' });
  });

  it('NONE takes no columns and ignores whatever bytes arrive', () => {
    const s = serde('NONE', [], { isKey: true });
    expect(s.serialize([])).toBeNull();
    expect(s.deserialize(utf8('data that should be ignored'))).toEqual([]);
    expect(s.deserialize(null)).toEqual([]);
    expect(serdeError('NONE', [col('K', STRING)], { isKey: true })).toBe(
      "The 'NONE' format can only be used when no columns are defined. Got: [`K` STRING KEY]",
    );
    expect(serdeError('NONE', [col('FOO', INTEGER)])).toBe("The 'NONE' format can only be used when no columns are defined. Got: [`FOO` INTEGER]");
  });

  it('ignores WRAP_SINGLE_VALUE for keys (a single key column is never wrapped)', () => {
    const s = serde('JSON', [col('K', INTEGER)], { isKey: true, wrapSingleValue: true });
    expect(new TextDecoder().decode(s.serialize([5]) ?? new Uint8Array())).toBe('5');
  });
});
