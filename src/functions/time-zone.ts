/**
 * Time zones the way java.time's ZoneId.of reads them, on Node's ICU (Intl): `Z`, offsets
 * (`+02`, `+0200`, `+02:00`, `-05:30:15`), `UTC`/`GMT`/`UT` optionally with an offset, and IANA
 * region ids (`America/Los_Angeles`). Offsets of region zones come from Intl, so daylight saving
 * follows the tz database Node ships. A bad id throws (the caller turns it into NULL plus a
 * processing-log entry, as ksqlDB's KsqlFunctionException does).
 */
import { javaZoneNames } from './java-zone-names.js';

export type Zone =
  | { readonly kind: 'fixed'; readonly id: string; readonly offsetMs: number }
  | { readonly kind: 'region'; readonly id: string };

export const UTC_ZONE: Zone = Object.freeze({ kind: 'fixed', id: 'UTC', offsetMs: 0 });

const MS_PER_MINUTE = 60_000;
const MAX_OFFSET_HOURS = 18;
/** Zones and formatters are reused across rows; bound the caches anyway. */
const CACHE_LIMIT = 512;

const OFFSET_RE = /^([+-])(?:(\d)|(\d{2})(?::?(\d{2})(?::?(\d{2}))?)?)$/;

function parseOffset(text: string): number | undefined {
  const m = OFFSET_RE.exec(text);
  if (!m) return undefined;
  const h = Number(m[2] ?? m[3]);
  const mi = m[4] ? Number(m[4]) : 0;
  const s = m[5] ? Number(m[5]) : 0;
  if (h > MAX_OFFSET_HOURS || mi > 59 || s > 59 || (h === MAX_OFFSET_HOURS && (mi > 0 || s > 0))) return undefined;
  return (m[1] === '-' ? -1 : 1) * ((h * 60 + mi) * 60 + s) * 1000;
}

/** `+02:00` (java's ZoneOffset id): `Z` for zero. */
export function offsetId(offsetMs: number): string {
  if (offsetMs === 0) return 'Z';
  const sign = offsetMs < 0 ? '-' : '+';
  const total = Math.abs(offsetMs) / 1000;
  const pad = (n: number): string => String(n).padStart(2, '0');
  const base = `${sign}${pad(Math.floor(total / 3600))}:${pad(Math.floor(total / 60) % 60)}`;
  return total % 60 === 0 ? base : `${base}:${pad(total % 60)}`;
}

const zones = new Map<string, Zone>();

function remember(key: string, z: Zone): Zone {
  if (zones.size >= CACHE_LIMIT) zones.clear();
  zones.set(key, z);
  return z;
}

/** java.time ZoneId.of(id); throws on an unknown or malformed id. */
export function zoneOf(id: string): Zone {
  const hit = zones.get(id);
  if (hit) return hit;
  if (id === 'Z') return remember(id, { kind: 'fixed', id: 'Z', offsetMs: 0 });
  if (id.startsWith('+') || id.startsWith('-')) {
    const off = parseOffset(id);
    if (off === undefined) throw new Error(`Invalid ID for ZoneOffset, invalid format: ${id}`);
    return remember(id, { kind: 'fixed', id: offsetId(off), offsetMs: off });
  }
  const prefixed = /^(UTC|GMT|UT)(?:([+-].*))?$/.exec(id);
  if (prefixed) {
    const off = prefixed[2] === undefined ? 0 : parseOffset(prefixed[2]);
    if (off === undefined) throw new Error(`Invalid ID for offset-based ZoneId: ${id}`);
    return remember(id, { kind: 'fixed', id: off === 0 ? prefixed[1]! : `${prefixed[1]}${offsetId(off)}`, offsetMs: off });
  }
  if (!/^[A-Za-z][A-Za-z0-9~/._+-]+$/.test(id)) throw new Error(`Invalid ID for region-based ZoneId, invalid format: ${id}`);
  let canonical: string;
  try {
    canonical = partsFormatter(id).resolvedOptions().timeZone;
  } catch {
    throw new Error(`Unknown time-zone ID: ${id}`);
  }
  // Java keeps the id as written (`Asia/Kolkata`, `US/Pacific`), where Intl names the canonical
  // zone (`Asia/Calcutta`, `America/Los_Angeles`); Intl only fixes the letter case.
  return remember(id, { kind: 'region', id: canonical.toLowerCase() === id.toLowerCase() ? canonical : id });
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(tz: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    if (partsFormatters.size >= CACHE_LIMIT) partsFormatters.clear();
    partsFormatters.set(tz, f);
  }
  return f;
}

