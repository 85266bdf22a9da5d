/**
 * Type-directed JSON readers: each SQL type compiles once into a function that reads one value
 * at a cursor and returns it in our value representation (see src/types/sql-type.ts), coercing
 * the way ksqlDB's JSON deserializer does:
 *   - numbers ↔ numeric types with Java's conversions (INTEGER keeps the low 32 bits of a larger
 *     or fractional number, BIGINT the low 64), numeric strings accepted for numeric types;
 *   - STRING accepts anything: numbers and booleans as text, objects as compact JSON, arrays as
 *     `[a, b]`;
 *   - STRUCT fields match exactly first, then by upper-casing the JSON field name;
 *   - missing fields are null; unknown fields are skipped without being built.
 */
import { Decimal } from '../types/decimal.js';
import { typeToString, type SqlType, type StructField } from '../types/sql-type.js';
import { decodeBase64 } from './base64.js';
import { fitDecimal, parseDecimalText, type DecimalType } from './decimal-fit.js';
import { isDigit, JsonCursor, NEEDS_ESCAPE } from './json-cursor.js';
import { formatJavaBigDecimal, parseJavaDouble, parseJavaInt, parseJavaLong } from './java-number-text.js';
import { FieldError } from './serde-error.js';

export type JsonReader = (c: JsonCursor) => unknown;

const QUOTE = 34;
const MINUS = 45;
const LBRACE = 123;
const RBRACE = 125;
const LBRACKET = 91;
const RBRACKET = 93;
const LETTER_N = 110;

export function compileJsonReader(type: SqlType): JsonReader {
  switch (type.kind) {
    case 'BOOLEAN':
      return readBoolean;
    case 'INTEGER':
      return readInteger;
    case 'BIGINT':
      return readBigint;
    case 'DOUBLE':
      return readDouble;
    case 'DECIMAL':
      return decimalReader(type);
    case 'STRING':
      return readStringValue;
    case 'BYTES':
      return readBytes;
    case 'TIMESTAMP':
      return readTimestamp;
    case 'DATE':
      return (c) => readInt32Like(c, 'DATE');
    case 'TIME':
      return (c) => readInt32Like(c, 'TIME');
    case 'ARRAY':
      return arrayReader(type.element, typeToString(type));
    case 'MAP':
      return mapReader(type.value, typeToString(type));
    case 'STRUCT':
      return structReader(type.fields, typeToString(type));
  }
}

// ---- objects whose members are matched to fields: STRUCT values and whole rows ----------------

const MATCHED_BY_UPPER_CASE = 1;
const MATCHED_EXACTLY = 2;

/** Lookup tables for the fields of a STRUCT or the columns of a row, built once per serde. */
export interface FieldTable {
  readonly names: readonly string[];
  readonly readers: readonly JsonReader[];
  /** Field name → index. */
  readonly exact: ReadonlyMap<string, number>;
  /** Field name → index, for names that equal their upper-case form (reachable by upper-casing). */
  readonly upper: ReadonlyMap<string, number>;
  /** Whether an exact match on field i may also feed another field through upper-casing. */
  readonly alsoUpper: readonly boolean[];
  /** Per-read match state; reads are synchronous and never re-enter the same table. */
  readonly matched: Uint8Array;
  /**
   * The member names met at each position of the last objects read, resolved. Records of one
   * topic mostly repeat their member order, so the name at a position is first compared in place
   * with the one seen there before: no name string, no upper-casing, no lookup.
   */
  readonly seen: (SeenMember | undefined)[];
}

/** A member name as it appeared (with its quotes, no escapes) and what it resolves to. */
interface SeenMember {
  readonly quoted: string;
  readonly field: number;
  readonly how: MemberMatch;
}

/** How a member name resolves: to no field, to a field by upper-casing, or exactly. */
type MemberMatch = typeof SKIP | typeof MATCHED_BY_UPPER_CASE | typeof MATCHED_EXACTLY;
const SKIP = 0;

/** Member positions remembered per table (objects with more members resolve the rest by name). */
const SEEN_MEMBERS = 64;

