import { describe, expect, it } from 'vitest';
import { typeExpr, type Scope } from '../../../src/analyze/expr/index.js';
import { compileExpr, compileExprReporting, compilePredicate, ExpressionEvalError } from '../../../src/exec/compile/index.js';
import type { Expr } from '../../../src/sql/ast.js';
import { parseStatements } from '../../../src/sql/parse.js';
import { Decimal } from '../../../src/types/decimal.js';
import { array, BIGINT, BOOLEAN, decimal, DOUBLE, INTEGER, map, STRING, struct } from '../../../src/types/sql-type.js';
import * as a from '../../analyze/expr/ast.js';

const scope: Scope = {
  columns: [
    { name: 'I', type: INTEGER },
    { name: 'J', type: INTEGER },
    { name: 'L', type: BIGINT },
    { name: 'D', type: DOUBLE },
    { name: 'A', type: decimal(4, 2) },
    { name: 'B', type: decimal(4, 2) },
    { name: 'S', type: STRING },
    { name: 'P', type: BOOLEAN },
    { name: 'Q', type: BOOLEAN },
    { name: 'ARR', type: array(INTEGER) },
    { name: 'M', type: map(STRING, INTEGER) },
    { name: 'ST', type: struct([{ name: 'PERSON', type: struct([{ name: 'NAME', type: STRING }]) }]) },
  ],
};
const names = scope.columns.map((c) => c.name);
type Row = Partial<Record<string, unknown>>;
const toRow = (r: Row): unknown[] => names.map((n) => (n in r ? r[n] : null));
const run = (e: Expr, r: Row = {}): unknown => compileExpr(typeExpr(e, scope))(toRow(r));
const dec = (s: string): Decimal => Decimal.parse(s)!;
const decText = (v: unknown): string | null => (v === null ? null : (v as Decimal).toString());

describe('three-valued logic', () => {
  const vals = [true, false, null] as const;
  const and = (x: boolean | null, y: boolean | null): boolean | null => (x === false || y === false ? false : x === null || y === null ? null : true);
  const or = (x: boolean | null, y: boolean | null): boolean | null => (x === true || y === true ? true : x === null || y === null ? null : false);
  for (const p of vals) {
    for (const q of vals) {
      it(`${p} AND/OR ${q}`, () => {
        expect(run(a.bin('AND', a.col('P'), a.col('Q')), { P: p, Q: q })).toBe(and(p, q));
        expect(run(a.bin('OR', a.col('P'), a.col('Q')), { P: p, Q: q })).toBe(or(p, q));
      });
    }
    it(`NOT ${p}`, () => expect(run(a.not(a.col('P')), { P: p })).toBe(p === null ? null : !p));
  }

  it('comparisons with a NULL side are FALSE, as in ksqlDB', () => {
    expect(run(a.bin('=', a.col('I'), a.col('L')), { I: null, L: 1n })).toBe(false);
    expect(run(a.bin('<>', a.col('A'), a.col('B')), { A: null, B: dec('10.01') })).toBe(false);
    expect(run(a.not(a.bin('=', a.col('I'), a.col('J'))), { I: null, J: 1 })).toBe(true);
  });

  it('WHERE keeps only TRUE', () => {
    const p = compilePredicate(typeExpr(a.bin('AND', a.col('P'), a.col('Q')), scope));
    expect(p(toRow({ P: true, Q: true }))).toBe(true);
    expect(p(toRow({ P: true, Q: null }))).toBe(false);
  });

  it('IS [NOT] NULL', () => {
    expect(run(a.isNull(a.col('S')))).toBe(true);
    expect(run(a.isNull(a.col('S'), true), { S: 'x' })).toBe(true);
    expect(run(a.isNull(a.nul()))).toBe(true);
  });
});

