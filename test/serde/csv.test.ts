import { describe, expect, it } from 'vitest';
import { parseFirstCsvRecord, printCsvField } from '../../src/serde/csv.js';

const COMMA = 44;

describe('CSV dialect', () => {
  it('splits the first record', () => {
    expect(parseFirstCsvRecord('a,b,c', COMMA)).toEqual(['a', 'b', 'c']);
    expect(parseFirstCsvRecord('a,,', COMMA)).toEqual(['a', '', '']);
    expect(parseFirstCsvRecord(',', COMMA)).toEqual(['', '']);
    expect(parseFirstCsvRecord('\n\na,b\nc,d', COMMA)).toEqual(['a', 'b']);
    expect(parseFirstCsvRecord(' a ,b"c', COMMA)).toEqual([' a ', 'b"c']);
    expect(parseFirstCsvRecord('"x,y","say ""hi""" ,"\n"', COMMA)).toEqual(['x,y', 'say "hi"', '\n']);
    expect(parseFirstCsvRecord('', COMMA)).toBe('No fields in record');
    expect(parseFirstCsvRecord('"open', COMMA)).toBe('EOF reached before encapsulated token finished');
  });

  it('quotes only where Commons CSV does', () => {
    expect(printCsvField('plain', true, COMMA)).toBe('plain');
    expect(printCsvField('-1', true, COMMA)).toBe('"-1"');
    expect(printCsvField('-1', false, COMMA)).toBe('-1');
    expect(printCsvField('#', false, COMMA)).toBe('"#"');
    expect(printCsvField('a,b', false, COMMA)).toBe('"a,b"');
    expect(printCsvField('say "hi"', false, COMMA)).toBe('"say ""hi"""');
    expect(printCsvField('trailing ', false, COMMA)).toBe('"trailing "');
    expect(printCsvField('', true, COMMA)).toBe('""');
    expect(printCsvField('', false, COMMA)).toBe('');
    expect(printCsvField(null, true, COMMA)).toBe('');
  });
});