export function compileFieldTable(fields: readonly StructField[]): FieldTable {
  const names = fields.map((f) => f.name);
  const exact = new Map<string, number>();
  const upper = new Map<string, number>();
  names.forEach((name, i) => {
    exact.set(name, i);
    if (name === name.toUpperCase()) upper.set(name, i);
  });
  return {
    names,
    readers: fields.map((f) => compileJsonReader(f.type)),
    exact,
    upper,
    alsoUpper: names.map((name) => name !== name.toUpperCase() && upper.has(name.toUpperCase())),
    matched: new Uint8Array(names.length),
    seen: [],
  };
}

/**
 * Reads an object (the cursor is at its '{') into `out`, which the caller has filled with nulls.
 * ksqlDB's rule: a field takes the member with exactly its name; failing that, the last member
 * whose upper-cased name equals it.
 */
export function readMembers(c: JsonCursor, t: FieldTable, out: unknown[]): void {
  c.enter();
  if (c.closesImmediately(RBRACE)) return;
  const matched = t.matched;
  matched.fill(0);
  let field = -1;
  let position = 0;
  try {
    do {
      const seen = position < SEEN_MEMBERS ? t.seen[position] : undefined;
      let how: MemberMatch;
      if (seen !== undefined && c.tryMemberName(seen.quoted)) {
        field = seen.field;
        how = seen.how;
      } else {
        const key = c.readMemberName();
        field = t.exact.get(key) ?? -1;
        if (field >= 0 && t.alsoUpper[field]) {
          // A member named `foo` matches field `foo` exactly and field `FOO` by upper-casing:
          // read it for both (rewinding), unless `FOO` has its own exact member.
          const other = t.upper.get(key.toUpperCase()) as number;
          if (matched[other] !== MATCHED_EXACTLY) {
            const exactField = field;
            const start = c.pos;
            const depth = c.depth;
            field = other;
            out[other] = t.readers[other]!(c);
            matched[other] = MATCHED_BY_UPPER_CASE;
            c.pos = start;
            c.depth = depth;
            field = exactField;
          }
          out[field] = t.readers[field]!(c);
          matched[field] = MATCHED_EXACTLY;
          position++;
          continue;
        }
        how = field >= 0 ? MATCHED_EXACTLY : SKIP;
        if (field < 0 && t.upper.size > 0) {
          field = t.upper.get(key.toUpperCase()) ?? -1;
          if (field >= 0) how = MATCHED_BY_UPPER_CASE;
        }
        if (position < SEEN_MEMBERS && !NEEDS_ESCAPE.test(key)) t.seen[position] = { quoted: `"${key}"`, field, how };
      }
      position++;
      if (how === MATCHED_EXACTLY || (how === MATCHED_BY_UPPER_CASE && matched[field] !== MATCHED_EXACTLY)) {
        out[field] = t.readers[field]!(c);
        matched[field] = how;
      } else {
        field = -1;
        c.skipValue();
      }
    } while (c.next(RBRACE));
  } catch (e) {
    throw field >= 0 ? within(e, `.${t.names[field]}`) : e;
  }
}

function structReader(fields: readonly StructField[], required: string): JsonReader {
  const t = compileFieldTable(fields);
  const n = t.names.length;
  return (c) => {
    const ch = c.peek();
    if (ch === LETTER_N) return c.readLiteral();
    if (ch !== LBRACE) throw invalid(c, required);
    const values = new Array<unknown>(n).fill(null);
    readMembers(c, t, values);
    // Built in declared order so every STRUCT value of this type shares one object shape.
    const obj: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) obj[t.names[i]] = values[i];
    return obj;
  };
}

// ---- containers ------------------------------------------------------------------------------

function arrayReader(elementType: SqlType, required: string): JsonReader {
  const element = compileJsonReader(elementType);
  return (c) => {
    const ch = c.peek();
    if (ch === LETTER_N) return c.readLiteral();
    if (ch !== LBRACKET) throw invalid(c, required);
    c.enter();
    const out: unknown[] = [];
    if (c.closesImmediately(RBRACKET)) return out;
    do {
      try {
        out.push(element(c));
      } catch (e) {
        throw within(e, `[${out.length}]`);
      }
    } while (c.next(RBRACKET));
    return out;
  };
}

