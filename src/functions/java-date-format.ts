/**
 * Java DateTimeFormatter patterns (`yyyy-MM-dd''T''HH:mm:ss.SSSX`), as ksqlDB's date/time
 * functions use them: compile once (cached), then format a local date/time (+ zone) or parse text
 * into fields. Parsing is case-insensitive (ksqlDB builds its parsers with parseCaseInsensitive).
 * Supported letters: G u y M L d D E a H h K k m s S n A N V z O X x Z; text is English.
 * Not supported: optional sections `[...]`, week-based fields (Y w W e c), quarters (Q q).
 * Errors throw; the compiler turns them into NULL plus a processing-log entry.
 */
import { offsetId, readZoneText, zoneName, type Zone } from './time-zone.js';

type Token = { readonly kind: 'literal'; readonly text: string } | { readonly kind: 'field'; readonly letter: string; readonly count: number };

export interface CompiledPattern {
  readonly pattern: string;
  readonly tokens: readonly Token[];
}

const DATE_LETTERS = 'GuyMLdDE';
const TIME_LETTERS = 'aHhKkmsSnAN';
const ZONE_LETTERS = 'VzOXxZ';
const MAX_COUNT: Readonly<Record<string, number>> = {
  G: 5, u: 19, y: 19, M: 5, L: 5, d: 2, D: 3, E: 5, a: 1, H: 2, h: 2, K: 2, k: 2, m: 2, s: 2,
  S: 9, n: 9, A: 19, N: 19, V: 2, z: 4, O: 4, X: 5, x: 5, Z: 5,
};

const CACHE_LIMIT = 1000;
const cache = new Map<string, CompiledPattern>();

/** Compiles (and caches) a pattern; throws on an unknown letter or an unclosed quote. */
export function compilePattern(pattern: string): CompiledPattern {
  const hit = cache.get(pattern);
  if (hit) return hit;
  const tokens: Token[] = [];
  const literal = (t: string): void => {
    const last = tokens.at(-1);
    if (last?.kind === 'literal') tokens[tokens.length - 1] = { kind: 'literal', text: last.text + t };
    else tokens.push({ kind: 'literal', text: t });
  };
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i]!;
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        literal("'");
        i += 2;
        continue;
      }
      // A quoted literal; '' inside it is one quote.
      let j = i + 1;
      let lit = '';
      for (;;) {
        if (j >= pattern.length) throw new Error(`Pattern ends with an incomplete string literal: ${pattern}`);
        if (pattern[j] === "'") {
          if (pattern[j + 1] !== "'") break;
          lit += "'";
          j += 2;
        } else lit += pattern[j++];
      }
      literal(lit);
      i = j + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let n = 1;
      while (pattern[i + n] === c) n++;
      const max = MAX_COUNT[c];
      if (max === undefined) throw new Error(`Unknown pattern letter: ${c}`);
      if (n > max) throw new Error(`Too many pattern letters: ${c}`);
      tokens.push({ kind: 'field', letter: c, count: n });
      i += n;
    } else if (c === '[' || c === ']' || c === '{' || c === '}' || c === '#') {
      throw new Error(`Pattern includes reserved character: '${c}'`);
    } else {
      literal(c);
      i++;
    }
  }
  const compiled: CompiledPattern = { pattern, tokens };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}

/** Which kinds of field a pattern uses; FORMAT_DATE rejects time fields, FORMAT_TIME date fields. */
export function patternUses(p: CompiledPattern): { date: boolean; time: boolean; zone: boolean } {
  const has = (letters: string): boolean => p.tokens.some((t) => t.kind === 'field' && letters.includes(t.letter));
  return { date: has(DATE_LETTERS), time: has(TIME_LETTERS), zone: has(ZONE_LETTERS) };
}

// ---- formatting ---------------------------------------------------------------------------------

export interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}
export interface LocalTime {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly nano: number;
}
export interface ZoneAt {
  readonly zone: Zone;
  readonly offsetMs: number;
  readonly instantMs: number;
}
export interface TemporalValue {
  readonly date?: LocalDate;
  readonly time?: LocalTime;
  readonly zone?: ZoneAt;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const pad = (n: number, w: number): string => (n < 0 ? '-' + String(-n).padStart(w, '0') : String(n).padStart(w, '0'));

function text(full: string, count: number): string {
  if (count === 4) return full;
  if (count === 5) return full[0]!;
  return full.slice(0, 3);
}

function dayOfYear(d: LocalDate): number {
  return Math.round((utcMs(d.year, d.month, d.day) - utcMs(d.year, 1, 1)) / 86_400_000) + 1;
}

function dayOfWeek(d: LocalDate): number {
  const dow = new Date(utcMs(d.year, d.month, d.day)).getUTCDay();
  return dow === 0 ? 7 : dow;
}

/** Epoch ms of a UTC date (years 0..99 too, which Date.UTC would move to 19xx). */
export function utcMs(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

function offsetText(offsetMs: number, style: 'X' | 'x' | 'Z', count: number): string {
  if (style === 'Z' && count === 4) return offsetMs === 0 ? 'GMT' : `GMT${offsetId(offsetMs)}`;
  if (offsetMs === 0 && (style === 'X' || (style === 'Z' && count === 5))) return 'Z';
  const sign = offsetMs < 0 ? '-' : '+';
  const total = Math.abs(offsetMs) / 1000;
  const h = pad(Math.floor(total / 3600), 2);
  const m = pad(Math.floor(total / 60) % 60, 2);
  const s = pad(total % 60, 2);
  const colon = style === 'Z' ? count === 5 : count === 3 || count === 5;
  const sep = colon ? ':' : '';
  if (style !== 'Z' && count === 1) return m === '00' ? `${sign}${h}` : `${sign}${h}${m}`;
  if (style === 'Z' && count <= 3) return `${sign}${h}${m}`;
  const withSeconds = style === 'Z' ? count === 5 : count >= 4;
  return withSeconds && s !== '00' ? `${sign}${h}${sep}${m}${sep}${s}` : `${sign}${h}${sep}${m}`;
}

function need<T>(v: T | undefined, letter: string): T {
  if (v === undefined) throw new Error(`Unsupported field: ${FIELD_NAMES[letter] ?? letter}`);
  return v;
}

const FIELD_NAMES: Readonly<Record<string, string>> = {
  G: 'Era', u: 'Year', y: 'YearOfEra', M: 'MonthOfYear', L: 'MonthOfYear', d: 'DayOfMonth', D: 'DayOfYear',
  E: 'DayOfWeek', a: 'AmPmOfDay', H: 'HourOfDay', h: 'ClockHourOfAmPm', K: 'HourOfAmPm', k: 'ClockHourOfDay',
  m: 'MinuteOfHour', s: 'SecondOfMinute', S: 'NanoOfSecond', n: 'NanoOfSecond', A: 'MilliOfDay', N: 'NanoOfDay',
  V: 'ZoneId', z: 'ZoneId', O: 'OffsetSeconds', X: 'OffsetSeconds', x: 'OffsetSeconds', Z: 'OffsetSeconds',
};

function year(y: number, count: number): string {
  if (count === 2) return pad(((y % 100) + 100) % 100, 2);
  const s = pad(y, count);
  // Java prints '+' on years wider than a 4-letter pattern allows.
  return count >= 4 && y > 9999 ? `+${s}` : s;
}

function formatField(letter: string, count: number, v: TemporalValue): string {
  switch (letter) {
    case 'G': {
      const d = need(v.date, letter);
      const ad = d.year > 0;
      return count === 4 ? (ad ? 'Anno Domini' : 'Before Christ') : count === 5 ? (ad ? 'A' : 'B') : ad ? 'AD' : 'BC';
    }
    case 'u':
      return year(need(v.date, letter).year, count);
    case 'y': {
      const y = need(v.date, letter).year;
      return year(y > 0 ? y : 1 - y, count);
    }
    case 'M':
    case 'L': {
      const m = need(v.date, letter).month;
      return count >= 3 ? text(MONTHS[m - 1]!, count) : pad(m, count);
    }
    case 'd':
      return pad(need(v.date, letter).day, count);
    case 'D':
      return pad(dayOfYear(need(v.date, letter)), count);
    case 'E':
      return text(DAYS[dayOfWeek(need(v.date, letter)) - 1]!, count);
    case 'a':
      return need(v.time, letter).hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(need(v.time, letter).hour, count);
    case 'k':
      return pad(need(v.time, letter).hour || 24, count);
    case 'K':
      return pad(need(v.time, letter).hour % 12, count);
    case 'h':
      return pad(need(v.time, letter).hour % 12 || 12, count);
    case 'm':
      return pad(need(v.time, letter).minute, count);
    case 's':
      return pad(need(v.time, letter).second, count);
    case 'S':
      return pad(need(v.time, letter).nano, 9).slice(0, count);
    case 'n':
      return pad(need(v.time, letter).nano, count);
    case 'A': {
      const t = need(v.time, letter);
      return pad(((t.hour * 60 + t.minute) * 60 + t.second) * 1000 + Math.floor(t.nano / 1e6), count);
    }
    case 'N': {
      const t = need(v.time, letter);
      return pad(((t.hour * 60 + t.minute) * 60 + t.second) * 1e9 + t.nano, count);
    }
    case 'V':
      if (count !== 2) throw new Error('Pattern letter count must be 2: V');
      return need(v.zone, letter).zone.id;
    case 'z': {
      const z = need(v.zone, letter);
      return zoneName(z.zone, z.instantMs, count === 4);
    }
    case 'O': {
      const off = need(v.zone, letter).offsetMs;
      if (off === 0) return 'GMT';
      if (count === 4) return `GMT${offsetId(off)}`;
      const total = Math.abs(off) / 60_000;
      const mins = total % 60;
      return `GMT${off < 0 ? '-' : '+'}${Math.floor(total / 60)}${mins ? ':' + pad(mins, 2) : ''}`;
    }
    case 'X':
    case 'x':
    case 'Z':
      return offsetText(need(v.zone, letter).offsetMs, letter, count);
    default:
      throw new Error(`Unknown pattern letter: ${letter}`);
  }
}

/** Formats a value; throws `Unsupported field` when the pattern needs a part the value lacks. */
export function formatPattern(p: CompiledPattern, v: TemporalValue): string {
  let out = '';
  for (const t of p.tokens) out += t.kind === 'literal' ? t.text : formatField(t.letter, t.count, v);
  return out;
}

// ---- parsing ------------------------------------------------------------------------------------

export interface ParsedFields {
  year?: number;
  yearOfEra?: number;
  era?: number;
  month?: number;
  day?: number;
  dayOfYear?: number;
  dayOfWeek?: number;
  ampm?: number;
  hour?: number;
  hourOfAmPm?: number;
  minute?: number;
  second?: number;
  nano?: number;
  milliOfDay?: number;
  zone?: Zone;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

function fail(text: string, index: number): never {
  throw new Error(`Text '${text}' could not be parsed at index ${index}`);
}

function readTextChoice(text: string, at: number, choices: readonly string[]): { index: number; length: number } | undefined {
  let best: { index: number; length: number } | undefined;
  const rest = text.slice(at).toLowerCase();
  choices.forEach((c, index) => {
    if (rest.startsWith(c.toLowerCase()) && (!best || c.length > best.length)) best = { index, length: c.length };
  });
  return best;
}

const OFFSET_PARSE_RE = /^([+-])(\d{2})(?::?(\d{2}))?(?::?(\d{2}))?/;
/** Pattern letter O: `GMT+8`, `GMT+08:00`. */
const GMT_OFFSET_PARSE_RE = /^([+-])(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?/;

function fixedZone(offsetMs: number): Zone {
  return { kind: 'fixed', id: offsetId(offsetMs), offsetMs };
}

/**
 * Parses text against a pattern; throws with Java's message shape on a mismatch. The whole text
 * must match unless `allowTrailing` (java.text.DateFormat.parse stops where the pattern ends).
 */
export function parsePattern(p: CompiledPattern, input: string, allowTrailing = false): ParsedFields {
  const f: ParsedFields = {};
  let at = 0;
  const tokens = p.tokens;
  for (let ti = 0; ti < tokens.length; ti++) {
    const t = tokens[ti]!;
    if (t.kind === 'literal') {
      if (input.slice(at, at + t.text.length).toLowerCase() !== t.text.toLowerCase()) fail(input, at);
      at += t.text.length;
      continue;
    }
    const { letter, count } = t;
    const next = tokens[ti + 1];
    // Adjacent numeric fields (HHmmss) each take exactly their width, as Java's adjacent parsing does.
    const adjacent = next?.kind === 'field' && 'uyMLdDHhKkmsSnAN'.includes(next.letter) && !(next.letter === 'M' && next.count >= 3);
    const number = (min: number, max: number): number => {
      let end = at;
      const sign = (letter === 'u' || letter === 'y') && count >= 4 && (input[at] === '+' || input[at] === '-') ? input[at] : undefined;
      if (sign) end++;
      const start = end;
      const limit = adjacent || count >= 2 || letter === 'S' ? Math.max(count, min) : max;
      while (end - start < limit && isDigit(input[end])) end++;
      if (end - start < min) fail(input, at);
      const digits = input.slice(start, end);
      at = end;
      return (sign === '-' ? -1 : 1) * Number(digits);
    };
    switch (letter) {
      case 'G': {
        const hit = readTextChoice(input, at, count === 4 ? ['Before Christ', 'Anno Domini'] : count === 5 ? ['B', 'A'] : ['BC', 'AD']);
        if (!hit) fail(input, at);
        f.era = hit.index;
        at += hit.length;
        break;
      }
      case 'u':
      case 'y': {
        const v = count === 2 ? 2000 + number(2, 2) : number(count, 19);
        if (letter === 'u') f.year = v;
        else f.yearOfEra = v;
        break;
      }
      case 'M':
      case 'L':
        if (count >= 3) {
          const hit = readTextChoice(input, at, MONTHS.map((m) => text(m, count)));
          if (!hit) fail(input, at);
          f.month = hit.index + 1;
          at += hit.length;
        } else f.month = number(count, 2);
        break;
      case 'd':
        f.day = number(count, 2);
        break;
      case 'D':
        f.dayOfYear = number(count, 3);
        break;
      case 'E': {
        const hit = readTextChoice(input, at, DAYS.map((d) => text(d, count)));
        if (!hit) fail(input, at);
        f.dayOfWeek = hit.index + 1;
        at += hit.length;
        break;
      }
      case 'a': {
        const hit = readTextChoice(input, at, ['AM', 'PM']);
        if (!hit) fail(input, at);
        f.ampm = hit.index;
        at += hit.length;
        break;
      }
      case 'H':
        f.hour = number(count, 2);
        break;
      case 'k':
        f.hour = number(count, 2) % 24;
        break;
      case 'K':
        f.hourOfAmPm = number(count, 2);
        break;
      case 'h':
        f.hourOfAmPm = number(count, 2) % 12;
        break;
      case 'm':
        f.minute = number(count, 2);
        break;
      case 's':
        f.second = number(count, 2);
        break;
      case 'S': {
        const startAt = at;
        const v = number(count, count);
        f.nano = v * 10 ** (9 - (at - startAt));
        break;
      }
      case 'n':
        f.nano = number(count, 9);
        break;
      case 'A':
        f.milliOfDay = number(count, 9);
        break;
      case 'N': {
        const nanos = number(count, 14);
        f.milliOfDay = Math.floor(nanos / 1e6);
        f.nano = nanos % 1e9;
        break;
      }
      case 'X':
      case 'x':
      case 'Z':
      case 'O': {
        const rest = input.slice(at);
        if ((letter === 'X' || letter === 'Z') && /^z/i.test(rest)) {
          f.zone = fixedZone(0);
          at += 1;
          break;
        }
        const gmt = (letter === 'O' || (letter === 'Z' && count === 4)) && /^gmt/i.test(rest) ? 3 : 0;
        const m = (gmt ? GMT_OFFSET_PARSE_RE : OFFSET_PARSE_RE).exec(rest.slice(gmt));
        if (!m) {
          if (gmt) {
            f.zone = fixedZone(0);
            at += gmt;
            break;
          }
          fail(input, at);
        }
        const ms = ((Number(m[2]) * 60 + Number(m[3] ?? 0)) * 60 + Number(m[4] ?? 0)) * 1000;
        f.zone = fixedZone(m[1] === '-' ? -ms : ms);
        at += gmt + m[0].length;
        break;
      }
      case 'z':
      case 'V': {
        const hit = readZoneText(input.slice(at));
        if (!hit) fail(input, at);
        f.zone = hit.zone;
        at += hit.length;
        break;
      }
      default:
        throw new Error(`Unknown pattern letter: ${letter}`);
    }
  }
  if (at < input.length && !allowTrailing) throw new Error(`Text '${input}' could not be parsed, unparsed text found at index ${at}`);
  return f;
}

/** True if the parse produced any date (time) field; PARSE_TIME (PARSE_DATE) rejects those. */
export function hasDateField(f: ParsedFields): boolean {
  return [f.year, f.yearOfEra, f.era, f.month, f.day, f.dayOfYear, f.dayOfWeek].some((x) => x !== undefined);
}