describe('arithmetic', () => {
  it('wraps INTEGER like Java int and BIGINT like Java long', () => {
    expect(run(a.bin('+', a.col('I'), a.int(1)), { I: 2147483647 })).toBe(-2147483648);
    expect(run(a.bin('*', a.col('I'), a.col('J')), { I: 65536, J: 65536 })).toBe(0);
    expect(run(a.bin('/', a.col('I'), a.int(-1)), { I: -2147483648 })).toBe(-2147483648);
    expect(run(a.bin('+', a.col('L'), a.int(1)), { L: 9223372036854775807n })).toBe(-9223372036854775808n);
    expect(run(a.bin('/', a.col('I'), a.int(2)), { I: -7 })).toBe(-3);
    expect(run(a.bin('%', a.col('I'), a.int(2)), { I: -7 })).toBe(-1);
    expect(run(a.bin('+', a.col('I'), a.col('L')), { I: 1, L: 2n })).toBe(3n);
    expect(run(a.bin('+', a.col('I'), a.col('D')), { I: 1, D: 2.5 })).toBe(3.5);
  });

  it('integer and decimal division by zero fails the row; double gives Infinity', () => {
    expect(() => run(a.bin('/', a.col('I'), a.int(0)), { I: 1 })).toThrow(ExpressionEvalError);
    expect(() => run(a.bin('%', a.col('L'), a.int(0)), { L: 1n })).toThrow(ExpressionEvalError);
    expect(() => run(a.bin('/', a.col('A'), a.col('B')), { A: dec('10.10'), B: dec('0.00') })).toThrow(ExpressionEvalError);
    expect(run(a.bin('/', a.col('D'), a.int(0)), { D: 1 })).toBe(Infinity);
  });

  it('computes decimals exactly at the ksqlDB result scale (QTT decimal.json)', () => {
    expect(decText(run(a.bin('+', a.col('A'), a.col('B')), { A: dec('10.01'), B: dec('5.10') }))).toBe('15.11');
    expect(decText(run(a.bin('-', a.col('A'), a.col('B')), { A: dec('10.10'), B: dec('-5.00') }))).toBe('15.10');
    expect(decText(run(a.bin('*', a.col('A'), a.col('B')), { A: dec('10.10'), B: dec('-2.00') }))).toBe('-20.2000');
    expect(decText(run(a.bin('/', a.col('A'), a.col('B')), { A: dec('10.10'), B: dec('2.00') }))).toBe('5.0500000');
    expect(decText(run(a.bin('%', a.col('A'), a.col('B')), { A: dec('10.10'), B: dec('-2.00') }))).toBe('0.10');
    expect(decText(run(a.bin('+', a.col('A'), a.col('I')), { A: dec('10.01'), I: 5 }))).toBe('15.01');
    expect(run(a.bin('+', a.col('A'), a.col('D')), { A: dec('10.01'), D: 5.1 })).toBeCloseTo(15.11);
    expect(decText(run(a.neg(a.col('A')), { A: dec('10.12') }))).toBe('-10.12');
    expect(run(a.bin('<', a.col('A'), a.dec('0.08')), { A: dec('0.05') })).toBe(true);
    expect(run(a.bin('>', a.col('A'), a.neg(a.dec('0.08'))), { A: dec('-0.5') })).toBe(false);
    expect(run(a.bin('+', a.col('A'), a.col('B')), { A: null, B: dec('1.00') })).toBeNull();
  });

  it('concatenates strings, NULL if a part is NULL', () => {
    expect(run(a.bin('+', a.bin('+', a.str('prefix-'), a.col('S')), a.str('-postfix')), { S: 's1' })).toBe('prefix-s1-postfix');
    expect(run(a.bin('||', a.str('x'), a.col('S')))).toBeNull();
  });
});

describe('LIKE', () => {
  it.each([
    ['this one', '%not%', false],
    ['not this one', '%not%', true],
    ['abc', 'a_c', true],
    ['abbc', 'a_c', false],
    ['a.c', 'a.c', true],
    ['abc', 'a.c', false],
    ['50%', '50\\%', true],
    ['500', '50\\%', false],
    ['line\nbreak', 'line%', true],
    ['ABC', 'abc', false],
  ] as const)('%j LIKE %j = %s', (value, pattern, want) => {
    const escape = pattern.includes('\\') ? a.str('\\') : undefined;
    expect(run(a.like(a.col('S'), a.str(pattern), escape), { S: value })).toBe(want);
    expect(run(a.like(a.col('S'), a.str(pattern), escape, true), { S: value })).toBe(!want);
  });

  it('handles non-constant patterns and NULLs', () => {
    const e = a.like(a.str('hello'), a.col('S'));
    expect(run(e, { S: 'h%' })).toBe(true);
    expect(run(e, { S: '%x' })).toBe(false);
    expect(run(e)).toBeNull();
    expect(run(a.like(a.col('S'), a.str('%')))).toBeNull();
  });
});