/** MAP keys are always STRING in JSON (checked when the serde is created). */
function mapReader(valueType: SqlType, required: string): JsonReader {
  const value = compileJsonReader(valueType);
  return (c) => {
    const ch = c.peek();
    if (ch === LETTER_N) return c.readLiteral();
    if (ch !== LBRACE) throw invalid(c, required);
    c.enter();
    const out = new Map<string, unknown>();
    if (c.closesImmediately(RBRACE)) return out;
    do {
      const key = c.readMemberName();
      try {
        out.set(key, value(c));
      } catch (e) {
        throw within(e, `.${key}.value`);
      }
    } while (c.next(RBRACE));
    return out;
  };
}

// ---- primitives ------------------------------------------------------------------------------

function readBoolean(c: JsonCursor): boolean | null {
  const ch = c.peek();
  if (ch === 116 /* t */ || ch === 102 /* f */ || ch === LETTER_N) return c.readLiteral();
  throw invalid(c, 'BOOLEAN');
}

function readInteger(c: JsonCursor): number | null {
  const ch = c.peek();
  if (ch === MINUS || isDigit(ch)) return intValue(c.readNumber(), c.numberIsInteger);
  if (ch === QUOTE) return fromString(parseJavaInt(c.readString()), 'INTEGER');
  if (ch === LETTER_N) return c.readLiteral() as null;
  throw invalid(c, 'INTEGER');
}

function readBigint(c: JsonCursor): bigint | null {
  const ch = c.peek();
  if (ch === MINUS || isDigit(ch)) {
    const small = c.readSafeInteger();
    return small !== undefined ? BigInt(small) : longValue(c.readNumber(), c.numberIsInteger);
  }
  if (ch === QUOTE) return fromString(parseJavaLong(c.readString()), 'BIGINT');
  if (ch === LETTER_N) return c.readLiteral() as null;
  throw invalid(c, 'BIGINT');
}

function readDouble(c: JsonCursor): number | null {
  const ch = c.peek();
  if (ch === MINUS || isDigit(ch)) return Number(c.readNumber());
  if (ch === QUOTE) return fromString(parseJavaDouble(c.readString()), 'DOUBLE');
  if (ch === LETTER_N) return c.readLiteral() as null;
  throw invalid(c, 'DOUBLE');
}

function readTimestamp(c: JsonCursor): number | null {
  const ch = c.peek();
  if (ch === MINUS || isDigit(ch)) return c.readSafeInteger() ?? Number(longValue(c.readNumber(), c.numberIsInteger));
  if (ch === QUOTE) return Number(fromString(parseJavaLong(c.readString()), 'TIMESTAMP'));
  if (ch === LETTER_N) return c.readLiteral() as null;
  throw invalid(c, 'TIMESTAMP');
}

/** DATE (epoch days) and TIME (ms of day) are 32-bit integers on the wire. */
function readInt32Like(c: JsonCursor, required: 'DATE' | 'TIME'): number | null {
  const ch = c.peek();
  if (ch === MINUS || isDigit(ch)) return intValue(c.readNumber(), c.numberIsInteger);
  if (ch === QUOTE) return fromString(parseJavaInt(c.readString()), required);
  if (ch === LETTER_N) return c.readLiteral() as null;
  throw invalid(c, required);
}

function decimalReader(type: DecimalType): JsonReader {
  const required = typeToString(type);
  return (c) => {
    const ch = c.peek();
    let value: Decimal;
    if (ch === MINUS || isDigit(ch)) {
      const text = c.readNumber();
      value = fromString(parseDecimalText(text), required, `Cannot fit decimal '${text}' into ${required}`);
    } else if (ch === QUOTE) {
      value = fromString(parseDecimalText(c.readString()), required);
    } else if (ch === LETTER_N) {
      return c.readLiteral();
    } else {
      throw invalid(c, required);
    }
    const fitted = fitDecimal(value, type);
    if (typeof fitted === 'string') throw new FieldError(fitted);
    return fitted;
  };
}

