import { describe, expect, it } from 'vitest';
import { compilePattern, formatPattern, parsePattern, patternUses } from '../../src/functions/java-date-format.js';
import { localToInstant, offsetAt, readZoneText, zoneName, zoneOf } from '../../src/functions/time-zone.js';

describe('compilePattern', () => {
  it('splits letters, quoted literals and doubled quotes', () => {
    expect(compilePattern("yyyy-MM-dd'T'HH''mm 'it''s'").tokens).toEqual([
      { kind: 'field', letter: 'y', count: 4 },
      { kind: 'literal', text: '-' },
      { kind: 'field', letter: 'M', count: 2 },
      { kind: 'literal', text: '-' },
      { kind: 'field', letter: 'd', count: 2 },
      { kind: 'literal', text: 'T' },
      { kind: 'field', letter: 'H', count: 2 },
      { kind: 'literal', text: "'" },
      { kind: 'field', letter: 'm', count: 2 },
      { kind: 'literal', text: " it's" },
    ]);
    expect(patternUses(compilePattern('HH:mm X'))).toEqual({ date: false, time: true, zone: true });
    expect(() => compilePattern('yyyy {HH}')).toThrow(/reserved character/);
    expect(() => compilePattern('yyyy]')).toThrow(/contains \] without previous \[/);
    expect(() => compilePattern('cc')).toThrow(/Invalid pattern "cc"/);
    expect(compilePattern('yyyy[ HH[:mm]]').tokens).toEqual([
      { kind: 'field', letter: 'y', count: 4 },
      { kind: 'optional', tokens: [{ kind: 'literal', text: ' ' }, { kind: 'field', letter: 'H', count: 2 }, { kind: 'optional', tokens: [{ kind: 'literal', text: ':' }, { kind: 'field', letter: 'm', count: 2 }] }] },
    ]);
    // Fields inside an optional section do not make a pattern a time (date) pattern.
    expect(patternUses(compilePattern('yyyy-MM-dd[ HH:mm]'))).toEqual({ date: true, time: false, zone: false });
    expect(() => compilePattern('ddd')).toThrow(/Too many pattern letters: d/);
  });
});

describe('formatPattern / parsePattern', () => {
  it('round-trips eras, years past 9999 and fractions', () => {
    const v = { date: { year: 12345, month: 2, day: 3 }, time: { hour: 0, minute: 7, second: 8, nano: 123_456_789 } };
    expect(formatPattern(compilePattern('G yyyy-MM-dd k K:mm:ss.SSSSSS n A'), v)).toBe('AD +12345-02-03 24 0:07:08.123456 123456789 428123');
    expect(formatPattern(compilePattern('y G'), { date: { year: 0, month: 1, day: 1 } })).toBe('1 BC');
    expect(parsePattern(compilePattern('yyyy-MM-dd HH:mm:ss.SSS'), '2021-02-03 04:05:06.789')).toEqual({
      yearOfEra: 2021, month: 2, day: 3, hour: 4, minute: 5, second: 6, nano: 789_000_000,
    });
    expect(parsePattern(compilePattern('EEEE d MMMM yy'), 'tuesday 2 february 21')).toEqual({ dayOfWeek: 2, day: 2, month: 2, yearOfEra: 2021 });
    expect(() => parsePattern(compilePattern('HH:mm'), '1:05')).toThrow(/could not be parsed at index 0/);
  });

  it('parses offsets and zone names', () => {
    expect(parsePattern(compilePattern('XXX'), '-05:30').zone).toEqual({ kind: 'fixed', id: '-05:30', offsetMs: -19_800_000 });
    expect(parsePattern(compilePattern('Z'), '+0000').zone?.id).toBe('Z');
    expect(parsePattern(compilePattern('O'), 'GMT+8').zone?.id).toBe('+08:00');
    expect(parsePattern(compilePattern('z'), 'cest').zone?.id).toBe('Europe/Paris');
    expect(parsePattern(compilePattern('VV'), 'Asia/Tokyo').zone?.id).toBe('Asia/Tokyo');
  });
});

// Expected strings are what java.time.format.DateTimeFormatter prints with Locale.US (JDK 17).
describe('optional sections, quarters and week-based fields', () => {
  const date = (year: number, month: number, day: number): { date: { year: number; month: number; day: number } } => ({ date: { year, month, day } });

  it('prints an optional section only when the value has its fields', () => {
    const p = compilePattern('yyyy-MM-dd[ HH:mm]');
    expect(formatPattern(p, date(2021, 12, 1))).toBe('2021-12-01');
    expect(formatPattern(p, { ...date(2021, 12, 1), time: { hour: 10, minute: 11, second: 0, nano: 0 } })).toBe('2021-12-01 10:11');
    expect(formatPattern(compilePattern('yyyy[MM'), date(1970, 1, 1))).toBe('197001');
  });

  it('parses an optional section when the text has it and skips it otherwise', () => {
    const p = compilePattern("yyyy-MM-dd['T'HH:mm[:ss]]");
    expect(parsePattern(p, '2021-12-01')).toEqual({ yearOfEra: 2021, month: 12, day: 1 });
    expect(parsePattern(p, '2021-12-01T10:11')).toEqual({ yearOfEra: 2021, month: 12, day: 1, hour: 10, minute: 11 });
    expect(parsePattern(p, '2021-12-01T10:11:12')).toMatchObject({ hour: 10, minute: 11, second: 12 });
    // A half-matching section leaves no fields behind, and what is left over fails the parse.
    expect(() => parsePattern(p, '2021-12-01T10')).toThrow(/unparsed text found at index 10/);
    expect(parsePattern(compilePattern('ss[.SSS][.S]'), '12.5')).toEqual({ second: 12, nano: 500_000_000 });
  });

  it('prints quarters and Locale.US week fields (weeks start on Sunday, week 1 holds January 1)', () => {
    expect(formatPattern(compilePattern("YYYY-'W'ww-e c ccc eeee QQQ QQQQ q W"), date(2021, 12, 31))).toBe('2022-W01-6 6 Fri Friday Q4 4th quarter 4 5');
    expect(formatPattern(compilePattern('YYYY ww e W'), date(2022, 1, 2))).toBe('2022 02 1 2');
    expect(formatPattern(compilePattern('YYYY ww e'), date(2020, 12, 27))).toBe('2021 01 1');
    expect(formatPattern(compilePattern('YYYY ww e W QQ'), date(2016, 1, 3))).toBe('2016 02 1 2 01');
    expect(formatPattern(compilePattern('Y YY YYY w W e ee qqqq qqqqq'), date(1999, 3, 31))).toBe('1999 99 1999 14 5 4 04 1st quarter 1');
  });

  it('parses quarters and week fields', () => {
    expect(parsePattern(compilePattern("YYYY-'W'ww-e"), '2022-W01-7')).toEqual({ weekBasedYear: 2022, weekOfWeekBasedYear: 1, localizedDayOfWeek: 7 });
    expect(parsePattern(compilePattern('QQQ qqqq eee'), 'q4 2nd quarter sat')).toEqual({ quarter: 2, localizedDayOfWeek: 7 });
  });
});

