/**
 * Number ↔ text exactly as the JVM does it, because ksqlDB's serialized output is produced by
 * Java (`Double.toString`, `BigDecimal.toString`) and its lenient input parsing uses
 * `Integer.parseInt`, `Long.parseLong` and `Double.parseDouble`. Matching them keeps our topics
 * byte-compatible with ksqlDB's.
 */

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
/** Digit strings this short convert through `Number` exactly (2^53 has 16 digits). */
const EXACT_NUMBER_DIGITS = 15;

const JAVA_INTEGER = /^[+-]?\d+$/;
const JAVA_DOUBLE = /^[+-]?(?:NaN|Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[fFdD]?)$/;

/** `Double.toString`: `1.0`, `0.001`, `1.0E7`, `4.9E-324`, `NaN`, `-Infinity`. */
export function formatJavaDouble(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(x);
  if (abs >= 1e-3 && abs < 1e7) {
    // JS prints this range in plain notation with the same shortest digits as Java.
    const s = String(x);
    return s.includes('.') ? s : `${s}.0`;
  }
  let s = x.toExponential(); // shortest round-trip digits, e.g. "1.5e+21"
  // Java always prints two digits at least, choosing the two closest to the exact value: that
  // is toExponential(1) (Double.MIN_VALUE is 4.9E-324, where the shortest form is 5e-324).
  if (s.indexOf('.') < 0) s = x.toExponential(1);
  const e = s.indexOf('e');
  const exponent = s.charCodeAt(e + 1) === 43 /* + */ ? s.slice(e + 2) : s.slice(e + 1);
  return `${s.slice(0, e)}E${exponent}`;
}

/** `BigDecimal.toString`: plain unless the exponent is small, then `1E+3`, `1.5E-7`. */
export function formatJavaBigDecimal(unscaled: bigint, scale: number): string {
  const neg = unscaled < 0n;
  const coeff = (neg ? -unscaled : unscaled).toString();
  const adjusted = coeff.length - 1 - scale;
  const sign = neg ? '-' : '';
  if (scale === 0) return sign + coeff;
  if (scale > 0 && adjusted >= -6) {
    const padded = coeff.padStart(scale + 1, '0');
    return `${sign}${padded.slice(0, padded.length - scale)}.${padded.slice(padded.length - scale)}`;
  }
  const frac = coeff.length > 1 ? `.${coeff.slice(1)}` : '';
  return `${sign}${coeff[0]}${frac}E${adjusted >= 0 ? '+' : ''}${adjusted}`;
}

/** `Integer.parseInt`: optional sign and decimal digits, in int32 range; undefined otherwise. */
export function parseJavaInt(text: string): number | undefined {
  if (!JAVA_INTEGER.test(text)) return undefined;
  const digits = text.length - (text.charCodeAt(0) <= 45 ? 1 : 0);
  const n = digits <= EXACT_NUMBER_DIGITS ? Number(text) : Number(BigInt(text));
  return n < INT_MIN || n > INT_MAX ? undefined : n + 0; // + 0 turns -0 into 0
}

/** `Long.parseLong`: optional sign and decimal digits, in int64 range; undefined otherwise. */
export function parseJavaLong(text: string): bigint | undefined {
  if (!JAVA_INTEGER.test(text)) return undefined;
  const n = BigInt(text);
  return n < LONG_MIN || n > LONG_MAX ? undefined : n;
}

/** `Double.parseDouble` (decimal forms; hexadecimal floats are not supported). */
export function parseJavaDouble(text: string): number | undefined {
  const t = trimJava(text);
  if (!JAVA_DOUBLE.test(t)) return undefined;
  const last = t.charCodeAt(t.length - 1);
  // f/F/d/D suffixes are accepted by Java and mean nothing here.
  const body = last === 100 || last === 68 || last === 102 || last === 70 ? t.slice(0, -1) : t;
  if (body.endsWith('NaN')) return NaN;
  if (body.endsWith('Infinity')) return body.startsWith('-') ? -Infinity : Infinity;
  return Number(body);
}

/** `String.trim`: strips every char <= U+0020 at both ends. */
function trimJava(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 32) start++;
  while (end > start && text.charCodeAt(end - 1) <= 32) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** An INTEGER/BIGINT/TIMESTAMP/DATE/TIME value (number or bigint) as integer digits. */
export function integerText(v: unknown): string {
  if (typeof v === 'bigint') return v.toString();
  const n = Number(v);
  return Number.isSafeInteger(n) ? String(n) : BigInt(Math.trunc(Number.isFinite(n) ? n : 0)).toString();
}