/** Offsets are cached per zone and hour; an hour holding a transition is not cached. */
const HOUR_MS = 3_600_000;
const hourOffsets = new Map<string, number>();

/** The zone's offset from UTC at an instant, in ms (whole seconds, as the tz database has them). */
export function offsetAt(zone: Zone, instantMs: number): number {
  if (zone.kind === 'fixed') return zone.offsetMs;
  const hour = Math.floor(instantMs / HOUR_MS);
  const key = `${zone.id}@${hour}`;
  const hit = hourOffsets.get(key);
  if (hit !== undefined) return hit;
  const start = intlOffset(zone.id, hour * HOUR_MS);
  if (start === intlOffset(zone.id, (hour + 1) * HOUR_MS - 1000)) {
    if (hourOffsets.size >= CACHE_LIMIT * 8) hourOffsets.clear();
    hourOffsets.set(key, start);
    return start;
  }
  return intlOffset(zone.id, instantMs);
}

function intlOffset(tz: string, instantMs: number): number {
  const whole = Math.floor(instantMs / 1000) * 1000;
  const p: Record<string, string> = {};
  for (const part of partsFormatter(tz).formatToParts(whole)) p[part.type] = part.value;
  const y = p['era'] === 'BC' || p['era'] === 'B' ? 1 - Number(p['year']) : Number(p['year']);
  const d = new Date(0);
  d.setUTCFullYear(y, Number(p['month']) - 1, Number(p['day']));
  d.setUTCHours(Number(p['hour']), Number(p['minute']), Number(p['second']), 0);
  return d.getTime() - whole;
}

/**
 * The instant of a local date-time in a zone, as java's ZonedDateTime.ofLocal resolves it: in an
 * overlap the earlier offset wins; in a gap the local time moves forward by the gap's length.
 */
export function localToInstant(zone: Zone, localMs: number): number {
  if (zone.kind === 'fixed') return localMs - zone.offsetMs;
  const DAY = 86_400_000;
  const before = offsetAt(zone, localMs - DAY);
  const after = offsetAt(zone, localMs + DAY);
  if (before === after) {
    const o = offsetAt(zone, localMs - before);
    return localMs - (o === before ? before : o);
  }
  if (offsetAt(zone, localMs - before) === before) return localMs - before;
  if (offsetAt(zone, localMs - after) === after) return localMs - after;
  return localMs - before;
}

const nameFormatters = new Map<string, Intl.DateTimeFormat>();

function nameOf(tz: string, style: 'short' | 'long', locale: string, instantMs: number): string {
  const key = `${tz}|${style}|${locale}`;
  let f = nameFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: tz, timeZoneName: style });
    if (nameFormatters.size >= CACHE_LIMIT) nameFormatters.clear();
    nameFormatters.set(key, f);
  }
  return f.formatToParts(instantMs).find((p) => p.type === 'timeZoneName')?.value ?? tz;
}

/** Long names of the offset-free UTC/GMT zones (Java's; `UT` prints its id). */
const FIXED_LONG_NAMES: Readonly<Record<string, string>> = { UTC: 'Coordinated Universal Time', GMT: 'Greenwich Mean Time' };
/** ICU's en-US lacks many abbreviations Java has (CET, IST, AEST, LHST...); these locales are tried next. */
const SHORT_NAME_LOCALES = ['en-US', 'en-GB', 'en-IN', 'en-AU'];
const isGmtOffsetName = (name: string): boolean => /^GMT[+-]/.test(name);
/** Instants whose names stand in for older ones ICU has no names for: winters and summers of recent years. */
const REFERENCE_INSTANTS = [Date.UTC(2021, 0, 1), Date.UTC(2021, 6, 1), Date.UTC(2018, 0, 1), Date.UTC(2018, 6, 1)];

