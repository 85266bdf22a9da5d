/**
 * TIMESTAMP (epoch ms, UTC), DATE (epoch days) and TIME (ms of day) as text, the way ksqlDB prints
 * and parses them: `2020-01-01T00:00:00.000`, `2020-01-01`, `12:00:00`.
 */

export const MS_PER_DAY = 86_400_000;

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

function formatDatePart(d: Date): string {
  const y = d.getUTCFullYear();
  const year = y >= 0 && y <= 9999 ? pad(y, 4) : (y < 0 ? '-' : '+') + pad(Math.abs(y), 4);
  return `${year}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** `2020-01-01T00:00:00.000` (UTC, always with milliseconds). */
export function formatTimestamp(ms: number): string {
  const d = new Date(ms);
  return `${formatDatePart(d)}T${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}.${pad(d.getUTCMilliseconds(), 3)}`;
}

/** `2020-01-01` */
export function formatDate(days: number): string {
  return formatDatePart(new Date(days * MS_PER_DAY));
}

/** `12:00:00`, or `12:00:00.250` when there are milliseconds. */
export function formatTime(msOfDay: number): string {
  const ms = msOfDay % 1000;
  const s = Math.floor(msOfDay / 1000);
  const base = `${pad(Math.floor(s / 3600), 2)}:${pad(Math.floor(s / 60) % 60, 2)}:${pad(s % 60, 2)}`;
  return ms === 0 ? base : `${base}.${pad(ms, 3)}`;
}

const DATE_RE = /^([+-]?\d{4,})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;
const ZONE_RE = /(Z|[+-]\d{2}(?::?\d{2})?)$/;

function dateToDays(text: string): number | undefined {
  const m = DATE_RE.exec(text);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return undefined;
  // Date.UTC maps years 0..99 to 1900..1999; fix the year explicitly.
  const fixed = new Date(0);
  fixed.setUTCFullYear(y, mo - 1, d);
  return Math.round(fixed.getTime() / MS_PER_DAY);
}

function timeToMs(text: string): number | undefined {
  const m = TIME_RE.exec(text);
  if (!m) return undefined;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  const s = m[3] ? Number(m[3]) : 0;
  const frac = m[4] ? Number((m[4] + '00').slice(0, 3)) : 0;
  if (h > 23 || mi > 59 || s > 59) return undefined;
  return ((h * 60 + mi) * 60 + s) * 1000 + frac;
}

/** Parses `yyyy-MM-dd` into epoch days. */
export function parseDate(text: string): number | undefined {
  return dateToDays(text.trim());
}

/** Parses `HH:mm[:ss[.SSS]]` into ms of day. */
export function parseTime(text: string): number | undefined {
  return timeToMs(text.trim());
}

/**
 * Parses an ISO-8601 timestamp as ksqlDB accepts it in INSERT VALUES and CAST: `yyyy-MM-dd`,
 * optionally `THH:mm[:ss[.fff]]`, optionally a zone `Z` or `+hh[:mm]` (UTC when absent).
 */
export function parseTimestamp(text: string): number | undefined {
  let t = text.trim();
  let offsetMs = 0;
  const tIndex = t.indexOf('T');
  if (tIndex >= 0) {
    const zone = ZONE_RE.exec(t.slice(tIndex + 1));
    if (zone) {
      t = t.slice(0, t.length - zone[0].length);
      if (zone[1] !== 'Z') {
        const z = zone[1]!;
        const sign = z[0] === '-' ? -1 : 1;
        const digits = z.slice(1).replace(':', '');
        const hh = Number(digits.slice(0, 2));
        const mm = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
        offsetMs = sign * (hh * 60 + mm) * 60_000;
      }
    }
  }
  const [datePart, timePart] = tIndex >= 0 ? [t.slice(0, tIndex), t.slice(tIndex + 1)] : [t, undefined];
  const days = dateToDays(datePart!);
  if (days === undefined) return undefined;
  const ms = timePart === undefined ? 0 : timeToMs(timePart);
  if (ms === undefined) return undefined;
  return days * MS_PER_DAY + ms - offsetMs;
}
