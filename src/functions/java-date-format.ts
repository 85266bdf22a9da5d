/**
 * Java DateTimeFormatter patterns (`yyyy-MM-dd''T''HH:mm:ss.SSSX`), as ksqlDB's date/time
 * functions use them: compile once (cached), then format a local date/time (+ zone) or parse text
 * into fields. Parsing is case-insensitive (ksqlDB builds its parsers with parseCaseInsensitive).
 * Supported letters: G u y Y M L Q q w W d D E e c a H h K k m s S n A N V z O X x Z, and
 * optional sections `[...]`; text is English and week rules are Locale.US's (java-week-fields.ts).
 * Not supported: F g B v and the pad modifier p.
 * Errors throw; the compiler turns them into NULL plus a processing-log entry.
 */
import { dateOfWeek, localizedDayOfWeek, localizedFromIso, weekOfMonth, weekOfWeekBasedYear } from './java-week-fields.js';
import { offsetId, readZoneText, zoneName, type Zone } from './time-zone.js';

type Token =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'field'; readonly letter: string; readonly count: number }
  /** `[...]`: printed only when the value has every field in it; parsed only if the text matches. */
  | { readonly kind: 'optional'; readonly tokens: readonly Token[] };

export interface CompiledPattern {
  readonly pattern: string;
  readonly tokens: readonly Token[];
}

const DATE_LETTERS = 'GuyYMLQqwWdDEec';
const TIME_LETTERS = 'aHhKkmsSnAN';
const ZONE_LETTERS = 'VzOXxZ';
const MAX_COUNT: Readonly<Record<string, number>> = {
  G: 5, u: 19, y: 19, Y: 19, M: 5, L: 5, Q: 5, q: 5, w: 2, W: 1, d: 2, D: 3, E: 5, e: 5, c: 5, a: 1, H: 2, h: 2, K: 2, k: 2, m: 2, s: 2,
  S: 9, n: 9, A: 19, N: 19, V: 2, z: 4, O: 4, X: 5, x: 5, Z: 5,
};

const CACHE_LIMIT = 1000;
const cache = new Map<string, CompiledPattern>();

/** Compiles (and caches) a pattern; throws on an unknown letter or an unclosed quote. */
export function compilePattern(pattern: string): CompiledPattern {
  const hit = cache.get(pattern);
  if (hit) return hit;
  // The open sections, outermost first; tokens go to the innermost.
  const stack: Token[][] = [[]];
  let tokens = stack[0]!;
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
      if (n > max || (c === 'c' && n === 2)) throw new Error(n > max ? `Too many pattern letters: ${c}` : `Invalid pattern "${c.repeat(n)}"`);
      tokens.push({ kind: 'field', letter: c, count: n });
      i += n;
    } else if (c === '[') {
      const inner: Token[] = [];
      tokens.push({ kind: 'optional', tokens: inner });
      stack.push(inner);
      tokens = inner;
      i++;
    } else if (c === ']') {
      if (stack.length === 1) throw new Error('Pattern invalid as it contains ] without previous [');
      stack.pop();
      tokens = stack.at(-1)!;
      i++;
    } else if (c === '{' || c === '}' || c === '#') {
      throw new Error(`Pattern includes reserved character: '${c}'`);
    } else {
      literal(c);
      i++;
    }
  }
  // An unclosed `[` ends with the pattern, as in Java.
  const compiled: CompiledPattern = { pattern, tokens: stack[0]! };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}

/**
 * Which kinds of field a pattern uses outside optional sections; FORMAT_DATE rejects time fields,
 * FORMAT_TIME date fields (an optional section with them is left out instead).
 */
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

const QUARTER_NAMES = ['1st quarter', '2nd quarter', '3rd quarter', '4th quarter'];
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
  E: 'DayOfWeek', e: 'DayOfWeek', c: 'DayOfWeek', Q: 'QuarterOfYear', q: 'QuarterOfYear', Y: 'WeekBasedYear',
  w: 'WeekOfWeekBasedYear', W: 'WeekOfMonth', a: 'AmPmOfDay', H: 'HourOfDay', h: 'ClockHourOfAmPm', K: 'HourOfAmPm', k: 'ClockHourOfDay',
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
    case 'e':
    case 'c': {
      const d = need(v.date, letter);
      return count <= 2 ? pad(localizedDayOfWeek(d), count) : text(DAYS[dayOfWeek(d) - 1]!, count);
    }
    case 'Q':
    case 'q': {
      const q = Math.floor((need(v.date, letter).month - 1) / 3) + 1;
      return count === 3 ? `Q${q}` : count === 4 ? QUARTER_NAMES[q - 1]! : count === 5 ? String(q) : pad(q, count);
    }
    case 'Y':
      return year(weekOfWeekBasedYear(need(v.date, letter)).weekYear, count);
    case 'w':
      return pad(weekOfWeekBasedYear(need(v.date, letter)).week, count);
    case 'W':
      return pad(weekOfMonth(need(v.date, letter)), count);
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

function formatTokens(tokens: readonly Token[], v: TemporalValue): string {
  let out = '';
  for (const t of tokens) {
    if (t.kind === 'literal') out += t.text;
    else if (t.kind === 'field') out += formatField(t.letter, t.count, v);
    else if (hasFieldsFor(t.tokens, v)) out += formatTokens(t.tokens, v);
  }
  return out;
}

