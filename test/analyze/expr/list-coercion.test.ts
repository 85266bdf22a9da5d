import { describe, expect, it } from 'vitest';
import { typeExpr, type Scope } from '../../../src/analyze/expr/index.js';
import { LIST_COERCION_ERROR } from '../../../src/analyze/expr/list-coercion.js';
import { compileExpr } from '../../../src/exec/compile/index.js';
import type { Expr } from '../../../src/sql/ast.js';
import { UserError } from '../../../src/sql/diagnostic.js';
import { Decimal } from '../../../src/types/decimal.js';
import { array, BIGINT, BOOLEAN, decimal, INTEGER, STRING, struct, typeToString } from '../../../src/types/sql-type.js';
import * as a from './ast.js';

const scope: Scope = {
  columns: [
    { name: 'I', type: INTEGER },
    { name: 'L', type: BIGINT },
    { name: 'DEC', type: decimal(4, 2) },
    { name: 'S', type: STRING },
    { name: 'B', type: BOOLEAN },
    { name: 'AL', type: array(BIGINT) },
    { name: 'ST', type: struct([{ name: 'A', type: BIGINT }, { name: 'B', type: BIGINT }]) },
  ],
};
const names = scope.columns.map((c) => c.name);
const run = (e: Expr, r: Record<string, unknown>): unknown => compileExpr(typeExpr(e, scope))(names.map((n) => r[n] ?? null));
const typeOf = (e: Expr): string => typeToString(typeExpr(e, scope).type);

const errorOf = (e: Expr): UserError => a.userErrorOf(() => typeExpr(e, scope));

describe('IN lists coerce the operand and the items to one type', () => {
  it('reads a string literal as a number of its own type, widening the list', () => {
    // '2147483648' is a BIGINT, so an INTEGER operand is compared as BIGINT instead of failing.
    const e = a.inList(a.col('I'), [a.int(1), a.str('2147483648')]);
    expect(typeExpr(e, scope)).toMatchObject({ kind: 'In', operandType: BIGINT });
    expect(run(e, { I: 1 })).toBe(true);
    expect(run(e, { I: -2147483648 })).toBe(false);
    // '4.000' widens INTEGER to a DECIMAL; 5.10 is not 5.
    const d = a.inList(a.col('I'), [a.str('4.000'), a.dec('5.10')]);
    expect(run(d, { I: 4 })).toBe(true);
    expect(run(d, { I: 5 })).toBe(false);
  });

  it('reads other literals as text when the operand is a STRING, keeping their spelling', () => {
    const e = a.inList(a.col('S'), [a.bool(true), a.int(10), a.dec('10.30')]);
    expect(run(e, { S: 'true' })).toBe(true);
    expect(run(e, { S: '10.30' })).toBe(true);
    expect(run(e, { S: '10.3' })).toBe(false);
  });

  it('names the widened type and the item in its errors', () => {
    const bad = errorOf(a.inList(a.col('DEC'), [a.int(10), a.bool(true)]));
    expect(bad.code).toBe(LIST_COERCION_ERROR);
    expect(bad.message).toBe('operator does not exist: DECIMAL(12, 2) = BOOLEAN (true)\nHint: You might need to add explicit type casts.');
    expect(errorOf(a.inList(a.col('L'), [a.str('x')])).message).toBe('invalid input syntax for type BIGINT: "x".');
    expect(errorOf(a.inList(a.col('I'), [a.col('S')])).message).toMatch(/^operator does not exist: INTEGER = STRING \(S\)/);
    expect(errorOf(a.inList(a.col('AL'), [a.arr(a.col('B'))])).message).toMatch(/^operator does not exist: ARRAY<BIGINT> = ARRAY<BOOLEAN> \(ARRAY\[B\]\)/);
    expect(errorOf(a.inList(a.col('AL'), [a.arr(a.str('1'), a.str('x'))])).message).toBe('invalid input syntax for type BIGINT: "x".');
  });

  it('compares arrays element by element, with NULL elements equal', () => {
    const e = a.inList(a.col('AL'), [a.arr(a.int(1), a.int(2)), a.arr(a.str('3'), a.nul())]);
    expect(run(e, { AL: [1n, 2n] })).toBe(true);
    expect(run(e, { AL: [3n, null] })).toBe(true);
    expect(run(e, { AL: [1n] })).toBe(false);
  });

  it('unions struct fields: missing fields read as NULL, extra fields never match', () => {
    const e = a.inList(a.col('ST'), [
      a.structOf(['A', a.int(5)]),
      a.structOf(['B', a.int(2)], ['A', a.str('7')]),
      a.structOf(['A', a.int(3)], ['B', a.int(2)], ['C', a.int(4)]),
    ]);
    expect(run(e, { ST: { A: 5n, B: null } })).toBe(true);
    expect(run(e, { ST: { A: 7n, B: 2n } })).toBe(true);
    expect(run(e, { ST: { A: 3n, B: 2n } })).toBe(false);
  });
});

describe('ARRAY and MAP constructors coerce their items the same way', () => {
  it('widens numbers and number text', () => {
    expect(typeOf(a.arr(a.nul(), a.int(10), a.str('2e1'), a.col('I'), a.col('L')))).toBe('ARRAY<DECIMAL(19, 0)>');
    const v = run(a.arr(a.int(10), a.str('2e1')), {}) as Decimal[];
    expect(v.map(String)).toEqual(['10', '20']);
    expect(typeOf(a.mapOf([a.col('S'), a.col('B')], [a.int(10), a.str('no')]))).toBe('MAP<STRING, BOOLEAN>');
    expect(run(a.mapOf([a.col('S'), a.col('B')], [a.int(10), a.str('no')]), { S: 'a', B: true })).toEqual(
      new Map<string, boolean>([
        ['a', true],
        ['10', false],
      ]),
    );
  });

  it('makes a struct type holding every field of the struct items (fields of the later item first, as ksqlDB)', () => {
    expect(typeOf(a.arr(a.structOf(['X', a.col('I')], ['Y', a.col('L')]), a.structOf(['Y', a.col('I')], ['Z', a.col('L')])))).toBe(
      'ARRAY<STRUCT<`Y` BIGINT, `Z` BIGINT, `X` INTEGER>>',
    );
  });

  it('gives ksqlDB messages for empty and all-NULL constructors', () => {
    expect(errorOf(a.arr()).message).toMatch(/^Array constructor cannot be empty\. Please supply at least one element/);
    expect(errorOf(a.arr(a.nul())).message).toMatch(/^Cannot construct an array with all NULL elements/);
    expect(errorOf(a.mapOf([a.nul(), a.col('I')])).message).toBe('Cannot construct a map with all NULL keys');
    expect(errorOf(a.mapOf([a.col('S'), a.nul()])).message).toBe('Cannot construct a map with all NULL values');
    expect(errorOf(a.arr(a.int(1), a.str('not a number'))).message).toBe('invalid input syntax for type INTEGER: "not a number".');
  });
});

describe('STRUCT constructors', () => {
  it('reject a field name given twice', () => {
    expect(errorOf(a.structOf(['FOO', a.col('S')], ['FOO', a.col('S')])).message).toBe("Duplicate field names found in STRUCT: 'FOO'");
  });
});