/**
 * Pattern letter z: `PDT`, `CET` (short) or `Pacific Daylight Time` (long), as Java prints them:
 * from the JDK's names (java-zone-names.ts), standard or daylight by the offset at the instant.
 * A fixed zone prints its id (`+05:30`, `UTC+01:00`), UTC and GMT their long names for zzzz.
 * A zone the JDK table lacks is named by ICU; where ICU has only `GMT+x` for an instant (old
 * dates: Java names every instant with today's names), by a recent instant in the same state.
 */
export function zoneName(zone: Zone, instantMs: number, long: boolean): string {
  if (zone.kind === 'fixed') return (long ? FIXED_LONG_NAMES[zone.id] : undefined) ?? zone.id;
  // Daylight saving when the offset is above the zone's standard offset (its smaller recent one).
  const standard = Math.min(offsetAt(zone, REFERENCE_INSTANTS[0]!), offsetAt(zone, REFERENCE_INSTANTS[1]!));
  const dst = offsetAt(zone, instantMs) > standard;
  const java = javaZoneNames(zone.id);
  if (java) return long ? (dst ? java.longDaylight : java.long) : dst ? java.shortDaylight : java.short;
  const style = long ? 'long' : 'short';
  const named = (at: number): string | undefined => {
    for (const locale of long ? ['en-US'] : SHORT_NAME_LOCALES) {
      const name = nameOf(zone.id, style, locale, at);
      if (!isGmtOffsetName(name)) return name;
    }
    return undefined;
  };
  const now = named(instantMs);
  if (now !== undefined) return now;
  for (const at of REFERENCE_INSTANTS) {
    if (offsetAt(zone, at) > standard !== dst) continue;
    const name = named(at);
    if (name !== undefined) return name;
  }
  return nameOf(zone.id, style, 'en-US', instantMs);
}

/** Zone abbreviations java's parser maps to a region (pattern letter z, parsing). */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
  MST: 'America/Denver',
  MDT: 'America/Denver',
  CST: 'America/Chicago',
  CDT: 'America/Chicago',
  EST: 'America/New_York',
  EDT: 'America/New_York',
  AKST: 'America/Anchorage',
  AKDT: 'America/Anchorage',
  HST: 'Pacific/Honolulu',
  BST: 'Europe/London',
  CET: 'Europe/Paris',
  CEST: 'Europe/Paris',
  EET: 'Europe/Athens',
  EEST: 'Europe/Athens',
  JST: 'Asia/Tokyo',
  IST: 'Asia/Kolkata',
  AEST: 'Australia/Sydney',
  AEDT: 'Australia/Sydney',
};

/** Reads a zone name or id at the start of text (case-insensitive): the zone and its length. */
export function readZoneText(text: string): { zone: Zone; length: number } | undefined {
  const m = /^[A-Za-z][A-Za-z0-9_/+:-]*/.exec(text);
  if (!m) return undefined;
  for (let len = m[0].length; len > 0; len--) {
    const word = m[0].slice(0, len);
    const upper = word.toUpperCase();
    if (upper === 'Z') return { zone: zoneOf('Z'), length: len };
    const abbr = ABBREVIATIONS[upper];
    if (abbr) return { zone: zoneOf(abbr), length: len };
    if (/^(UTC|GMT|UT)$/.test(upper)) return { zone: zoneOf(upper), length: len };
    if (word.includes('/')) {
      try {
        return { zone: zoneOf(word), length: len };
      } catch {
        // try a shorter prefix
      }
    }
  }
  return undefined;
}
