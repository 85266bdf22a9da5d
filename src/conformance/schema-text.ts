/**
 * QTT `post.sources[].schema` strings ("ID INT KEY, `v` STRUCT<F1 VARCHAR>") in one canonical
 * spelling, so they compare with the catalog's columns: names upper-cased unless back-quoted,
 * type aliases resolved (INT → INTEGER, VARCHAR → STRING), spacing as typeToString prints it.
 * HEADERS markers are dropped: the catalog does not distinguish header columns.
 */
import type { ColumnSchema, SourceDef } from '../analyze/catalog.js';
import { typeToString } from '../types/sql-type.js';

export interface CanonicalSchema {
  readonly keys: readonly string[];
  readonly values: readonly string[];
}

const ALIASES: Readonly<Record<string, string>> = { INT: 'INTEGER', VARCHAR: 'STRING' };

/** Parses a schema string; returns an error message when it does not parse. */
export function parseSchemaText(text: string): CanonicalSchema | { error: string } {
  let tokens: string[];
  try {
    tokens = tokenize(text);
  } catch (err) {
    return { error: `cannot parse schema "${text}": ${err instanceof Error ? err.message : String(err)}` };
  }
  let pos = 0;
  const peek = (): string | undefined => tokens[pos];
  const next = (): string => {
    const t = tokens[pos++];
    if (t === undefined) throw new Error('unexpected end of schema');
    return t;
  };
  const expect = (t: string): void => {
    const got = next();
    if (got !== t) throw new Error(`expected '${t}' but found '${got}'`);
  };
  const name = (): string => {
    const t = next();
    return t.startsWith('`') ? t.slice(1, -1) : t.toUpperCase();
  };
  const type = (): string => {
    const word = next().toUpperCase();
    switch (word) {
      case 'ARRAY': {
        expect('<');
        const el = type();
        expect('>');
        return `ARRAY<${el}>`;
      }
      case 'MAP': {
        expect('<');
        const k = type();
        expect(',');
        const v = type();
        expect('>');
        return `MAP<${k}, ${v}>`;
      }
      case 'STRUCT': {
        expect('<');
        const fields: string[] = [];
        while (peek() !== '>') {
          const n = name();
          fields.push(`\`${n}\` ${type()}`);
          if (peek() === ',') next();
        }
        expect('>');
        return `STRUCT<${fields.join(', ')}>`;
      }
      case 'DECIMAL': {
        expect('(');
        const p = next();
        expect(',');
        const s = next();
        expect(')');
        return `DECIMAL(${p}, ${s})`;
      }
      default:
        return ALIASES[word] ?? word;
    }
  };
  try {
    const keys: string[] = [];
    const values: string[] = [];
    while (pos < tokens.length) {
      const n = name();
      const t = type();
      let isKey = false;
      // Trailing markers: KEY, PRIMARY KEY, HEADERS, HEADER('x').
      while (peek() !== undefined && peek() !== ',') {
        const m = next().toUpperCase();
        if (m === 'KEY') isKey = true;
        else if (m === 'HEADER' && peek() === '(') {
          while (next() !== ')');
        }
      }
      (isKey ? keys : values).push(`\`${n}\` ${t}`);
      if (peek() === ',') next();
    }
    return { keys, values };
  } catch (err) {
    return { error: `cannot parse schema "${text}": ${err instanceof Error ? err.message : String(err)}` };
  }
}

export function sourceSchema(source: SourceDef): CanonicalSchema {
  const col = (c: ColumnSchema): string => `\`${c.name}\` ${typeToString(c.type)}`;
  return { keys: source.keyColumns.map(col), values: source.valueColumns.map(col) };
}

export function schemaToText(s: CanonicalSchema): string {
  return [...s.keys.map((k) => `${k} KEY`), ...s.values].join(', ');
}

function tokenize(text: string): string[] {
  const out: string[] = [];
  const re = /\s*(`(?:[^`]|``)*`|'[^']*'|[<>(),]|[A-Za-z_][A-Za-z0-9_]*|-?\d+)/y;
  let at = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m[1]!);
    at = re.lastIndex;
  }
  if (text.slice(at).trim() !== '') throw new Error(`unexpected text at "${text.slice(at)}"`);
  return out;
}
