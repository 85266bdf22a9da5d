/**
 * The CSV dialect of ksqlDB's DELIMITED format (Apache Commons CSV, `CSVFormat.DEFAULT` with a
 * custom delimiter): '"' quotes, doubled quotes inside, no escape character, empty lines skipped.
 * Only a record's first line matters to a serde, so only the first record is parsed.
 */

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** The fields of the first record of `text`, or an error message. */
export function parseFirstCsvRecord(text: string, delimiter: number): string[] | string {
  const n = text.length;
  let i = 0;
  while (i < n && isLineBreak(text.charCodeAt(i))) i++;
  if (i >= n) return 'No fields in record';
  const fields: string[] = [];
  for (;;) {
    if (i >= n) {
      fields.push(''); // the record ended with a delimiter
      return fields;
    }
    const c = text.charCodeAt(i);
    if (c === delimiter) {
      fields.push('');
      i++;
    } else if (isLineBreak(c)) {
      fields.push('');
      return fields;
    } else if (c === QUOTE) {
      const quoted = readQuoted(text, i + 1, delimiter);
      if (typeof quoted === 'string') return quoted;
      fields.push(quoted.value);
      if (quoted.next < 0) return fields;
      i = quoted.next;
    } else {
      let j = i;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === delimiter || isLineBreak(d)) break;
        j++;
      }
      fields.push(text.slice(i, j));
      if (j >= n || text.charCodeAt(j) !== delimiter) return fields;
      i = j + 1;
    }
  }
}

/** Reads a quoted field starting after its opening quote; `next` is -1 when the record ends. */
function readQuoted(text: string, from: number, delimiter: number): { value: string; next: number } | string {
  const n = text.length;
  let value = '';
  let start = from;
  let j = from;
  for (;;) {
    if (j >= n) return 'EOF reached before encapsulated token finished';
    if (text.charCodeAt(j) === QUOTE) {
      if (text.charCodeAt(j + 1) === QUOTE) {
        value += text.slice(start, j + 1);
        j += 2;
        start = j;
        continue;
      }
      value += text.slice(start, j);
      j++;
      break;
    }
    j++;
  }
  // Between the closing quote and the delimiter only whitespace may appear.
  for (;;) {
    if (j >= n) return { value, next: -1 };
    const d = text.charCodeAt(j);
    if (d === delimiter) return { value, next: j + 1 };
    if (isLineBreak(d)) return { value, next: -1 };
    if (!isJavaWhitespace(d)) return 'invalid char between encapsulated token and delimiter';
    j++;
  }
}

/**
 * One field as Commons CSV prints it (quote mode MINIMAL, as ksqlDB's version does it): quoted
 * when it contains the delimiter, a quote or a line break, starts with a char <= '#' or ends with
 * one <= ' ' — and, for the first field of a record, when it does not start with an ASCII letter
 * or digit (so a lone `-1.5` is written `"-1.5"`, exactly as ksqlDB does). Null is empty.
 */
export function printCsvField(value: string | null, first: boolean, delimiter: number): string {
  if (value === null) return '';
  return needsQuotes(value, first, delimiter) ? `"${value.replaceAll('"', '""')}"` : value;
}

function needsQuotes(value: string, first: boolean, delimiter: number): boolean {
  const n = value.length;
  if (n === 0) return first; // an empty first field would read back as an empty line
  const c = value.charCodeAt(0);
  if (first && !isAsciiAlphanumeric(c)) return true;
  if (c <= 35 /* # */) return true;
  for (let i = 0; i < n; i++) {
    const d = value.charCodeAt(i);
    if (d === delimiter || d === QUOTE || d === LF || d === CR) return true;
  }
  return value.charCodeAt(n - 1) <= 32;
}

function isLineBreak(c: number): boolean {
  return c === LF || c === CR;
}

function isAsciiAlphanumeric(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Java's `Character.isWhitespace`. */
function isJavaWhitespace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13) || (c >= 28 && c <= 31);
  if (c < 0x1680) return false;
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200a && c !== 0x2007) || c === 0x2028 || c === 0x2029 || c === 0x205f || c === 0x3000;
}
