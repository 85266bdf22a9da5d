/**
 * Formatting and parsing of TIMESTAMP, DATE and TIME with Java DateTimeFormatter patterns:
 * FORMAT_/PARSE_TIMESTAMP, FORMAT_/PARSE_DATE, FORMAT_/PARSE_TIME and the deprecated BIGINT/INT
 * forms TIMESTAMPTOSTRING, STRINGTOTIMESTAMP, DATETOSTRING, STRINGTODATE (ksqlDB semantics).
 * Where ksqlDB uses the server's default zone (TIMESTAMPTOSTRING, STRINGTOTIMESTAMP without a
 * zone) streamsql uses UTC, so results do not depend on the machine.
 */
import { BIGINT, DATE, INTEGER, STRING, TIME, TIMESTAMP } from '../types/sql-type.js';
import { MS_PER_DAY } from '../types/temporal.js';
import { scalar, type SignatureSpec } from './function.js';
import {
  compilePattern,
  formatPattern,
  hasDateField,
  parsePattern,
  patternUses,
  utcMs,
  weekDate,
  type LocalDate,
  type LocalTime,
  type ParsedFields,
  type TemporalValue,
} from './java-date-format.js';
import { localToInstant, offsetAt, UTC_ZONE, zoneOf, type Zone } from './time-zone.js';

const MS_PER_HOUR = 3_600_000;

/** The date and time parts of "local ms" (a wall-clock reading expressed as if it were UTC). */
function splitLocal(localMs: number): { date: LocalDate; time: LocalTime } {
  const d = new Date(localMs);
  return {
    date: { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() },
    time: { hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), nano: d.getUTCMilliseconds() * 1e6 },
  };
}

/** An instant in a zone, as java's Instant.atZone(zone).format(pattern) sees it. */
export function formatInstant(ms: number, pattern: string, zone: Zone): string {
  const offsetMs = offsetAt(zone, ms);
  return formatPattern(compilePattern(pattern), { ...splitLocal(ms + offsetMs), zone: { zone, offsetMs, instantMs: ms } });
}

function formatDays(days: number, pattern: string): string {
  const p = compilePattern(pattern);
  if (patternUses(p).time) throw new Error('Unsupported field: HourOfDay');
  return formatPattern(p, { date: splitLocal(days * MS_PER_DAY).date });
}

function formatMsOfDay(msOfDay: number, pattern: string): string {
  const p = compilePattern(pattern);
  if (patternUses(p).date) throw new Error('Unsupported field: YearOfEra');
  const v: TemporalValue = { time: splitLocal(msOfDay).time };
  return formatPattern(p, v);
}

function daysInMonth(year: number, month: number): number {
  return new Date(utcMs(year, month + 1, 1) - MS_PER_DAY).getUTCDate();
}

function check(v: number | undefined, min: number, max: number, name: string): void {
  if (v !== undefined && (v < min || v > max)) throw new Error(`Invalid value for ${name} (valid values ${min} - ${max}): ${v}`);
}

/**
 * Local ms from parsed fields over the default 1970-01-01T00:00, the way ksqlDB's
 * StringToTimestampParser overrides a default date-time with the fields the text had.
 * A day past the month's end is clamped when the year is known (java's SMART resolver).
 */