describe('BETWEEN, IN, CASE', () => {
  it('BETWEEN is inclusive and NULL-propagating', () => {
    const e = a.between(a.col('I'), a.int(2), a.int(4));
    expect([1, 2, 3, 4, 5].map((I) => run(e, { I }))).toEqual([false, true, true, true, false]);
    expect(run(e)).toBeNull();
    expect(run(a.between(a.col('I'), a.int(2), a.int(4), true), { I: 5 })).toBe(true);
    expect(run(a.between(a.col('S'), a.str('b'), a.str('c')), { S: 'ba' })).toBe(true);
    expect(run(a.between(a.col('D'), a.int(2), a.dbl('3.9E0')), { D: 2.1 })).toBe(true);
  });

  it('IN matches any non-null item', () => {
    const e = a.inList(a.col('I'), [a.int(11), a.nul(), a.col('J')]);
    expect(run(e, { I: 11 })).toBe(true);
    expect(run(e, { I: 10, J: 10 })).toBe(true);
    expect(run(e, { I: 10, J: null })).toBe(false);
    expect(run(a.inList(a.col('I'), [a.int(11), a.int(20)], true), { I: 12 })).toBe(true);
    expect(run(a.inList(a.col('I'), [a.col('A')]), { I: 10, A: dec('10.00') })).toBe(true);
    expect(run(a.inList(a.col('ARR'), [a.arr(a.int(1), a.int(2))]), { ARR: [1, 2] })).toBe(true);
  });

  it('CASE picks the first TRUE branch, else ELSE or NULL', () => {
    const e = a.caseWhen(
      [
        [a.bin('<', a.col('I'), a.int(0)), a.str('neg')],
        [a.bin('=', a.col('I'), a.int(0)), a.str('zero')],
      ],
      a.str('pos'),
    );
    expect([-1, 0, 1, null].map((I) => run(e, { I }))).toEqual(['neg', 'zero', 'pos', 'pos']);
    const simple = a.caseWhen([[a.int(1), a.str('one')]], undefined, a.col('I'));
    expect(run(simple, { I: 1 })).toBe('one');
    expect(run(simple, { I: 2 })).toBeNull();
    expect(run(a.caseWhen([[a.col('P'), a.col('I')]], a.col('L')), { P: true, I: 7 })).toBe(7n);
  });
});

