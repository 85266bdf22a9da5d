import { describe, expect, it } from 'vitest';
import { BIGINT, DATE, INTEGER, STRING, TIME, TIMESTAMP } from '../../src/types/sql-type.js';
import { callFn } from './call.js';

const s = (v: string | null): [typeof STRING, string | null] => [STRING, v];
const ts = (ms: number): [typeof TIMESTAMP, number] => [TIMESTAMP, ms];
const value = (name: string, args: Parameters<typeof callFn>[1]): unknown => callFn(name, args).value;

describe('FORMAT_TIMESTAMP / TIMESTAMPTOSTRING', () => {
  it('formats in GMT by default and in a given zone with its abbreviation (ksqlDB QTT)', () => {
    expect(value('FORMAT_TIMESTAMP', [ts(1526075913000), s('yyyy-MM-dd HH:mm:ss')])).toBe('2018-05-11 21:58:33');
    expect(value('FORMAT_TIMESTAMP', [ts(1526075913000), s('yyyy-MM-dd HH:mm:ss zzz'), s('America/Los_Angeles')])).toBe('2018-05-11 14:58:33 PDT');
    expect(value('TIMESTAMPTOSTRING', [[BIGINT, 1526075913000n], s('yyyy-MM-dd HH:mm:ss zzz'), s('Europe/London')])).toBe('2018-05-11 22:58:33 BST');
  });

  it('handles quoted literals, fractions, offsets, text fields and 12-hour clocks', () => {
    const t = ts(Date.UTC(2021, 0, 3, 13, 5, 9, 42));
    expect(value('FORMAT_TIMESTAMP', [t, s("yyyy-MM-dd'T'HH:mm:ss.SSSX")])).toBe('2021-01-03T13:05:09.042Z');
    expect(value('FORMAT_TIMESTAMP', [t, s("''yy''-M-d h:mm a")])).toBe("'21'-1-3 1:05 PM");
    expect(value('FORMAT_TIMESTAMP', [t, s('EEE, dd MMM yyyy / EEEE MMMM / D')])).toBe('Sun, 03 Jan 2021 / Sunday January / 3');
    expect(value('FORMAT_TIMESTAMP', [t, s('HH:mm XXX Z x'), s('+05:30')])).toBe('18:35 +05:30 +0530 +0530');
    expect(value('FORMAT_TIMESTAMP', [t, s('HH:mm VV'), s('Asia/Tokyo')])).toBe('22:05 Asia/Tokyo');
    expect(value('FORMAT_TIMESTAMP', [t, s('zzzz'), s('America/New_York')])).toBe('Eastern Standard Time');
  });

  it('fails (NULL for the row) on a bad pattern or zone', () => {
    expect(() => value('FORMAT_TIMESTAMP', [ts(0), s('yyyy-MM-dd bb')])).toThrow(/Unknown pattern letter: b/);
    expect(() => value('FORMAT_TIMESTAMP', [ts(0), s("yyyy 'open")])).toThrow(/incomplete string literal/);
    expect(() => value('FORMAT_TIMESTAMP', [ts(0), s('yyyy'), s('Mars/Olympus')])).toThrow(/Unknown time-zone ID/);
    expect(value('FORMAT_TIMESTAMP', [ts(0), s('yyyy'), s(null)])).toBeNull();
  });
});

