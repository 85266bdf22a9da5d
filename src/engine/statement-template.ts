/**
 * A statement's text with its literals taken out: `SELECT * FROM users WHERE id = 'u7';` and
 * `... id = 'u42';` share the template `SELECT * FROM users WHERE id = \0S;` and differ only in
 * their literal slots. The statement cache (statement-cache.ts) keys parsed statements by it.
 *
 * This is a scan, not the lexer: it only has to find string and number literals where the lexer
 * would (grammar/lexer.ts: quotes, comments and identifiers are skipped over as the lexer reads
 * them). It need not be perfect — the cache checks every template against a real parse before
 * trusting it (statement-cache.ts) — but where it is wrong that template is just never cached.
 */

/** A literal the scan found: its kind (the lexer's token kind), raw text and place. */
export interface TemplateLiteral {
  readonly kind: LiteralKind;
  readonly raw: string;
  /** [start, end) offsets in the scanned text. */
  readonly start: number;
  readonly end: number;
}

/** String, integer, decimal (`1.5`), double (`1.5E3`): grammar/lexer.ts's literal tokens. */
export type LiteralKind = 'S' | 'I' | 'D' | 'E';

export interface StatementTemplate {
  /** The text with each literal replaced by NUL and its kind letter (NUL never appears in cached text). */
  readonly key: string;
  readonly literals: readonly TemplateLiteral[];
}

/** Scripts longer than this are not templated (and so not cached): the cache is for short, repeated statements. */
export const MAX_TEMPLATE_CHARS = 8192;

const MARK = '\u0000';
const IDENTIFIER_CHAR = /[A-Za-z0-9_@]/;
/** A number is a literal slot only between these (so it cannot be part of a neighbouring token, as `a1` or `-1` are). */
const BEFORE_NUMBER = new Set([' ', '\t', '\n', '\r', '(', ',', '=', '<', '>', '[']);
const AFTER_NUMBER = new Set([' ', '\t', '\n', '\r', ')', ',', ';', ']', '=', '<', '>', '!']);
// The lexer's number tokens in its order (first match wins): DoubleLiteral, DecimalLiteral, IntegerLiteral.
const NUMBERS: readonly [LiteralKind, RegExp][] = [
  ['E', /(?:\d+(?:\.\d*)?|\.\d+)[eE][+-]?\d+/y],
  ['D', /\d+\.\d*|\.\d+/y],
  ['I', /\d+/y],
];

/**
 * The template of `text`, or undefined when it is not worth caching or not safe to template:
 * too long, with `${variable}` references (substituted before parsing), a NUL, a line break
 * inside a literal (spans after it would move by lines), or an unterminated quote or comment.
 */
export function templateOf(text: string): StatementTemplate | undefined {
  if (text.length > MAX_TEMPLATE_CHARS || text.includes('${') || text.includes(MARK)) return undefined;
  const literals: TemplateLiteral[] = [];
  let key = '';
  let copied = 0; // text[copied, i) is yet to be appended to key
  let i = 0;
  const slot = (kind: LiteralKind, end: number): void => {
    key += text.slice(copied, i) + MARK + kind;
    literals.push({ kind, raw: text.slice(i, end), start: i, end });
    copied = i = end;
  };
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === "'") {
      const end = closingQuote(text, i, "'");
      if (end < 0) return undefined;
      const raw = text.slice(i, end);
      if (raw.includes('\n') || raw.includes('\r')) return undefined;
      slot('S', end);
    } else if (c === '"' || c === '`') {
      i = closingQuote(text, i, c);
      if (i < 0) return undefined;
    } else if (c === '-' && next === '-') {
      const eol = text.slice(i).search(/[\r\n]/);
      i = eol < 0 ? text.length : i + eol;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return undefined;
      i = end + 2;
    } else if (c >= '0' && c <= '9' && (i === 0 || BEFORE_NUMBER.has(text[i - 1]!))) {
      const [kind, end] = numberAt(text, i);
      if (end === text.length || AFTER_NUMBER.has(text[end]!)) slot(kind, end);
      else i = skipIdentifierChars(text, end);
    } else if (IDENTIFIER_CHAR.test(c)) {
      i = skipIdentifierChars(text, i + 1);
    } else {
      i++;
    }
  }
  return { key: key + text.slice(copied), literals };
}

/** The offset just past the quote that closes the one at `start` (a doubled quote stands for one), or -1. */
function closingQuote(text: string, start: number, quote: string): number {
  let i = start + 1;
  for (;;) {
    const q = text.indexOf(quote, i);
    if (q < 0) return -1;
    if (text[q + 1] !== quote) return q + 1;
    i = q + 2;
  }
}

function numberAt(text: string, start: number): [LiteralKind, number] {
  for (const [kind, pattern] of NUMBERS) {
    pattern.lastIndex = start;
    if (pattern.test(text)) return [kind, pattern.lastIndex];
  }
  throw new Error('numberAt: called on a non-digit'); // unreachable: text[start] is a digit
}

function skipIdentifierChars(text: string, i: number): number {
  while (i < text.length && IDENTIFIER_CHAR.test(text[i]!)) i++;
  return i;
}

/** The value of a string literal's raw text (`'it''s'` → `it's`), as the parser reads it. */
export function stringLiteralValue(raw: string): string {
  return raw.slice(1, -1).replaceAll("''", "'");
}
