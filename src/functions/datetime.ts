/**
 * Clock and epoch functions: UNIX_TIMESTAMP, UNIX_DATE, FROM_UNIXTIME, FROM_DAYS, CONVERT_TZ
 * (ksqlDB semantics). The clock is FunctionContext.now; "today" is the UTC date (ksqlDB uses the
 * server's zone).
 */
import { BIGINT, DATE, INTEGER, TIMESTAMP } from '../types/sql-type.js';
import { MS_PER_DAY } from '../types/temporal.js';
import { scalar, SYSTEM_CONTEXT } from './function.js';
import { offsetAt, zoneOf } from './time-zone.js';

/** CONVERT_TZ: shifts the instant by the difference of the two zones' offsets at that instant. */
export function convertTz(ms: number, from: string, to: string): number {
  const fromZone = zoneOf(from);
  const toZone = zoneOf(to);
  return ms + offsetAt(toZone, ms) - offsetAt(fromZone, ms);
}

export const DATETIME_FUNCTIONS = [
  scalar('UNIX_TIMESTAMP', 'The current time, or the given TIMESTAMP, as milliseconds since 1970-01-01T00:00:00 UTC.', ['UNIX_TIMESTAMP() → BIGINT', 'UNIX_TIMESTAMP(TIMESTAMP) → BIGINT'], [
    { params: [], returns: BIGINT, impl: (_args, ctx = SYSTEM_CONTEXT) => BigInt(Math.floor(ctx.now())) },
    { params: ['TIMESTAMP'], returns: BIGINT, impl: ([ts]) => BigInt(ts as number) },
  ]),
  scalar('UNIX_DATE', 'Today (UTC), or the given DATE, as days since 1970-01-01.', ['UNIX_DATE() → INTEGER', 'UNIX_DATE(DATE) → INTEGER'], [
    { params: [], returns: INTEGER, impl: (_args, ctx = SYSTEM_CONTEXT) => Math.floor(ctx.now() / MS_PER_DAY) },
    { params: ['DATE'], returns: INTEGER, impl: ([d]) => d as number },
  ]),
  scalar('FROM_UNIXTIME', 'A TIMESTAMP from BIGINT milliseconds since 1970-01-01T00:00:00 UTC.', ['FROM_UNIXTIME(BIGINT) → TIMESTAMP'], [
    { params: ['BIGINT'], returns: TIMESTAMP, impl: ([ms]) => Number(ms as bigint) },
  ]),
  scalar('FROM_DAYS', 'A DATE from INTEGER days since 1970-01-01.', ['FROM_DAYS(INTEGER) → DATE'], [
    { params: ['INTEGER'], returns: DATE, impl: ([d]) => d as number },
  ]),
  scalar('CONVERT_TZ', "Converts a TIMESTAMP from one time zone to another (zone ids like 'UTC', 'America/Los_Angeles', '+0200').", ['CONVERT_TZ(TIMESTAMP, STRING, STRING) → TIMESTAMP'], [
    { params: ['TIMESTAMP', 'STRING', 'STRING'], returns: TIMESTAMP, impl: ([ts, from, to]) => convertTz(ts as number, from as string, to as string) },
  ]),
];