describe('casts, functions, structures', () => {
  it('CAST converts and failed casts fail the row', () => {
    expect(decText(run(a.cast(a.col('I'), decimal(2, 1)), { I: 1 }))).toBe('1.0');
    expect(() => run(a.cast(a.col('I'), decimal(2, 1)), { I: 10 })).toThrow(ExpressionEvalError);
    expect(run(a.cast(a.col('D'), INTEGER), { D: 1.2 })).toBe(1);
    expect(run(a.cast(a.col('S'), STRING))).toBeNull();
  });

  it('calls functions with NULL short-circuit unless they accept NULLs', () => {
    expect(run(a.call('SUBSTRING', [a.col('S'), a.int(6)]), { S: 'some_string' })).toBe('string');
    expect(run(a.call('SUBSTRING', [a.col('S'), a.nul()]), { S: 'x' })).toBeNull();
    expect(run(a.call('IFNULL', [a.col('I'), a.int(10)]))).toBe(10);
    expect(run(a.call('COALESCE', [a.col('ARR'), a.arr(a.int(10), a.int(20))]))).toEqual([10, 20]);
    expect(run(a.call('ROUND', [a.col('D')]), { D: -1.5 })).toBe(-1n);
  });

  it('subscripts arrays (1-based, negative from the end) and maps; dereferences structs', () => {
    expect(run(a.sub(a.col('ARR'), a.int(1)), { ARR: [10, 20] })).toBe(10);
    expect(run(a.sub(a.col('ARR'), a.int(-1)), { ARR: [10, 20] })).toBe(20);
    expect(run(a.sub(a.col('ARR'), a.int(3)), { ARR: [10, 20] })).toBeNull();
    expect(run(a.sub(a.col('ARR'), a.int(0)), { ARR: [10, 20] })).toBeNull();
    expect(run(a.sub(a.col('M'), a.str('expected')), { M: new Map([['expected', 10]]) })).toBe(10);
    expect(run(a.sub(a.col('M'), a.str('missing')), { M: new Map([['expected', 10]]) })).toBeNull();
    expect(run(a.call('IFNULL', [a.sub(a.col('M'), a.str('missing')), a.neg(a.int(1))]))).toBe(-1);
    const name = a.deref(a.deref(a.col('ST'), 'PERSON'), 'NAME');
    expect(run(name, { ST: { PERSON: { NAME: 'George' } } })).toBe('George');
    expect(run(name, { ST: { PERSON: null } })).toBeNull();
  });

  it('builds arrays, maps and structs', () => {
    expect(run(a.arr(a.col('I'), a.col('L')), { I: 1, L: 2n })).toEqual([1n, 2n]);
    expect(run(a.mapOf([a.str('a'), a.col('I')]), { I: 1 })).toEqual(new Map([['a', 1]]));
    expect(run(a.structOf(['X', a.col('S')]), { S: 'v' })).toEqual({ X: 'v' });
  });
});

describe('a function that fails on a row', () => {
  // PARSE_DATE('abcd', ...) throws; IFNULL around it sees NULL, as ksqlDB's per-call handling gives.
  const e = a.call('IFNULL', [a.cast(a.call('PARSE_DATE', [a.col('S'), a.str('yyyy-MM-dd')]), STRING), a.str('1900-01-01')]);

  it('fails the whole expression when compiled without a handler', () => {
    expect(() => run(e, { S: 'abcd' })).toThrow(ExpressionEvalError);
  });

  it('reports the error and yields NULL for that call when compiled with one', () => {
    const seen: [string, unknown[]][] = [];
    const f = compileExprReporting(typeExpr(e, scope), (err, row) => seen.push([err.message, [...row]]));
    expect(f(toRow({ S: 'abcd' }))).toBe('1900-01-01');
    expect(f(toRow({ S: '2022-02-02' }))).toBe('2022-02-02');
    expect(seen.length).toBe(1);
    expect(seen[0]![1]).toEqual(toRow({ S: 'abcd' }));
    // The handler belongs to that compilation only.
    expect(() => run(e, { S: 'abcd' })).toThrow(ExpressionEvalError);
  });
});

describe('IS [NOT] DISTINCT FROM', () => {
  const distinct = (l: Expr, r: Expr, negated = false): Expr => ({
    kind: 'Binary',
    op: negated ? 'IS NOT DISTINCT FROM' : 'IS DISTINCT FROM',
    left: l,
    right: r,
    span: a.at(0),
  });

  it('treats NULL as equal to NULL and never yields NULL', () => {
    const e = distinct(a.col('I'), a.col('L'));
    expect(run(e, { I: 1, L: 1n })).toBe(false);
    expect(run(e, { I: 1, L: 2n })).toBe(true);
    expect(run(e, { I: null, L: 2n })).toBe(true);
    expect(run(e, { I: null, L: null })).toBe(false);
    expect(run(distinct(a.col('I'), a.col('L'), true), { I: null, L: null })).toBe(true);
    expect(run(distinct(a.col('S'), a.nul()), { S: 'x' })).toBe(true);
  });

  it('parses after IS [NOT]', () => {
    expect(parseStatements('SELECT * FROM t WHERE a IS NOT DISTINCT FROM b AND c IS DISTINCT FROM 1;').diagnostics).toEqual([]);
  });
});