function resolveLocal(f: ParsedFields): number {
  check(f.month, 1, 12, 'MonthOfYear');
  check(f.day, 1, 31, 'DayOfMonth');
  check(f.dayOfYear, 1, 366, 'DayOfYear');
  check(f.hour, 0, 23, 'HourOfDay');
  check(f.hourOfAmPm, 0, 11, 'HourOfAmPm');
  check(f.minute, 0, 59, 'MinuteOfHour');
  check(f.second, 0, 59, 'SecondOfMinute');
  const yearKnown = f.year !== undefined || f.yearOfEra !== undefined;
  const year = f.year ?? (f.yearOfEra === undefined ? 1970 : f.era === 0 ? 1 - f.yearOfEra : f.yearOfEra);
  let dateMs: number;
  const byWeek = weekDate(f, yearKnown ? year : undefined);
  if (byWeek) dateMs = utcMs(byWeek.year, byWeek.month, byWeek.day); // a day past the month's end moves on, as Java's SMART resolver
  else if (f.dayOfYear !== undefined) {
    if (f.dayOfYear === 366 && !yearKnown) throw new Error('Leap day cannot be parsed without supplying the year field');
    dateMs = utcMs(year, 1, 1) + (f.dayOfYear - 1) * MS_PER_DAY;
  } else {
    const month = f.month ?? 1;
    const max = daysInMonth(year, month);
    let day = f.day ?? 1;
    if (day > max) {
      if (!yearKnown || f.month === undefined) throw new Error(`Invalid date '${month}-${day}'`);
      day = max;
    }
    dateMs = utcMs(year, month, day);
  }
  let timeMs: number;
  if (f.milliOfDay !== undefined) timeMs = f.milliOfDay;
  else {
    const hour = f.hour ?? (f.hourOfAmPm ?? 0) + (f.ampm === 1 ? 12 : 0);
    timeMs = hour * MS_PER_HOUR + (f.minute ?? 0) * 60_000 + (f.second ?? 0) * 1000 + Math.floor((f.nano ?? 0) / 1e6);
  }
  return dateMs + timeMs;
}

/** PARSE_TIMESTAMP: epoch ms; the zone in the text wins over the given one. */
export function parseInstant(text: string, pattern: string, zone: Zone): number {
  const f = parsePattern(compilePattern(pattern), text);
  return localToInstant(f.zone ?? zone, resolveLocal(f));
}

/** ksqlDB's PARSE_DATE reads with java.text.SimpleDateFormat, which ignores text after the pattern. */
function parseDays(text: string, pattern: string): number {
  const f = parsePattern(compilePattern(pattern), text, true);
  const ms = resolveLocal(f);
  if (ms % MS_PER_DAY !== 0) throw new Error('Date format contains time field.');
  return ms / MS_PER_DAY;
}

/** STRINGTODATE reads with java's LocalDate.parse, which needs a whole date. */
function parseWholeDate(text: string, pattern: string): number {
  const f = parsePattern(compilePattern(pattern), text);
  const hasYear = f.year !== undefined || f.yearOfEra !== undefined;
  const byWeek = weekDate(f, hasYear ? (f.year ?? f.yearOfEra) : undefined) !== undefined;
  if (!byWeek && (!hasYear || (f.dayOfYear === undefined && (f.month === undefined || f.day === undefined)))) {
    throw new Error(`Text '${text}' could not be parsed: Unable to obtain LocalDate from TemporalAccessor`);
  }
  return Math.floor(resolveLocal(f) / MS_PER_DAY);
}

function parseMsOfDay(text: string, pattern: string): number {
  const f = parsePattern(compilePattern(pattern), text);
  if (hasDateField(f)) throw new Error('Time format contains date field.');
  if (f.hour === undefined && f.milliOfDay === undefined && (f.hourOfAmPm === undefined || f.ampm === undefined)) {
    throw new Error(`Text '${text}' could not be parsed: Unable to obtain LocalTime from TemporalAccessor`);
  }
  return resolveLocal(f) % MS_PER_DAY;
}

const GMT = zoneOf('GMT');

/** Overloads `(X, STRING) → R` and `(X, STRING, STRING zone) → R` sharing one implementation. */
function withOptionalZone(
  first: 'TIMESTAMP' | 'BIGINT' | 'STRING',
  returns: typeof STRING,
  defaultZone: Zone,
  impl: (value: unknown, pattern: string, zone: Zone) => unknown,
): SignatureSpec[] {
  return [
    { params: [first, 'STRING'], returns, impl: ([v, p]) => impl(v, p as string, defaultZone) },
    { params: [first, 'STRING', 'STRING'], returns, impl: ([v, p, z]) => impl(v, p as string, zoneOf(z as string)) },
  ];
}

