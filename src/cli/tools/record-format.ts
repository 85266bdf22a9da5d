/**
 * kcat-style output formats: %k key, %v (or kcat's %s) value, %t topic, %p partition, %o offset,
 * %T timestamp (ms), %h headers (name=value,...), %K / %S key / value size in bytes (-1 for null),
 * %% a percent sign; escapes \n \t \r \\. A format is compiled once into a function per record.
 * Keys and values print as UTF-8 text; null prints as nothing.
 */
import type { StoredRecord } from '../../store/topic-store.js';

export const DEFAULT_FORMAT = '%k\\t%v\\n';

export type RecordFormatter = (topic: string, r: StoredRecord) => string;

const decoder = new TextDecoder('utf-8');
const text = (b: Uint8Array | null): string => (b === null ? '' : decoder.decode(b));
const size = (b: Uint8Array | null): string => String(b === null ? -1 : b.length);

const FIELDS: Readonly<Record<string, (topic: string, r: StoredRecord) => string>> = {
  k: (_, r) => text(r.key),
  v: (_, r) => text(r.value),
  s: (_, r) => text(r.value),
  t: (topic) => topic,
  p: (_, r) => String(r.partition),
  o: (_, r) => String(r.offset),
  T: (_, r) => String(r.timestamp),
  h: (_, r) => r.headers.map(([name, value]) => `${name}=${text(value)}`).join(','),
  K: (_, r) => size(r.key),
  S: (_, r) => size(r.value),
};

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '\\': '\\' };

/**
 * Compiles `format`; a format without any newline gets one appended, so each record is a line.
 * Returns an error message for an unknown %-token.
 */
export function compileFormat(format: string): RecordFormatter | string {
  const parts: ((topic: string, r: StoredRecord) => string)[] = [];
  let literal = '';
  const flush = (): void => {
    if (literal.length === 0) return;
    const s = literal;
    parts.push(() => s);
    literal = '';
  };
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    const next = format[i + 1];
    if (c === '%' && next !== undefined) {
      i++;
      if (next === '%') literal += '%';
      else if (Object.hasOwn(FIELDS, next)) {
        flush();
        parts.push(FIELDS[next]!);
      } else return `unknown format token '%${next}' (known: ${Object.keys(FIELDS).map((f) => '%' + f).join(' ')} %%)`;
    } else if (c === '\\' && next !== undefined && Object.hasOwn(ESCAPES, next)) {
      i++;
      literal += ESCAPES[next]!;
    } else literal += c;
  }
  const producesNewline = format.includes('\n') || /\\n/.test(format);
  if (!producesNewline) literal += '\n';
  flush();
  return (topic, r) => {
    let s = '';
    for (const part of parts) s += part(topic, r);
    return s;
  };
}
