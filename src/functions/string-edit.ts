/**
 * String editing functions with ksqlDB's semantics: LPAD, RPAD, REPLACE, INITCAP, INSTR,
 * CONCAT_WS, CHR, ELT, FIELD. Positions are 1-based over UTF-16 code units, as in Java.
 */
import { ExpressionEvalError } from '../types/eval-error.js';
import { BYTES, INTEGER, STRING } from '../types/sql-type.js';
import { scalar } from './function.js';
import { concatBytes } from './strings.js';

const isNull = (v: unknown): boolean => v === null || v === undefined;

/** Pads `input` to `len` with repeated `pad` on the left (or right); longer input is cut to `len`. NULL for empty pad or negative len. */
function padText(input: string, len: number, pad: string, left: boolean): string | null {
  if (pad.length === 0 || len < 0) return null;
  const fill = pad.repeat(Math.ceil(Math.max(len - input.length, 0) / pad.length)).slice(0, Math.max(len - input.length, 0));
  return (left ? fill + input : input + fill).slice(0, len);
}

function padBytes(input: Uint8Array, len: number, pad: Uint8Array, left: boolean): Uint8Array | null {
  if (pad.length === 0 || len < 0) return null;
  if (input.length >= len) return input.slice(0, len);
  const out = new Uint8Array(len);
  const fill = len - input.length;
  for (let i = 0; i < fill; i++) out[left ? i : input.length + i] = pad[i % pad.length]!;
  out.set(input, left ? fill : 0);
  return out;
}

const padFunction = (name: 'LPAD' | 'RPAD', left: boolean) =>
  scalar(
    name,
    `Pads a string or bytes ${left ? 'on the left' : 'on the right'} with a padding string up to a length; longer input is truncated; NULL for an empty padding or a negative length.`,
    [`${name}(STRING, INTEGER, STRING) → STRING`, `${name}(BYTES, INTEGER, BYTES) → BYTES`],
    [
      { params: ['STRING', 'INTEGER', 'STRING'], returns: STRING, impl: ([s, n, p]) => padText(s as string, n as number, p as string, left) },
      { params: ['BYTES', 'INTEGER', 'BYTES'], returns: BYTES, impl: ([s, n, p]) => padBytes(s as Uint8Array, n as number, p as Uint8Array, left) },
    ],
  );

export const LPAD = padFunction('LPAD', true);
export const RPAD = padFunction('RPAD', false);

export const REPLACE = scalar(
  'REPLACE',
  'Replaces every occurrence of a substring (not a pattern) with another string.',
  ['REPLACE(STRING, STRING, STRING) → STRING'],
  [{ params: ['STRING', 'STRING', 'STRING'], returns: STRING, impl: ([s, a, b]) => (s as string).replaceAll(a as string, () => b as string) }],
);

/** Java's \s: space, \t, \n, \x0B, \f, \r. */
const WORD_RE = /[^ \t\n\x0B\f\r]+[ \t\n\x0B\f\r]*/g;

export const INITCAP = scalar(
  'INITCAP',
  'Capitalizes the first letter of each whitespace-separated word and lower-cases the rest (leading whitespace is dropped).',
  ['INITCAP(STRING) → STRING'],
  [
    {
      params: ['STRING'],
      returns: STRING,
      impl: ([s]) => ((s as string).toLowerCase().match(WORD_RE) ?? []).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(''),
    },
  ],
);

/** Start of the n-th occurrence (overlapping) of `sub` in `s`, as commons-lang ordinalIndexOf; -1 if none. */
function ordinalIndexOf(s: string, sub: string, n: number): number {
  if (n <= 0) return -1;
  if (sub.length === 0) return 0;
  let index = -1;
  for (let found = 0; found < n; found++) {
    index = s.indexOf(sub, index + 1);
    if (index < 0) return -1;
  }
  return index;
}

/** commons-lang StringUtils.substring(s, start): a negative start counts from the end. */
const substringFrom = (s: string, start: number): string => s.slice(start < 0 ? Math.max(s.length + start, 0) : Math.min(start, s.length));

const reverse = (s: string): string => [...s].reverse().join('');

/** ksqlDB Instr: 1-based position of the occurrence-th match at or after position (negative: searching backwards from the end); 0 if none. */
function instr(str: string | null, sub: string | null, position: number, occurrence: number): number {
  if (isNull(str) || isNull(sub)) return 0;
  const s = str!;
  const t = sub!;
  if (Math.abs(position) > s.length) return 0;
  const reversed = position < 0;
  const p = reversed ? -position : position;
  const i = ordinalIndexOf(substringFrom(reversed ? reverse(s) : s, p - 1), reversed ? reverse(t) : t, occurrence);
  if (i === -1) return 0;
  return reversed ? s.length - p - i - t.length + 2 : i + p;
}