export const DATETIME_FORMAT_FUNCTIONS = [
  scalar(
    'FORMAT_TIMESTAMP',
    'Formats a TIMESTAMP with a Java DateTimeFormatter pattern, in GMT or the given time zone.',
    ['FORMAT_TIMESTAMP(TIMESTAMP, STRING[, STRING]) → STRING'],
    withOptionalZone('TIMESTAMP', STRING, GMT, (ts, p, z) => formatInstant(ts as number, p, z)),
  ),
  scalar(
    'TIMESTAMPTOSTRING',
    'Deprecated (use FORMAT_TIMESTAMP): formats BIGINT epoch milliseconds with a pattern, in UTC or the given time zone.',
    ['TIMESTAMPTOSTRING(BIGINT, STRING[, STRING]) → STRING'],
    withOptionalZone('BIGINT', STRING, UTC_ZONE, (ms, p, z) => formatInstant(Number(ms as bigint), p, z)),
  ),
  scalar(
    'PARSE_TIMESTAMP',
    'Parses a string with a Java DateTimeFormatter pattern into a TIMESTAMP; a zone in the text wins over the given zone (default GMT).',
    ['PARSE_TIMESTAMP(STRING, STRING[, STRING]) → TIMESTAMP'],
    withOptionalZone('STRING', TIMESTAMP, GMT, (s, p, z) => parseInstant(s as string, p, z)),
  ),
  scalar(
    'STRINGTOTIMESTAMP',
    'Deprecated (use PARSE_TIMESTAMP): parses a string with a pattern into BIGINT epoch milliseconds (UTC unless the text or the third argument has a zone).',
    ['STRINGTOTIMESTAMP(STRING, STRING[, STRING]) → BIGINT'],
    withOptionalZone('STRING', BIGINT, UTC_ZONE, (s, p, z) => BigInt(parseInstant(s as string, p, z))),
  ),
  scalar('FORMAT_DATE', 'Formats a DATE with a Java DateTimeFormatter pattern (date fields only).', ['FORMAT_DATE(DATE, STRING) → STRING'], [
    { params: ['DATE', 'STRING'], returns: STRING, impl: ([d, p]) => formatDays(d as number, p as string) },
  ]),
  scalar('DATETOSTRING', 'Deprecated (use FORMAT_DATE): formats INTEGER days since 1970-01-01 with a pattern.', ['DATETOSTRING(INTEGER, STRING) → STRING'], [
    { params: ['INTEGER', 'STRING'], returns: STRING, impl: ([d, p]) => formatDays(d as number, p as string) },
  ]),
  scalar('PARSE_DATE', 'Parses a string with a pattern into a DATE; missing fields default to 1970-01-01; fails if the text has a time.', ['PARSE_DATE(STRING, STRING) → DATE'], [
    { params: ['STRING', 'STRING'], returns: DATE, impl: ([s, p]) => parseDays(s as string, p as string) },
  ]),
  scalar('STRINGTODATE', 'Deprecated (use PARSE_DATE): parses a whole date with a pattern into INTEGER days since 1970-01-01.', ['STRINGTODATE(STRING, STRING) → INTEGER'], [
    { params: ['STRING', 'STRING'], returns: INTEGER, impl: ([s, p]) => parseWholeDate(s as string, p as string) },
  ]),
  scalar('FORMAT_TIME', 'Formats a TIME with a Java DateTimeFormatter pattern (time fields only).', ['FORMAT_TIME(TIME, STRING) → STRING'], [
    { params: ['TIME', 'STRING'], returns: STRING, impl: ([t, p]) => formatMsOfDay(t as number, p as string) },
  ]),
  scalar('PARSE_TIME', 'Parses a string with a pattern into a TIME; fails if the pattern has date fields.', ['PARSE_TIME(STRING, STRING) → TIME'], [
    { params: ['STRING', 'STRING'], returns: TIME, impl: ([s, p]) => parseMsOfDay(s as string, p as string) },
  ]),
];