describe('PARSE_TIMESTAMP / STRINGTOTIMESTAMP', () => {
  it('parses the ksqlDB QTT cases', () => {
    expect(value('PARSE_TIMESTAMP', [s('2018-05-11T21:58:33'), s("yyyy-MM-dd'T'HH:mm:ss")])).toBe(1526075913000);
    expect(value('PARSE_TIMESTAMP', [s('2018-05-11T21:58:33 PST'), s("yyyy-MM-dd'T'HH:mm:ss zzz")])).toBe(1526101113000);
    expect(value('PARSE_TIMESTAMP', [s('2020-05-11T21:58:33 PST'), s("yyyy-MM-dd'T'HH:mm:ss zzz")])).toBe(1589259513000);
    expect(value('STRINGTOTIMESTAMP', [s('2020-05-11T21:58:33z'), s("yyyy-MM-dd'T'HH:mm:ssX")])).toBe(1589234313000n);
    expect(value('STRINGTOTIMESTAMP', [s('2019-08-27T13:31:09.2+0000'), s("yyyy-MM-dd'T'HH:mm:ss.SX")])).toBe(1566912669200n);
  });

  it('uses the zone argument when the text has none, and defaults missing fields', () => {
    expect(value('PARSE_TIMESTAMP', [s('2021-01-01 00:00'), s('yyyy-MM-dd HH:mm'), s('America/New_York')])).toBe(Date.UTC(2021, 0, 1, 5));
    expect(value('PARSE_TIMESTAMP', [s('2021-07-01 00:00'), s('yyyy-MM-dd HH:mm'), s('Europe/Paris')])).toBe(Date.UTC(2021, 5, 30, 22));
    expect(value('PARSE_TIMESTAMP', [s('1999'), s('yyyy')])).toBe(Date.UTC(1999, 0, 1));
    expect(value('PARSE_TIMESTAMP', [s('01:00:00 pm'), s('hh:mm:ss a')])).toBe(13 * 3_600_000);
    expect(value('PARSE_TIMESTAMP', [s('20210102030405'), s('yyyyMMddHHmmss')])).toBe(Date.UTC(2021, 0, 2, 3, 4, 5));
    expect(value('PARSE_TIMESTAMP', [s('2021-02-30'), s('yyyy-MM-dd')])).toBe(Date.UTC(2021, 1, 28));
  });

  it('resolves local times in DST gaps and overlaps like java.time', () => {
    // 2021-03-14 02:30 does not exist in New York: moves forward by the gap to 03:30 EDT.
    expect(value('PARSE_TIMESTAMP', [s('2021-03-14 02:30'), s('yyyy-MM-dd HH:mm'), s('America/New_York')])).toBe(Date.UTC(2021, 2, 14, 7, 30));
    // 2021-11-07 01:30 happens twice: the earlier offset (EDT) wins.
    expect(value('PARSE_TIMESTAMP', [s('2021-11-07 01:30'), s('yyyy-MM-dd HH:mm'), s('America/New_York')])).toBe(Date.UTC(2021, 10, 7, 5, 30));
  });

  it('fails on text that does not match', () => {
    expect(() => value('PARSE_TIMESTAMP', [s('not a timestamp'), s("yyyy-MM-dd'T'HH:mm:ssX")])).toThrow(/could not be parsed at index 0/);
    expect(() => value('PARSE_TIMESTAMP', [s('2021-01-01 x'), s('yyyy-MM-dd')])).toThrow(/unparsed text found at index 10/);
    expect(() => value('PARSE_TIMESTAMP', [s('2021-13-01'), s('yyyy-MM-dd')])).toThrow(/MonthOfYear/);
  });
});

describe('FORMAT_DATE / PARSE_DATE / DATETOSTRING / STRINGTODATE', () => {
  it('formats dates (ksqlDB QTT)', () => {
    const fd = (d: number, p: string): unknown => value('FORMAT_DATE', [[DATE, d], s(p)]);
    expect(fd(17662, 'yyyy-MM-dd')).toBe('2018-05-11');
    expect(fd(18027, 'dd/MM/yyyy')).toBe('11/05/2019');
    expect(fd(18993, 'dd-MMM-yyyy')).toBe('01-Jan-2022');
    expect(fd(-1, "dd-MM-yyyy'Sophia'")).toBe('31-12-1969Sophia');
    expect(value('DATETOSTRING', [[INTEGER, 0], s('dd-MM-yyyy')])).toBe('01-01-1970');
    expect(() => fd(0, 'yyyy HH')).toThrow(/Unsupported field: HourOfDay/);
  });

  it('parses dates case-insensitively, defaulting missing fields (ksqlDB QTT)', () => {
    const pd = (t: string, p: string): unknown => value('PARSE_DATE', [s(t), s(p)]);
    expect(pd('2018-05-11Lit', "yyyy-MM-dd'Lit'")).toBe(17662);
    expect(pd('11/05/2019', 'dd/MM/yyyy')).toBe(18027);
    expect(pd('01-JAN-2022', 'dd-MMM-yyyy')).toBe(18993);
    expect(pd('JAN-2022', 'MMM-yyyy')).toBe(18993);
    expect(() => pd('2022-01-01 10', 'yyyy-MM-dd HH')).toThrow(/Date format contains time field/);
    // Like java.text.SimpleDateFormat, PARSE_DATE stops where the pattern ends (null.json).
    expect(pd('2003-12-24-01-01', 'yyyy-MM-dd')).toBe(12410);
    expect(() => pd('2004', 'yyyy-MM-dd')).toThrow();
    expect(value('STRINGTODATE', [s('01-01-1970'), s('dd-MM-yyyy')])).toBe(0);
    expect(() => value('STRINGTODATE', [s('JAN-2022'), s('MMM-yyyy')])).toThrow(/Unable to obtain LocalDate/);
  });
});