/** True if the value has every part (date, time, zone) the fields of an optional section need. */
function hasFieldsFor(tokens: readonly Token[], v: TemporalValue): boolean {
  return tokens.every((t) => {
    if (t.kind === 'literal') return true;
    if (t.kind === 'optional') return true; // judged on its own when printed
    if (DATE_LETTERS.includes(t.letter)) return v.date !== undefined;
    if (TIME_LETTERS.includes(t.letter)) return v.time !== undefined;
    return v.zone !== undefined;
  });
}

/** Formats a value; throws `Unsupported field` when the pattern needs a part the value lacks. */
export function formatPattern(p: CompiledPattern, v: TemporalValue): string {
  return formatTokens(p.tokens, v);
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
  /** Pattern letters e, c: 1 on Sunday. */
  localizedDayOfWeek?: number;
  quarter?: number;
  weekBasedYear?: number;
  weekOfWeekBasedYear?: number;
  weekOfMonth?: number;
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
  const at = parseTokens(p.tokens, input, 0, f);
  if (at < input.length && !allowTrailing) throw new Error(`Text '${input}' could not be parsed, unparsed text found at index ${at}`);
  return f;
}

/** Parses tokens from `start` into `f`; returns where they end. Throws on a mismatch. */
function parseTokens(tokens: readonly Token[], input: string, start: number, f: ParsedFields): number {
  let at = start;
  for (let ti = 0; ti < tokens.length; ti++) {
    const t = tokens[ti]!;
    if (t.kind === 'literal') {
      if (input.slice(at, at + t.text.length).toLowerCase() !== t.text.toLowerCase()) fail(input, at);
      at += t.text.length;
      continue;
    }
    if (t.kind === 'optional') {
      // An optional section that does not match leaves the position and the fields as they were.
      const trial: ParsedFields = { ...f };
      try {
        at = parseTokens(t.tokens, input, at, trial);
        Object.assign(f, trial);
      } catch {
        // not there: go on after the section
      }
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
    /** Reads one of `choices` (case-insensitive, longest match); its index. */
    const choice = (choices: readonly string[]): number => {
      const hit = readTextChoice(input, at, choices);
      if (!hit) fail(input, at);
      at += hit.length;
      return hit.index;
    };
    switch (letter) {
      case 'G':
        f.era = choice(count === 4 ? ['Before Christ', 'Anno Domini'] : count === 5 ? ['B', 'A'] : ['BC', 'AD']);
        break;
      case 'u':
      case 'y': {
        const v = count === 2 ? 2000 + number(2, 2) : number(count, 19);
        if (letter === 'u') f.year = v;
        else f.yearOfEra = v;
        break;
      }
      case 'M':
      case 'L':
        f.month = count >= 3 ? choice(MONTHS.map((m) => text(m, count))) + 1 : number(count, 2);
        break;
      case 'd':
        f.day = number(count, 2);
        break;
      case 'D':
        f.dayOfYear = number(count, 3);
        break;
      case 'E':
        f.dayOfWeek = choice(DAYS.map((d) => text(d, count))) + 1;
        break;
      case 'e':
      case 'c':
        // 1 or 2 letters: the number (1 on Sunday); more: the day's name.
        f.localizedDayOfWeek = count <= 2 ? number(count, count) : localizedFromIso(choice(DAYS.map((d) => text(d, count))) + 1);
        break;
      case 'Q':
      case 'q':
        // 1, 2 or 5 letters: the number; 3: Q1; 4: 1st quarter.
        f.quarter = count === 3 || count === 4 ? choice(count === 3 ? ['Q1', 'Q2', 'Q3', 'Q4'] : QUARTER_NAMES) + 1 : count === 5 ? number(1, 1) : number(count, 2);
        break;
      case 'Y':
        f.weekBasedYear = count === 2 ? 2000 + number(2, 2) : number(count, 19);
        break;
      case 'w':
        f.weekOfWeekBasedYear = number(count, 2);
        break;
      case 'W':
        f.weekOfMonth = number(count, 2);
        break;
      case 'a':
        f.ampm = choice(['AM', 'PM']);
        break;
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
  return at;
}

/** True if the parse produced any date (time) field; PARSE_TIME (PARSE_DATE) rejects those. */
export function hasDateField(f: ParsedFields): boolean {
  return [f.year, f.yearOfEra, f.era, f.month, f.day, f.dayOfYear, f.dayOfWeek, f.localizedDayOfWeek, f.quarter, f.weekBasedYear, f.weekOfWeekBasedYear, f.weekOfMonth].some(
    (x) => x !== undefined,
  );
}

/**
 * The date that week fields give, as Java's resolver finds it: a week-based year, a week of it and
 * a day of week (Y w e), or a year, month, week of month and day of week (y M W e); otherwise none.
 * A quarter alone never resolves (Java leaves QUARTER_OF_YEAR without DAY_OF_QUARTER unresolved).
 */
export function weekDate(f: ParsedFields, year: number | undefined): LocalDate | undefined {
  const dow = f.localizedDayOfWeek ?? (f.dayOfWeek === undefined ? undefined : localizedFromIso(f.dayOfWeek));
  if (dow === undefined) return undefined;
  if (f.weekBasedYear !== undefined && f.weekOfWeekBasedYear !== undefined) return dateOfWeek(f.weekBasedYear, f.weekOfWeekBasedYear, dow);
  if (year !== undefined && f.month !== undefined && f.weekOfMonth !== undefined && f.day === undefined) {
    const first = { year, month: f.month, day: 1 };
    const firstDow = localizedDayOfWeek(first);
    // Java's startOfWeekOffset with minimal days 1: week 1 is the one holding day 1.
    const day = 1 - (firstDow - 1) + (dow - 1) + (f.weekOfMonth - 1) * 7;
    return { year, month: f.month, day };
  }
  return undefined;
}