export const INSTR = scalar(
  'INSTR',
  'The 1-based position of a substring, optionally from a position (negative: search backwards from the end) and for the n-th occurrence; 0 if not found or either string is NULL.',
  ['INSTR(STRING, STRING) → INTEGER', 'INSTR(STRING, STRING, INTEGER) → INTEGER', 'INSTR(STRING, STRING, INTEGER, INTEGER) → INTEGER'],
  [
    { params: ['STRING', 'STRING'], returns: INTEGER, acceptsNulls: true, impl: ([s, t]) => instr(s as string, t as string, 1, 1) },
    {
      params: ['STRING', 'STRING', 'INTEGER'],
      returns: INTEGER,
      acceptsNulls: true,
      impl: ([s, t, p]) => (isNull(p) ? null : instr(s as string, t as string, p as number, 1)),
    },
    {
      params: ['STRING', 'STRING', 'INTEGER', 'INTEGER'],
      returns: INTEGER,
      acceptsNulls: true,
      impl: ([s, t, p, o]) => (isNull(p) || isNull(o) ? null : instr(s as string, t as string, p as number, o as number)),
    },
  ],
);

function concatWs(args: readonly unknown[]): unknown {
  if (args.length < 2) throw new ExpressionEvalError('Function Concat_WS expects at least two input arguments.');
  const [sep, ...rest] = args;
  if (isNull(sep)) return null;
  const parts = rest.filter((a) => !isNull(a));
  if (typeof sep === 'string') return parts.join(sep);
  const withSep: Uint8Array[] = [];
  parts.forEach((p, i) => {
    if (i > 0) withSep.push(sep as Uint8Array);
    withSep.push(p as Uint8Array);
  });
  return concatBytes(withSep);
}

export const CONCAT_WS = scalar(
  'CONCAT_WS',
  'Concatenates strings (or bytes) with a separator (the first argument) between them, skipping NULLs; NULL if the separator is NULL.',
  ['CONCAT_WS(STRING, STRING...) → STRING', 'CONCAT_WS(BYTES, BYTES...) → BYTES'],
  [
    { params: ['STRING', 'STRING'], variadic: true, returns: STRING, acceptsNulls: true, impl: concatWs },
    { params: ['BYTES', 'BYTES'], variadic: true, returns: BYTES, acceptsNulls: true, impl: concatWs },
  ],
);

const MAX_CODE_POINT = 0x10ffff;

/** Java's unescapeJava for the `\uXXXX` form CHR accepts (further escapes in the text are kept). */
function unescapeUnicode(text: string): string {
  return text.replace(/\\u+([0-9a-fA-F]{4})|\\u/g, (m, hex: string | undefined) => {
    if (hex === undefined) throw new ExpressionEvalError(`Unable to parse unicode value: ${text}`);
    return String.fromCharCode(parseInt(hex, 16));
  });
}

export const CHR = scalar(
  'CHR',
  "The character of a decimal code point, or of a UTF-16 escape like '\\u004b'; NULL for an invalid code.",
  ['CHR(INTEGER) → STRING', 'CHR(STRING) → STRING'],
  [
    { params: ['INTEGER'], returns: STRING, impl: ([c]) => ((c as number) < 0 || (c as number) > MAX_CODE_POINT ? null : String.fromCodePoint(c as number)) },
    {
      params: ['STRING'],
      returns: STRING,
      impl: ([s]) => {
        const t = s as string;
        return t.length < 6 || !t.startsWith('\\u') ? null : unescapeUnicode(t);
      },
    },
  ],
);

export const ELT = scalar(
  'ELT',
  'The n-th (1-based) of the string arguments after n; NULL if n is out of range.',
  ['ELT(INTEGER, STRING...) → STRING'],
  [
    {
      params: ['INTEGER', 'STRING'],
      variadic: true,
      returns: STRING,
      acceptsNulls: true,
      impl: ([n, ...args]) => (isNull(n) || (n as number) < 1 || (n as number) > args.length ? null : (args[(n as number) - 1] ?? null)),
    },
  ],
);

export const FIELD = scalar(
  'FIELD',
  'The 1-based position of the first argument among the others, or 0 if absent or NULL.',
  ['FIELD(STRING, STRING...) → INTEGER'],
  [
    {
      params: ['STRING', 'STRING'],
      variadic: true,
      returns: INTEGER,
      acceptsNulls: true,
      impl: ([s, ...args]) => (isNull(s) ? 0 : args.indexOf(s) + 1),
    },
  ],
);

export const STRING_EDIT_FUNCTIONS = [LPAD, RPAD, REPLACE, INITCAP, INSTR, CONCAT_WS, CHR, ELT, FIELD];