// Expected values are what java.time prints and parses with Locale.US (JDK 17).
describe('optional sections and week fields in the functions', () => {
  it('FORMAT_DATE leaves out an optional time section; FORMAT_TIME an optional date section', () => {
    expect(value('FORMAT_DATE', [[DATE, 18962], s('yyyy-MM-dd[ HH:mm]')])).toBe('2021-12-01');
    expect(value('FORMAT_TIME', [[TIME, 3_723_004], s('[yyyy-MM-dd ]HH:mm')])).toBe('01:02');
    expect(value('FORMAT_TIMESTAMP', [ts(Date.UTC(2021, 11, 1, 10, 11)), s('yyyy-MM-dd[ HH:mm][X]')])).toBe('2021-12-01 10:11Z');
    expect(value('FORMAT_DATE', [[DATE, 18992], s("YYYY-'W'ww-e QQQ")])).toBe('2022-W01-6 Q4');
  });

  it('PARSE_TIMESTAMP takes text with or without an optional part', () => {
    const pt = (t: string): unknown => value('PARSE_TIMESTAMP', [s(t), s("yyyy-MM-dd['T'HH:mm[:ss][.SSS]]")]);
    expect(pt('2021-12-01')).toBe(Date.UTC(2021, 11, 1));
    expect(pt('2021-12-01T10:11')).toBe(Date.UTC(2021, 11, 1, 10, 11));
    expect(pt('2021-12-01T10:11:12.500')).toBe(Date.UTC(2021, 11, 1, 10, 11, 12, 500));
  });

  it('resolves week-based dates like java.time', () => {
    expect(value('PARSE_DATE', [s('2022-W01-7'), s("YYYY-'W'ww-e")])).toBe(18993);
    expect(value('PARSE_DATE', [s('2022 01 Sat'), s('YYYY ww EEE')])).toBe(18993);
    expect(value('PARSE_DATE', [s('2021-12 W5 e7'), s("yyyy-MM 'W'W 'e'e")])).toBe(18993);
    expect(value('STRINGTODATE', [s('2022-W01-7'), s("YYYY-'W'ww-e")])).toBe(18993);
    // A quarter alone resolves nothing (Java leaves it unresolved), so the date comes from y M d.
    expect(value('PARSE_DATE', [s('2021 Q4 12-01'), s('yyyy QQQ MM-dd')])).toBe(18962);
  });
});

describe('FORMAT_TIME / PARSE_TIME', () => {
  it('formats and parses times (ksqlDB QTT)', () => {
    expect(value('FORMAT_TIME', [[TIME, 65000], s('HH_mm_ss_SSS')])).toBe('00_01_05_000');
    expect(value('FORMAT_TIME', [[TIME, 1234567], s("HHmmss'AAAAA'")])).toBe('002034AAAAA');
    expect(value('FORMAT_TIME', [[TIME, null], s('HH:mm:ss')])).toBeNull();
    expect(value('PARSE_TIME', [s('00:01:05Lit'), s("HH:mm:ss'Lit'")])).toBe(65000);
    expect(value('PARSE_TIME', [s('11/05/19'), s('HH/mm/ss')])).toBe(39919000);
    expect(value('PARSE_TIME', [s('01:00:00 Pm'), s('hh:mm:ss a')])).toBe(46800000);
    expect(() => value('FORMAT_TIME', [[TIME, 0], s('yyyy')])).toThrow(/Unsupported field/);
    expect(() => value('PARSE_TIME', [s('2021 10'), s('yyyy HH')])).toThrow(/Time format contains date field/);
  });
});
