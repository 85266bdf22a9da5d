/**
 * ksqlDB variable substitution: `${name}` is replaced by the value of a DEFINEd variable, names
 * case-insensitive, everywhere except in comments — including inside string literals, as in
 * ksqlDB's `value_format = '${format}'`. `$${name}` escapes a reference (it becomes `${name}`).
 * Inside a string literal a value's single quotes are doubled, so the literal's value is exactly
 * the variable's value. An undefined variable is an error with its span.
 */
import { diagnostic, type Diagnostic, type Position } from './diagnostic.js';
import { UNDEFINED_VARIABLE } from './error-codes.js';
import { LineIndex, START } from './positions.js';

const REFERENCE = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}/;

type Mode = 'code' | 'string' | 'backtick' | 'dquote' | 'line-comment' | 'block-comment';

export function substituteVariables(
  text: string,
  vars: ReadonlyMap<string, string>,
  base: Position = START,
): { text: string } | { error: Diagnostic } {
  if (!text.includes('${')) return { text };
  const byName = new Map<string, string>();
  for (const [k, v] of vars) byName.set(k.toUpperCase(), v);

  let out = '';
  let mode: Mode = 'code';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    switch (mode) {
      case 'line-comment':
        if (c === '\n' || c === '\r') mode = 'code';
        out += c;
        i++;
        continue;
      case 'block-comment':
        if (c === '*' && next === '/') {
          out += '*/';
          i += 2;
          mode = 'code';
        } else {
          out += c;
          i++;
        }
        continue;
      case 'code':
        if (c === '-' && next === '-') mode = 'line-comment';
        else if (c === '/' && next === '*') {
          out += '/*';
          i += 2;
          mode = 'block-comment';
          continue;
        } else if (c === "'") mode = 'string';
        else if (c === '`') mode = 'backtick';
        else if (c === '"') mode = 'dquote';
        break;
      case 'string':
      case 'backtick':
      case 'dquote': {
        const quote = mode === 'string' ? "'" : mode === 'backtick' ? '`' : '"';
        // A doubled quote is an escaped quote and stays inside the literal.
        if (c === quote && next === quote) {
          out += c + next;
          i += 2;
          continue;
        }
        if (c === quote) mode = 'code';
        break;
      }
    }
    if (c === '$' && next === '$' && REFERENCE.test(text.slice(i + 1))) {
      // `$${x}` → `${x}`: drop one dollar, copy the reference untouched.
      const ref = REFERENCE.exec(text.slice(i + 1))![0];
      out += ref;
      i += 1 + ref.length;
      continue;
    }
    if (c === '$' && next === '{') {
      const m = REFERENCE.exec(text.slice(i));
      if (m) {
        const value = byName.get(m[1]!.toUpperCase());
        if (value === undefined) {
          const span = new LineIndex(text, base).span(i, i + m[0].length);
          return { error: diagnostic(UNDEFINED_VARIABLE, `Undefined variable: ${m[1]}`, span) };
        }
        out += mode === 'string' ? value.replaceAll("'", "''") : value;
        i += m[0].length;
        continue;
      }
    }
    out += c;
    i++;
  }
  return { text: out };
}