function readBytes(c: JsonCursor): Uint8Array | null {
  const ch = c.peek();
  if (ch === QUOTE) {
    const text = c.readString();
    const bytes = decodeBase64(text);
    if (bytes === undefined) throw new FieldError(`Value is not a valid Base64 encoded string: ${text}`);
    return bytes;
  }
  if (ch === LETTER_N) return c.readLiteral() as null;
  throw invalid(c, 'BYTES');
}

/** STRING accepts any JSON value, as ksqlDB's does. */
function readStringValue(c: JsonCursor): string | null {
  const ch = c.peek();
  if (ch === QUOTE) return c.readString();
  if (ch === MINUS || isDigit(ch)) return numberText(c.readNumber(), c.numberIsInteger);
  if (ch === LBRACE) return compactJson(c);
  if (ch === LBRACKET) return arrayAsText(c);
  const literal = c.readLiteral();
  return literal === null ? null : String(literal);
}

/** An array read as STRING: its elements as strings, Java-list style: `[1, a, null]`. */
function arrayAsText(c: JsonCursor): string {
  c.enter();
  if (c.closesImmediately(RBRACKET)) return '[]';
  const parts: string[] = [];
  do parts.push(String(readStringValue(c)));
  while (c.next(RBRACKET));
  return `[${parts.join(', ')}]`;
}

/** Any JSON value re-written compactly, numbers as Jackson prints them. */
function compactJson(c: JsonCursor): string {
  const ch = c.peek();
  if (ch === QUOTE) return JSON.stringify(c.readString());
  if (ch === MINUS || isDigit(ch)) return numberText(c.readNumber(), c.numberIsInteger);
  if (ch === LBRACE) {
    c.enter();
    if (c.closesImmediately(RBRACE)) return '{}';
    let out = '{';
    let first = true;
    do {
      const key = c.readMemberName();
      out += `${first ? '' : ','}${JSON.stringify(key)}:${compactJson(c)}`;
      first = false;
    } while (c.next(RBRACE));
    return `${out}}`;
  }
  if (ch === LBRACKET) {
    c.enter();
    if (c.closesImmediately(RBRACKET)) return '[]';
    const parts: string[] = [];
    do parts.push(compactJson(c));
    while (c.next(RBRACKET));
    return `[${parts.join(',')}]`;
  }
  return String(c.readLiteral());
}

// ---- number conversions (Jackson's intValue / asLong / asText) ---------------------------------

/** Integers of at most this many characters are exact as doubles. */
const SHORT_INTEGER = 15;

function intValue(text: string, integer: boolean): number {
  if (integer && text.length <= SHORT_INTEGER) return Number(text) | 0;
  return Number(BigInt.asIntN(32, integer ? BigInt(text) : truncate(text)));
}

function longValue(text: string, integer: boolean): bigint {
  return BigInt.asIntN(64, integer ? BigInt(text) : truncate(text));
}

/** The integer part of a fractional/exponent number, exactly. */
function truncate(text: string): bigint {
  const d = parseDecimalText(text);
  // Only exponents beyond MAX_DECIMAL_EXPONENT fail to parse: their integer part is either 0
  // (tiny) or a multiple of 2^64 (huge), whose low 64 bits are 0 too.
  if (d === undefined) return 0n;
  return d.scale <= 0 ? d.unscaled * 10n ** BigInt(-d.scale) : d.unscaled / 10n ** BigInt(d.scale);
}

function numberText(text: string, integer: boolean): string {
  if (integer) return text === '-0' ? '0' : text;
  const d = parseDecimalText(text);
  return d === undefined ? text : formatJavaBigDecimal(d.unscaled, d.scale);
}

// ---- errors ----------------------------------------------------------------------------------

function fromString<T>(value: T | undefined, target: string, message = `Can't coerce string to type. targetType: ${target}`): T {
  if (value === undefined) throw new FieldError(message);
  return value;
}

export function invalid(c: JsonCursor, required: string): FieldError {
  return new FieldError(`Can't convert type. sourceType: ${c.kindHere()}, requiredType: ${required}`);
}

function within(e: unknown, part: string): unknown {
  return e instanceof FieldError ? e.within(part) : e;
}
