/**
 * QTT files are lenient JSON (json5) whose integers can exceed 2^53 (BIGINT columns at
 * Long.MAX_VALUE). ksqlDB's harness reads them with Jackson, exactly; JSON.parse-style parsers
 * round them to doubles (9223372036854775807 becomes …808, which a BIGINT reads as -2^63). So
 * integer literals that a double cannot hold are read as bigint, and written back as their digits.
 */
import JSON5 from 'json5';

/** Marks a big integer literal, as a string the reviver turns into a bigint (NUL never occurs in QTT text). */
const MARK = '\u0000int:';

/**
 * The json5 document in `text`, with every integer literal outside the double's exact range as a
 * bigint. Strings and comments are skipped over as json5 reads them.
 */
export function parseJson5Lossless(text: string): unknown {
  return JSON5.parse(markBigIntegers(text), (_key, value: unknown) =>
    typeof value === 'string' && value.startsWith(MARK) ? BigInt(value.slice(MARK.length)) : value,
  );
}

function markBigIntegers(text: string): string {
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      i = endOfString(text, i);
    } else if (c === '/' && text[i + 1] === '/') {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? text.length : eol;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if ((c === '-' || (c >= '0' && c <= '9')) && !/[\w.$]/.test(text[i - 1] ?? ' ')) {
      const m = /-?\d+/y;
      m.lastIndex = i;
      const digits = m.exec(text)?.[0] ?? '-'; // a '-' not before digits (json5's -Infinity) is no integer
      const end = i + digits.length;
      const integer = digits !== '-' && !/[\w.$]/.test(text[end] ?? ' ');
      if (integer && !Number.isSafeInteger(Number(digits))) {
        out += text.slice(copied, i) + JSON.stringify(MARK + digits);
        copied = end;
      }
      i = Math.max(end, i + 1);
    } else {
      i++;
    }
  }
  return out + text.slice(copied);
}

function endOfString(text: string, start: number): number {
  const quote = text[start]!;
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i + 1;
  }
  return text.length;
}

/** JSON text of a value that may hold bigints (written as their digits, as Jackson writes longs). */
export function stringifyJson(value: unknown): string {
  let big = false;
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'bigint') return v;
    big = true;
    return MARK + v.toString();
  });
  // JSON.stringify escapes NUL as \u0000 inside the quoted marker.
  return big ? text.replace(/"\\u0000int:(-?\d+)"/g, '$1') : text;
}
