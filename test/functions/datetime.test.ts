import { describe, expect, it } from 'vitest';
import type { FunctionContext } from '../../src/functions/function.js';
import { parseTimeUnit, TIME_UNIT_ARG_FUNCTIONS } from '../../src/functions/datetime-add.js';
import { BIGINT, DATE, INTEGER, STRING, TIME, TIMESTAMP } from '../../src/types/sql-type.js';
import { callFn } from './call.js';

const s = (v: string | null): [typeof STRING, string | null] => [STRING, v];
const i = (v: number | null): [typeof INTEGER, number | null] => [INTEGER, v];
const value = (name: string, args: Parameters<typeof callFn>[1], ctx?: FunctionContext): unknown => callFn(name, args, ctx).value;
const clock = (ms: number): FunctionContext => ({ now: () => ms, random: () => 0.5 });

describe('UNIX_TIMESTAMP / UNIX_DATE / FROM_UNIXTIME / FROM_DAYS', () => {
  it('reads the injected clock', () => {
    expect(callFn('UNIX_TIMESTAMP', [], clock(1589234313000))).toEqual({ value: 1589234313000n, type: BIGINT });
    expect(callFn('UNIX_DATE', [], clock(1589234313000))).toEqual({ value: 18393, type: INTEGER });
    expect(value('UNIX_DATE', [], clock(-1))).toBe(-1);
  });

  it('converts between epoch numbers and temporal values (ksqlDB QTT)', () => {
    expect(value('UNIX_TIMESTAMP', [[TIMESTAMP, 1589234313000]])).toBe(1589234313000n);
    expect(value('UNIX_DATE', [[DATE, 100]])).toBe(100);
    expect(callFn('FROM_UNIXTIME', [[BIGINT, 100n]])).toEqual({ value: 100, type: TIMESTAMP });
    expect(callFn('FROM_DAYS', [i(19000)])).toEqual({ value: 19000, type: DATE });
    expect(value('FROM_DAYS', [i(null)])).toBeNull();
  });
});

describe('CONVERT_TZ', () => {
  it('shifts by the difference of offsets, by id or by offset (ksqlDB QTT)', () => {
    const tz = (ms: number, a: string, b: string): unknown => value('CONVERT_TZ', [[TIMESTAMP, ms], s(a), s(b)]);
    expect(tz(100, '+0200', '+0500')).toBe(10800100);
    expect(tz(1589234313000, '+0200', '+0500')).toBe(1589245113000);
    expect(tz(100, 'America/Los_Angeles', 'America/New_York')).toBe(10800100);
    expect(tz(1589234313000, 'America/Los_Angeles', 'America/New_York')).toBe(1589245113000);
    expect(tz(0, 'UTC', 'GMT+01:00')).toBe(3_600_000);
    expect(() => tz(0, 'UTC', 'Nowhere/Land')).toThrow(/Unknown time-zone ID/);
    expect(() => tz(0, 'UTC', '+25:00')).toThrow(/Invalid ID for ZoneOffset/);
  });
});

describe('DATEADD / DATESUB / TIMEADD / TIMESUB / TIMESTAMPADD / TIMESTAMPSUB', () => {
  const unit = (u: string): [typeof STRING, string] => [STRING, u];

  it('adds and subtracts units (ksqlDB QTT)', () => {
    expect(callFn('DATEADD', [unit('DAYS'), i(10), [DATE, 10]])).toEqual({ value: 20, type: DATE });
    expect(value('DATEADD', [unit('DAYS'), i(-5), [DATE, 2]])).toBe(-3);
    expect(value('DATEADD', [unit('MILLISECONDS'), i(5), [DATE, 5]])).toBe(5);
    expect(value('DATESUB', [unit('DAY'), i(1), [DATE, 0]])).toBe(-1);
    expect(value('DATEADD', [unit('HOURS'), i(-1), [DATE, 0]])).toBe(0);
    expect(value('TIMESTAMPADD', [unit('MILLISECONDS'), i(-5), [TIMESTAMP, 10]])).toBe(5);
    expect(value('TIMESTAMPADD', [unit('seconds'), i(5), [TIMESTAMP, 0]])).toBe(5000);
    expect(value('TIMESTAMPSUB', [unit('MILLISECONDS'), i(-5), [TIMESTAMP, -100]])).toBe(-95);
    expect(value('TIMESUB', [unit('MILLISECONDS'), i(10), [TIME, 5]])).toBe(86399995);
    expect(value('TIMESUB', [unit('MILLISECONDS'), i(-5), [TIME, 86399997]])).toBe(2);
    expect(value('TIMEADD', [unit('HOURS'), i(25), [TIME, 0]])).toBe(3_600_000);
    expect(value('TIMEADD', [unit('NANOSECONDS'), i(-1), [TIME, 5]])).toBe(4);
    expect(value('TIMESTAMPADD', [unit('MILLISECONDS'), i(null), [TIMESTAMP, 5]])).toBeNull();
  });

  it('rejects a value of the wrong type and an unknown unit', () => {
    const r = callFn.bind(null, 'DATEADD', [[DATE, 1], i(5), [DATE, 1]]);
    expect(r).toThrow("Function 'dateadd' does not accept parameters (DATE, INTEGER, DATE).");
    expect(() => value('TIMESTAMPADD', [unit('FORTNIGHTS'), i(1), [TIMESTAMP, 0]])).toThrow(/Unknown time unit/);
  });

  it('names the functions and units the analyzer must read as keywords', () => {
    expect([...TIME_UNIT_ARG_FUNCTIONS].sort()).toEqual(['DATEADD', 'DATESUB', 'TIMEADD', 'TIMESTAMPADD', 'TIMESTAMPSUB', 'TIMESUB']);
    expect(parseTimeUnit('Minutes')).toBe(60_000_000_000n);
    expect(parseTimeUnit('WEEKS')).toBeUndefined();
  });
});
