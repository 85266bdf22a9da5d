/**
 * A position in JSON text and the primitive steps of reading it.
 *
 * We do not use `JSON.parse`: it turns every number into a double, losing BIGINTs beyond 2^53
 * and the digits of DECIMALs (Node 20 has no reviver access to the source text). The readers in
 * json-reader.ts walk this cursor guided by the column types, so one pass both parses and coerces,
 * and numbers are converted straight from their source text.
 */

/** Containers nested deeper than this are rejected (Jackson's default limit too). */
export const MAX_JSON_DEPTH = 1000;

const QUOTE = 34;
/** Text whose raw JSON string form differs from itself: a quote, a backslash or a control char. */
// eslint-disable-next-line no-control-regex
export const NEEDS_ESCAPE = /["\\\u0000-\u001f]/;
const BACKSLASH = 92;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const LOWER_E = 101;
const UPPER_E = 69;
const PLUS = 43;

/** Jackson's node class names, used in coercion errors exactly as ksqlDB words them. */
export type JsonNodeKind =
  | 'NullNode'
  | 'BooleanNode'
  | 'TextNode'
  | 'IntNode'
  | 'LongNode'
  | 'BigIntegerNode'
  | 'DecimalNode'
  | 'ArrayNode'
  | 'ObjectNode';

export class JsonCursor {
  pos = 0;
  depth = 0;
  /** Set by `readNumber`: whether the last number had no fraction and no exponent. */
  numberIsInteger = true;

  constructor(readonly text: string) {}

  /** Skips whitespace and returns the next char code, or -1 at the end. */
  peek(): number {
    const t = this.text;
    let i = this.pos;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else {
        this.pos = i;
        return Number.isNaN(c) ? -1 : c;
      }
    }
  }

  /** Consumes `expected` (after whitespace) or fails. */
  expect(expected: number): void {
    if (this.peek() !== expected) throw this.unexpected(`was expecting '${String.fromCharCode(expected)}'`);
    this.pos++;
  }

  /** Consumes a literal `null`, `true` or `false` starting at the current char. */
  readLiteral(): null | boolean {
    const t = this.text;
    const p = this.pos;
    if (t.startsWith('null', p)) {
      this.pos = p + 4;
      return null;
    }
    if (t.startsWith('true', p)) {
      this.pos = p + 4;
      return true;
    }
    if (t.startsWith('false', p)) {
      this.pos = p + 5;
      return false;
    }
    throw this.unexpected('was expecting a JSON value');
  }

  /** Reads a string; the current char must be the opening quote. */
  readString(): string {
    const t = this.text;
    // Most strings have no escapes: find the closing quote natively and check the text between.
    const end = t.indexOf('"', this.pos + 1);
    if (end >= 0) {
      const plain = t.slice(this.pos + 1, end);
      if (!NEEDS_ESCAPE.test(plain)) {
        this.pos = end + 1;
        return plain;
      }
    }
    let i = this.pos + 1;
    let start = i;
    let out = '';
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === QUOTE) {
        this.pos = i + 1;
        return out + t.slice(start, i);
      }
      if (c === BACKSLASH) {
        out += t.slice(start, i);
        const [ch, width] = this.escape(i + 1);
        out += ch;
        i += 1 + width;
        start = i;
        continue;
      }
      if (Number.isNaN(c)) throw syntax('Unexpected end-of-input: was expecting closing quote for a string value');
      if (c < 0x20) throw syntax(`Illegal unquoted character (CTRL-CHAR, code ${c}): has to be escaped using backslash to be included in string value`);
      i++;
    }
  }

  /**
   * Reads an integer of at most 15 digits (no fraction or exponent) straight into a number, for
   * BIGINT and TIMESTAMP fields (no text slice, no BigInt parse). Anything else here, including
   * what `readNumber` would reject, consumes nothing and returns undefined.
   */
  readSafeInteger(): number | undefined {
    const t = this.text;
    let i = this.pos;
    const negative = t.charCodeAt(i) === MINUS;
    if (negative) i++;
    const first = i;
    let v = 0;
    for (let c = t.charCodeAt(i); c >= ZERO && c <= NINE; c = t.charCodeAt(++i)) v = v * 10 + (c - ZERO);
    const digits = i - first;
    if (digits === 0 || digits > 15 || (digits > 1 && t.charCodeAt(first) === ZERO)) return undefined;
    const next = t.charCodeAt(i);
    if (next === DOT || next === LOWER_E || next === UPPER_E) return undefined;
    this.pos = i;
    this.numberIsInteger = true;
    return negative ? 0 - v : v;
  }

  /** Reads a number and returns its source text; sets `numberIsInteger`. */
  readNumber(): string {
    const t = this.text;
    const start = this.pos;
    let i = start;
    let integer = true;
    if (t.charCodeAt(i) === MINUS) i++;
    const firstDigit = i;
    while (isDigit(t.charCodeAt(i))) i++;
    if (i === firstDigit) throw syntax('Invalid numeric value: expected digit');
    if (t.charCodeAt(firstDigit) === ZERO && i - firstDigit > 1) throw syntax('Invalid numeric value: Leading zeroes not allowed');
    if (t.charCodeAt(i) === DOT) {
      integer = false;
      const f = ++i;
      while (isDigit(t.charCodeAt(i))) i++;
      if (i === f) throw syntax('Unexpected character in number: Decimal point not followed by a digit');
    }
    const e = t.charCodeAt(i);
    if (e === LOWER_E || e === UPPER_E) {
      integer = false;
      i++;
      const s = t.charCodeAt(i);
      if (s === PLUS || s === MINUS) i++;
      const d = i;
      while (isDigit(t.charCodeAt(i))) i++;
      if (i === d) throw syntax('Unexpected character in number: Exponent indicator not followed by a digit');
    }
    this.pos = i;
    this.numberIsInteger = integer;
    return t.slice(start, i);
  }

  /** Enters an object or array (the current char is its opening bracket). */
  enter(): void {
    if (++this.depth > MAX_JSON_DEPTH) throw syntax(`Document nesting depth exceeds the maximum allowed (${MAX_JSON_DEPTH})`);
    this.pos++;
  }

  /**
   * After an element or member: consumes ',' and returns true, or consumes `close` and returns
   * false (leaving the container).
   */
  next(close: number): boolean {
    const c = this.peek();
    if (c === 44 /* , */) {
      this.pos++;
      return true;
    }
    if (c === close) {
      this.pos++;
      this.depth--;
      return false;
    }
    throw this.unexpected(`was expecting comma to separate ${close === 93 ? 'Array' : 'Object'} entries`);
  }

  /** At a container's start (after `enter`): true if it is empty, consuming the close bracket. */
  closesImmediately(close: number): boolean {
    if (this.peek() !== close) return false;
    this.pos++;
    this.depth--;
    return true;
  }

  /** Reads an object member name and its colon; the caller then reads the value. */
  readMemberName(): string {
    if (this.peek() !== QUOTE) throw this.unexpected('was expecting double-quote to start field name');
    const name = this.readString();
    this.expect(58 /* : */);
    return name;
  }

  /**
   * Consumes a member name and its colon if the text here is exactly `quoted` (the name in quotes,
   * without escapes), without building the name; otherwise consumes nothing.
   */
  tryMemberName(quoted: string): boolean {
    if (this.peek() !== QUOTE || !this.text.startsWith(quoted, this.pos)) return false;
    this.pos += quoted.length;
    this.expect(58 /* : */);
    return true;
  }

  /** Skips one value of any kind. */
  skipValue(): void {
    const c = this.peek();
    if (c === QUOTE) this.readString();
    else if (c === MINUS || isDigit(c)) this.readNumber();
    else if (c === 123 /* { */) {
      this.enter();
      if (this.closesImmediately(125)) return;
      do {
        this.readMemberName();
        this.skipValue();
      } while (this.next(125));
    } else if (c === 91 /* [ */) {
      this.enter();
      if (this.closesImmediately(93)) return;
      do this.skipValue();
      while (this.next(93));
    } else this.readLiteral();
  }

  /** The Jackson node kind of the value at the cursor (used only to word an error). */
  kindHere(): JsonNodeKind {
    const c = this.peek();
    if (c === QUOTE) return 'TextNode';
    if (c === 123) return 'ObjectNode';
    if (c === 91) return 'ArrayNode';
    if (c === MINUS || isDigit(c)) return numberKind(this.readNumber(), this.numberIsInteger);
    return this.readLiteral() === null ? 'NullNode' : 'BooleanNode';
  }

  private escape(i: number): [string, number] {
    const c = this.text.charCodeAt(i);
    switch (c) {
      case 34:
        return ['"', 1];
      case 92:
        return ['\\', 1];
      case 47:
        return ['/', 1];
      case 98:
        return ['\b', 1];
      case 102:
        return ['\f', 1];
      case 110:
        return ['\n', 1];
      case 114:
        return ['\r', 1];
      case 116:
        return ['\t', 1];
      case 117: {
        const hex = this.text.slice(i + 1, i + 5);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw syntax('Unexpected character in unicode escape: expected a hex-digit');
        return [String.fromCharCode(parseInt(hex, 16)), 5];
      }
      default:
        if (Number.isNaN(c)) throw syntax('Unexpected end-of-input in character escape sequence');
        throw syntax(`Unrecognized character escape '${String.fromCharCode(c)}' (code ${c})`);
    }
  }

  /** A syntax error naming the offending character (never the data around it). */
  unexpected(expecting: string): JsonSyntaxError {
    const c = this.peek();
    if (c < 0) return syntax(`Unexpected end-of-input: ${expecting}`);
    return syntax(`Unexpected character ('${String.fromCharCode(c)}' (code ${c})): ${expecting}`);
  }
}

export function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

/** Which Jackson node a number token becomes (ints by size; fractions are exact decimals). */
export function numberKind(text: string, integer: boolean): JsonNodeKind {
  if (!integer) return 'DecimalNode';
  const n = BigInt(text);
  if (n >= -2147483648n && n <= 2147483647n) return 'IntNode';
  if (n >= -(2n ** 63n) && n < 2n ** 63n) return 'LongNode';
  return 'BigIntegerNode';
}

/** A malformed document. Unlike a coercion failure it carries no path. */
export class JsonSyntaxError extends Error {
  override name = 'JsonSyntaxError';
}

export function syntax(message: string): JsonSyntaxError {
  return new JsonSyntaxError(message);
}
