/**
 * DATEADD, DATESUB, TIMEADD, TIMESUB, TIMESTAMPADD, TIMESTAMPSUB: `f(unit, interval, value)`,
 * ksqlDB semantics (java.util.concurrent.TimeUnit conversions, which truncate toward zero).
 *
 * In ksqlDB the unit is a keyword (`TIMESTAMPADD(SECONDS, 5, ts)`). Here the unit parameter is
 * a STRING holding the unit's name, so the functions work once the analyzer turns a bare unit
 * keyword in the first argument of a function named in TIME_UNIT_ARG_FUNCTIONS into a string
 * literal (see parseTimeUnit); until then `TIMESTAMPADD('SECONDS', 5, ts)` is the way to call them.
 */
import { DATE, TIME, TIMESTAMP } from '../types/sql-type.js';
import { MS_PER_DAY } from '../types/temporal.js';
import { declaredAs, scalar } from './function.js';

/** Nanoseconds per unit, as java's TimeUnit has them; singular and plural spellings. */
const NANOS_PER_UNIT: Readonly<Record<string, bigint>> = {
  NANOSECOND: 1n,
  MICROSECOND: 1_000n,
  MILLISECOND: 1_000_000n,
  SECOND: 1_000_000_000n,
  MINUTE: 60_000_000_000n,
  HOUR: 3_600_000_000_000n,
  DAY: 86_400_000_000_000n,
};

/** Functions whose first argument is a time unit keyword. */
export const TIME_UNIT_ARG_FUNCTIONS: ReadonlySet<string> = new Set(['DATEADD', 'DATESUB', 'TIMEADD', 'TIMESUB', 'TIMESTAMPADD', 'TIMESTAMPSUB']);

/** Nanoseconds of one unit named like `SECONDS` or `second`; undefined if not a unit. */
export function parseTimeUnit(name: string): bigint | undefined {
  const u = name.toUpperCase();
  return NANOS_PER_UNIT[u.endsWith('S') ? u.slice(0, -1) : u];
}

function unitNanos(name: string): bigint {
  const n = parseTimeUnit(name);
  if (n === undefined) throw new Error(`Unknown time unit: '${name}'`);
  return n;
}

/** TimeUnit.toMillis(interval): truncates toward zero. */
function toMillis(unit: string, interval: number): number {
  return Number((unitNanos(unit) * BigInt(interval)) / 1_000_000n);
}

const NANOS_PER_DAY = BigInt(MS_PER_DAY) * 1_000_000n;

/** LocalTime.plus(nanos): wraps around midnight; the result keeps whole milliseconds. */
function addToTime(msOfDay: number, nanos: bigint): number {
  const n = (((BigInt(msOfDay) * 1_000_000n + nanos) % NANOS_PER_DAY) + NANOS_PER_DAY) % NANOS_PER_DAY;
  return Number(n / 1_000_000n);
}

type Sign = 1 | -1;

function dateShift(sign: Sign) {
  return ([u, n, d]: readonly unknown[]): number =>
    // `+ 0` turns the -0 of Math.trunc into 0.
    Math.trunc(((d as number) * MS_PER_DAY + sign * toMillis(u as string, n as number)) / MS_PER_DAY) + 0;
}
function timeShift(sign: Sign) {
  return ([u, n, t]: readonly unknown[]): number => addToTime(t as number, BigInt(sign) * unitNanos(u as string) * BigInt(n as number));
}
function timestampShift(sign: Sign) {
  return ([u, n, ts]: readonly unknown[]): number => (ts as number) + sign * toMillis(u as string, n as number);
}

// ksqlDB declares these in lower case (`dateadd`), as its messages show.
export const DATETIME_ADD_FUNCTIONS = [
  scalar('DATEADD', 'Adds an interval of a time unit to a DATE (whole days; a partial day is dropped).', ['DATEADD(unit, INTEGER, DATE) → DATE'], [
    { params: ['STRING', 'INTEGER', 'DATE'], returns: DATE, impl: dateShift(1) },
  ]),
  scalar('DATESUB', 'Subtracts an interval of a time unit from a DATE (whole days; a partial day is dropped).', ['DATESUB(unit, INTEGER, DATE) → DATE'], [
    { params: ['STRING', 'INTEGER', 'DATE'], returns: DATE, impl: dateShift(-1) },
  ]),
  scalar('TIMEADD', 'Adds an interval of a time unit to a TIME, wrapping around midnight.', ['TIMEADD(unit, INTEGER, TIME) → TIME'], [
    { params: ['STRING', 'INTEGER', 'TIME'], returns: TIME, impl: timeShift(1) },
  ]),
  scalar('TIMESUB', 'Subtracts an interval of a time unit from a TIME, wrapping around midnight.', ['TIMESUB(unit, INTEGER, TIME) → TIME'], [
    { params: ['STRING', 'INTEGER', 'TIME'], returns: TIME, impl: timeShift(-1) },
  ]),
  scalar('TIMESTAMPADD', 'Adds an interval of a time unit to a TIMESTAMP.', ['TIMESTAMPADD(unit, INTEGER, TIMESTAMP) → TIMESTAMP'], [
    { params: ['STRING', 'INTEGER', 'TIMESTAMP'], returns: TIMESTAMP, impl: timestampShift(1) },
  ]),
  scalar('TIMESTAMPSUB', 'Subtracts an interval of a time unit from a TIMESTAMP.', ['TIMESTAMPSUB(unit, INTEGER, TIMESTAMP) → TIMESTAMP'], [
    { params: ['STRING', 'INTEGER', 'TIMESTAMP'], returns: TIMESTAMP, impl: timestampShift(-1) },
  ]),
].map((f) => declaredAs(f, f.name.toLowerCase()));