describe('time zones', () => {
  it('reads ids like java ZoneId.of', () => {
    expect(zoneOf('+2')).toEqual({ kind: 'fixed', id: '+02:00', offsetMs: 7_200_000 });
    expect(zoneOf('UTC-03:30')).toEqual({ kind: 'fixed', id: 'UTC-03:30', offsetMs: -12_600_000 });
    expect(zoneOf('Europe/London')).toEqual({ kind: 'region', id: 'Europe/London' });
    expect(() => zoneOf('+1:00')).toThrow();
    expect(() => zoneOf('no zone')).toThrow(/invalid format/);
  });

  it('knows daylight saving and names', () => {
    const ny = zoneOf('America/New_York');
    expect(offsetAt(ny, Date.UTC(2021, 0, 1))).toBe(-5 * 3_600_000);
    expect(offsetAt(ny, Date.UTC(2021, 6, 1))).toBe(-4 * 3_600_000);
    expect(offsetAt(zoneOf('Asia/Kolkata'), 0)).toBe(19_800_000);
    // Lord Howe moves 30 minutes at 15:30 UTC: the hour holding the change is not cached whole.
    const lh = zoneOf('Australia/Lord_Howe');
    expect(offsetAt(lh, Date.UTC(2021, 9, 2, 15, 0))).toBe(37_800_000);
    expect(offsetAt(lh, Date.UTC(2021, 9, 2, 15, 29, 59))).toBe(37_800_000);
    expect(offsetAt(lh, Date.UTC(2021, 9, 2, 15, 30))).toBe(39_600_000);
    expect(localToInstant(ny, Date.UTC(2021, 6, 1, 12))).toBe(Date.UTC(2021, 6, 1, 16));
    expect(zoneName(ny, Date.UTC(2021, 6, 1), false)).toBe('EDT');
    expect(zoneName(zoneOf('Europe/Berlin'), Date.UTC(2021, 6, 1), false)).toBe('CEST');
    expect(zoneName(zoneOf('UTC'), 0, false)).toBe('UTC');
    expect(readZoneText('PST rest')).toEqual({ zone: zoneOf('America/Los_Angeles'), length: 3 });
    expect(readZoneText('123')).toBeUndefined();
  });

  // Expected names are what JDK 17 prints for pattern letters z, zzzz and VV with Locale.US.
  it('names zones as Java does, where ICU has other names or none', () => {
    const jan = Date.UTC(2021, 0, 1);
    const names = (id: string, at: number): string => [false, true].map((long) => zoneName(zoneOf(id), at, long)).join('|');
    expect(names('Asia/Kolkata', jan)).toBe('IST|India Standard Time');
    expect(names('Africa/Lagos', jan)).toBe('WAT|West Africa Standard Time');
    expect(names('Asia/Tokyo', jan)).toBe('JST|Japan Standard Time');
    expect(names('Australia/Sydney', jan)).toBe('AEDT|Australian Eastern Daylight Time');
    expect(names('Europe/Dublin', Date.UTC(2021, 6, 1))).toBe('IST|Irish Standard Time');
    // Java names old instants with today's names: standard or daylight by the offset.
    expect(names('Asia/Singapore', -565_783_691_407)).toBe('SGT|Singapore Standard Time');
    expect(names('America/Sao_Paulo', -565_783_691_407)).toBe('BRST|Brasilia Summer Time');
    expect(names('UTC', jan)).toBe('UTC|Coordinated Universal Time');
    expect(names('GMT', jan)).toBe('GMT|Greenwich Mean Time');
    expect(names('UTC+01:00', jan)).toBe('UTC+01:00|UTC+01:00');
    expect(names('+05:30', jan)).toBe('+05:30|+05:30');
    // The id stays as written (Intl would call these Asia/Calcutta and America/Los_Angeles).
    expect(zoneOf('Asia/Kolkata').id).toBe('Asia/Kolkata');
    expect(zoneOf('US/Pacific').id).toBe('US/Pacific');
    expect(names('US/Pacific', jan)).toBe('PST|Pacific Standard Time');
  });
});
