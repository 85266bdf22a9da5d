/**
 * Week-based fields of Java's DateTimeFormatter (pattern letters Y w W e c), with the week rules
 * of Locale.US: weeks start on Sunday and week 1 is the week that holds January 1 (minimal days
 * 1). ksqlDB builds its formatters with the JVM's default locale; streamsql fixes en-US, the same
 * locale its month and day names come from (see docs/decisions/0057-date-patterns.md).
 * The arithmetic follows java.time.temporal.WeekFields.
 */

const FIRST_DAY_OF_WEEK = 7; // ISO day number of Sunday
const MINIMAL_DAYS = 1;
const MS_PER_DAY = 86_400_000;

export interface WeekDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const floorMod = (a: number, n: number): number => ((a % n) + n) % n;

function utcDays(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.floor(d.getTime() / MS_PER_DAY);
}

function fromDays(days: number): WeekDate {
  const d = new Date(days * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO day of week, Monday 1 .. Sunday 7. */
function isoDayOfWeek(d: WeekDate): number {
  return floorMod(utcDays(d.year, d.month, d.day) + 3, 7) + 1; // 1970-01-01 was a Thursday
}

const lengthOfYear = (year: number): number => utcDays(year + 1, 1, 1) - utcDays(year, 1, 1);
const dayOfYear = (d: WeekDate): number => utcDays(d.year, d.month, d.day) - utcDays(d.year, 1, 1) + 1;

/** Localized day of week: 1 on the first day of the week (Sunday) .. 7. Pattern letters e, c. */
export function localizedDayOfWeek(d: WeekDate): number {
  return floorMod(isoDayOfWeek(d) - FIRST_DAY_OF_WEEK, 7) + 1;
}

/** The localized day of week of an ISO one. */
export function localizedFromIso(isoDow: number): number {
  return floorMod(isoDow - FIRST_DAY_OF_WEEK, 7) + 1;
}

/** Where the first (possibly partial) week of a month or year starts, relative to its day 1. */
function startOfWeekOffset(day: number, dow: number): number {
  const weekStart = floorMod(day - dow, 7);
  return weekStart + 1 > MINIMAL_DAYS ? 7 - weekStart : -weekStart;
}

const computeWeek = (offset: number, day: number): number => Math.floor((7 + offset + (day - 1)) / 7);

/** Week of month, pattern letter W. */
export function weekOfMonth(d: WeekDate): number {
  return computeWeek(startOfWeekOffset(d.day, localizedDayOfWeek(d)), d.day);
}

/** Week-based year and week of it, pattern letters Y and w. */
export function weekOfWeekBasedYear(d: WeekDate): { weekYear: number; week: number } {
  const doy = dayOfYear(d);
  const offset = startOfWeekOffset(doy, localizedDayOfWeek(d));
  const week = computeWeek(offset, doy);
  if (week === 0) return weekOfWeekBasedYear(fromDays(utcDays(d.year, d.month, d.day) - doy)); // the previous year's last day
  const newYearWeek = computeWeek(offset, lengthOfYear(d.year) + MINIMAL_DAYS);
  return week >= newYearWeek ? { weekYear: d.year + 1, week: week - newYearWeek + 1 } : { weekYear: d.year, week };
}

/** The date of a week-based year, week and localized day of week (Java's SMART resolution). */
export function dateOfWeek(weekYear: number, week: number, localizedDow: number): WeekDate {
  const jan1 = { year: weekYear, month: 1, day: 1 };
  const offset = startOfWeekOffset(1, localizedDayOfWeek(jan1));
  const newYearWeek = computeWeek(offset, lengthOfYear(weekYear) + MINIMAL_DAYS);
  const w = Math.min(week, newYearWeek - 1);
  return fromDays(utcDays(weekYear, 1, 1) - offset + (localizedDow - 1) + (w - 1) * 7);
}
