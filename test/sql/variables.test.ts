import { describe, expect, it } from 'vitest';
import { substituteVariables } from '../../src/sql/parse.js';

const vars = new Map([
  ['format', 'JSON'],
  ['Replicas', '3'],
  ['quote', "it's"],
  ['name', 'clicks'],
]);
const sub = (text: string) => substituteVariables(text, vars);

describe('substituteVariables', () => {
  it('replaces references in code and inside string literals, names case-insensitive', () => {
    expect(sub("CREATE STREAM ${name} WITH (value_format='${FORMAT}', replicas=${replicas});")).toEqual({
      text: "CREATE STREAM clicks WITH (value_format='JSON', replicas=3);",
    });
  });

  it('replaces inside backticks', () => {
    expect(sub('SELECT `${name}_x` FROM t;')).toEqual({ text: 'SELECT `clicks_x` FROM t;' });
  });

  it('doubles single quotes of a value substituted inside a string literal', () => {
    expect(sub("SELECT '${quote}' FROM t;")).toEqual({ text: "SELECT 'it''s' FROM t;" });
    expect(sub('SELECT ${quote}')).toEqual({ text: "SELECT it's" });
  });

  it('leaves comments alone, even with undefined references', () => {
    expect(sub('SELECT 1 -- ${nope}\n/* ${nope} */ FROM t;')).toEqual({ text: 'SELECT 1 -- ${nope}\n/* ${nope} */ FROM t;' });
  });

  it('treats $${x} as an escaped reference', () => {
    expect(sub("SELECT '$${name}' FROM t;")).toEqual({ text: "SELECT '${name}' FROM t;" });
    expect(sub('SELECT $${nope}')).toEqual({ text: 'SELECT ${nope}' });
  });

  it('leaves text that is not a reference alone', () => {
    expect(sub("SELECT '$5', '${', '${1x}' FROM t;")).toEqual({ text: "SELECT '$5', '${', '${1x}' FROM t;" });
  });

  it('returns an error with the span of an undefined variable, shifted by base', () => {
    const r = substituteVariables('SELECT a\nFROM ${missing};', vars, { offset: 10, line: 3, column: 5 });
    expect(r).toEqual({
      error: {
        code: 'UNDEFINED_VARIABLE',
        message: 'Undefined variable: missing',
        span: { start: { offset: 24, line: 4, column: 6 }, end: { offset: 34, line: 4, column: 16 } },
      },
    });
  });

  it('returns the same text when there is nothing to substitute', () => {
    const text = 'SELECT 1 FROM t;';
    expect(sub(text)).toEqual({ text });
  });
});
