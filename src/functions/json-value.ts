/**
 * A JSON tree for the JSON functions that keeps what ksqlDB's Jackson mapper keeps: number text
 * exactly as written (`1.23450` stays `1.23450`; ksqlDB reads floats as BigDecimal) and object
 * keys in document order, any key (a Map, since JS objects reorder integer-like keys). Like
 * Jackson's readTree, it reads one value and ignores what follows it, and an empty text is the
 * "missing" value (undefined). Invalid JSON throws.
 */
import { javaDoubleToString } from '../types/java-text.js';

export class JsonNumber {
  constructor(readonly text: string) {}
  /** Integer literal (no fraction or exponent): Jackson's VALUE_NUMBER_INT. */
  get isInteger(): boolean {
    return !/[.eE]/.test(this.text);
  }
}

export type JsonNode = null | boolean | string | JsonNumber | JsonNode[] | Map<string, JsonNode>;

/** Nesting limit, so a hostile document cannot overflow the stack. */
export const MAX_JSON_DEPTH = 1000;

const NUMBER_RE = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class Reader {
  i = 0;
  constructor(readonly s: string) {}

  fail(what: string): never {
    throw new Error(`Invalid JSON format: ${what} at position ${this.i}`);
  }

  ws(): void {
    while (this.i < this.s.length && ' \t\n\r'.includes(this.s[this.i]!)) this.i++;
  }

  value(depth: number): JsonNode {
    if (depth > MAX_JSON_DEPTH) this.fail('nesting too deep');
    this.ws();
    const c = this.s[this.i];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.s.startsWith(word, this.i)) {
        this.i += word.length;
        if (/[A-Za-z0-9_]/.test(this.s[this.i] ?? '')) this.fail('unrecognized token');
        return v;
      }
    }
    NUMBER_RE.lastIndex = this.i;
    const m = NUMBER_RE.exec(this.s);
    if (!m) this.fail('unexpected character');
    this.i += m[0].length;
    if (/[0-9A-Za-z.]/.test(this.s[this.i] ?? '')) this.fail('invalid number');
    return new JsonNumber(m[0]);
  }

  object(depth: number): Map<string, JsonNode> {
    const out = new Map<string, JsonNode>();
    this.i++;
    this.ws();
    if (this.s[this.i] === '}') {
      this.i++;
      return out;
    }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') this.fail('expected a field name');
      const key = this.string();
      this.ws();
      if (this.s[this.i++] !== ':') this.fail("expected ':'");
      out.set(key, this.value(depth + 1));
      this.ws();
      const c = this.s[this.i++];
      if (c === '}') return out;
      if (c !== ',') this.fail("expected ',' or '}'");
    }
  }

  array(depth: number): JsonNode[] {
    const out: JsonNode[] = [];
    this.i++;
    this.ws();
    if (this.s[this.i] === ']') {
      this.i++;
      return out;
    }
    for (;;) {
      out.push(this.value(depth + 1));
      this.ws();
      const c = this.s[this.i++];
      if (c === ']') return out;
      if (c !== ',') this.fail("expected ',' or ']'");
    }
  }

  string(): string {
    let out = '';
    this.i++;
    for (;;) {
      const c = this.s[this.i++];
      if (c === undefined) this.fail('unterminated string');
      if (c === '"') return out;
      if (c < ' ') this.fail('unescaped control character');
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.s[this.i++];
      if (e === 'u') {
        const hex = this.s.slice(this.i, this.i + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('bad unicode escape');
        out += String.fromCharCode(parseInt(hex, 16));
        this.i += 4;
      } else if (e !== undefined && ESCAPES[e] !== undefined) out += ESCAPES[e];
      else this.fail('bad escape');
    }
  }
}

/** Parses the first JSON value of text; undefined if text is empty or blank. */
export function parseJson(text: string): JsonNode | undefined {
  const r = new Reader(text);
  r.ws();
  if (r.i >= text.length) return undefined;
  return r.value(0);
}

export const isJsonObject = (n: JsonNode | undefined): n is Map<string, JsonNode> => n instanceof Map;

/** Compact JSON text, as Jackson writes a tree (`{"a":1,"b":[true,null]}`). */
export function stringifyJson(n: JsonNode): string {
  if (n === null) return 'null';
  if (typeof n === 'boolean') return String(n);
  if (typeof n === 'string') return JSON.stringify(n);
  if (n instanceof JsonNumber) return n.text;
  if (Array.isArray(n)) return `[${n.map(stringifyJson).join(',')}]`;
  return `{${[...n].map(([k, v]) => `${JSON.stringify(k)}:${stringifyJson(v)}`).join(',')}}`;
}

/** A node's text as ksqlDB's JSON functions return it: a string's own text, else its JSON. */
export function nodeText(n: JsonNode): string {
  return typeof n === 'string' ? n : stringifyJson(n);
}

/** Jackson writes a double with Java's Double.toString; NaN and infinities as quoted strings. */
export function jsonDouble(x: number): string {
  return Number.isFinite(x) ? javaDoubleToString(x) : `"${javaDoubleToString(x)}"`;
}
