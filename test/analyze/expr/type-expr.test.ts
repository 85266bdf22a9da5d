import { describe, expect, it } from 'vitest';
import { expectBoolean, typeExpr, type Scope } from '../../../src/analyze/expr/index.js';
import { UserError } from '../../../src/sql/diagnostic.js';
import { array, BIGINT, BOOLEAN, decimal, DOUBLE, INTEGER, map, STRING, struct, typeToString } from '../../../src/types/sql-type.js';
import type { Expr } from '../../../src/sql/ast.js';
import * as a from './ast.js';

const scope: Scope = {
  columns: [
    { name: 'I', type: INTEGER, source: 'S' },
    { name: 'L', type: BIGINT, source: 'S' },
    { name: 'D', type: DOUBLE, source: 'S' },
    { name: 'DEC', type: decimal(4, 2), source: 'S' },
    { name: 'STR', type: STRING, source: 'S' },
    { name: 'ARR', type: array(INTEGER), source: 'S' },
    { name: 'M', type: map(STRING, INTEGER), source: 'S' },
    { name: 'ST', type: struct([{ name: 'NAME', type: STRING }]), source: 'S' },
    { name: 'ID', type: INTEGER, source: 'L' },
    { name: 'ID', type: INTEGER, source: 'R' },
  ],
};
const typeOf = (e: Expr): string => typeToString(typeExpr(e, scope).type);

function errorOf(e: Expr, options = {}): UserError {
  try {
    typeExpr(e, scope, options);
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
  throw new Error('expected a UserError');
}

describe('literal types', () => {
  it('types integer literals by size, decimals by digits, exponents as DOUBLE', () => {
    expect(typeOf(a.int(2147483647))).toBe('INTEGER');
    expect(typeOf(a.int('2147483648'))).toBe('BIGINT');
    expect(typeOf(a.int('9223372036854775807'))).toBe('BIGINT');
    expect(errorOf(a.int('9223372036854775808')).message).toBe('Invalid numeric literal: 9223372036854775808');
    expect(typeOf(a.dec('1.5'))).toBe('DECIMAL(2, 1)');
    expect(typeOf(a.dbl('1.5E3'))).toBe('DOUBLE');
    expect(errorOf(a.dbl('1.7976931348623159E308')).message).toBe('Number overflows DOUBLE: 1.7976931348623159E308');
    expect(typeExpr(a.neg(a.int(5)), scope)).toMatchObject({ kind: 'Constant', value: -5, type: INTEGER });
  });
});

describe('columns', () => {
  it('resolves by name and qualifier to a row index', () => {
    expect(typeExpr(a.col('STR'), scope)).toMatchObject({ kind: 'Column', index: 4, type: STRING });
    expect(typeExpr(a.col('ID', 'R'), scope)).toMatchObject({ kind: 'Column', index: 9 });
  });

  it('reports unknown and ambiguous columns with their span', () => {
    const unknown = errorOf(a.col('BOB', undefined, a.at(7, 3)));
    expect(unknown.code).toBe('UNKNOWN_COLUMN');
    expect(unknown.message).toBe("Column 'BOB' cannot be resolved.");
    expect(unknown.span?.start.offset).toBe(7);
    expect(errorOf(a.col('BOB', 'I')).message).toBe("Column 'I.BOB' cannot be resolved.");
    const amb = errorOf(a.col('ID'));
    expect(amb.code).toBe('AMBIGUOUS_COLUMN');
    expect(amb.message).toBe("Column 'ID' is ambiguous. Could be L.ID or R.ID.");
  });
});

describe('arithmetic typing', () => {
  it('widens INTEGER → BIGINT → DECIMAL → DOUBLE', () => {
    expect(typeOf(a.bin('+', a.col('I'), a.col('I')))).toBe('INTEGER');
    expect(typeOf(a.bin('+', a.col('I'), a.col('L')))).toBe('BIGINT');
    expect(typeOf(a.bin('+', a.col('L'), a.col('D')))).toBe('DOUBLE');
    expect(typeOf(a.bin('+', a.col('DEC'), a.col('I')))).toBe('DECIMAL(13, 2)');
    expect(typeOf(a.bin('/', a.col('DEC'), a.col('DEC')))).toBe('DECIMAL(11, 7)');
    expect(typeOf(a.bin('*', a.col('DEC'), a.col('DEC')))).toBe('DECIMAL(9, 4)');
    expect(typeOf(a.bin('+', a.col('DEC'), a.col('D')))).toBe('DOUBLE');
  });

  it('concatenates strings with + and ||', () => {
    expect(typeExpr(a.bin('+', a.str('x'), a.col('STR')), scope).kind).toBe('Concat');
    expect(typeOf(a.bin('||', a.str('x'), a.col('STR')))).toBe('STRING');
  });

  it('rejects arithmetic with NULL or non-numbers, as ksqlDB words it', () => {
    const e = errorOf(a.bin('+', a.int(1), a.nul(), a.at(3, 8)));
    expect(e.code).toBe('TYPE_MISMATCH');
    expect(e.message).toBe('Error processing expression: (1 + null). Arithmetic on types INTEGER and null are not supported.');
    expect(e.span?.start.offset).toBe(3);
    expect(errorOf(a.bin('*', a.col('ARR'), a.int(2))).message).toContain('Arithmetic on types ARRAY<INTEGER> and INTEGER are not supported.');
  });
});

describe('comparison typing', () => {
  it('compares numbers across types and rejects STRING vs INTEGER', () => {
    expect(typeExpr(a.bin('<', a.col('DEC'), a.col('I')), scope)).toMatchObject({ kind: 'Comparison', type: BOOLEAN });
    const e = errorOf(a.bin('=', a.col('I'), a.str('10')));
    expect(e.message).toBe("Cannot compare I (INTEGER) to '10' (STRING) with EQUAL.");
    expect(errorOf(a.bin('=', a.nul(), a.nul())).message).toBe("Comparison with NULL not supported: NULL = NULL\nUse 'IS NULL' or 'IS NOT NULL' instead.");
    // ksqlDB names the other side by its type.
    expect(errorOf(a.bin('=', a.col('I'), a.nul())).message).toMatch(/^Comparison with NULL not supported: INTEGER = NULL\n/);
    expect(errorOf(a.bin('<', a.col('ARR'), a.col('ARR'))).code).toBe('TYPE_MISMATCH');
  });

  it('requires BOOLEAN operands for AND/OR/NOT and WHERE', () => {
    expect(errorOf(a.bin('AND', a.col('I'), a.bool(true))).code).toBe('TYPE_MISMATCH');
    expect(() => expectBoolean(typeExpr(a.col('I'), scope), a.at(0))).toThrow(
      'Type error in WHERE expression: Should evaluate to boolean but is INTEGER instead.',
    );
    expect(expectBoolean(typeExpr(a.bin('AND', a.nul(), a.bool(true)), scope), a.at(0)).type).toEqual(BOOLEAN);
  });
});

describe('functions, casts, CASE, constructors', () => {
  it('resolves functions and inserts implicit casts for widened arguments', () => {
    const t = typeExpr(a.call('COALESCE', [a.col('I'), a.col('L')]), scope);
    expect(t).toMatchObject({ kind: 'Call', type: BIGINT });
    expect(t.kind === 'Call' && t.args[0]).toMatchObject({ kind: 'Cast', implicit: true, type: BIGINT });
    const unknown = errorOf(a.call('WONT_FIND_ME', [], a.at(2, 5)));
    expect(unknown).toMatchObject({ code: 'UNKNOWN_FUNCTION', message: "Can't find any functions with the name 'WONT_FIND_ME'" });
    expect(unknown.span?.start.offset).toBe(2);
    expect(errorOf(a.call('UCASE', [a.col('I')])).code).toBe('FUNCTION_ARGUMENTS');
    expect(typeOf(a.call('SUBSTRING', [a.col('STR'), a.nul()]))).toBe('STRING');
  });

  it('checks casts', () => {
    expect(typeOf(a.cast(a.col('I'), decimal(2, 1)))).toBe('DECIMAL(2, 1)');
    expect(typeOf(a.cast(a.nul(), array(INTEGER)))).toBe('ARRAY<INTEGER>');
    expect(errorOf(a.cast(a.col('STR'), array(INTEGER))).message).toBe('Cast of STRING to ARRAY<INTEGER> is not supported');
  });

  it('types CASE by its branches and rejects incompatible or all-null branches', () => {
    expect(typeOf(a.caseWhen([[a.bool(true), a.col('I')]], a.col('L')))).toBe('BIGINT');
    expect(typeOf(a.caseWhen([[a.int(1), a.str('one')]], a.nul(), a.col('I')))).toBe('STRING');
    expect(errorOf(a.caseWhen([[a.bool(true), a.col('I')]], a.str('x'))).code).toBe('TYPE_MISMATCH');
    expect(errorOf(a.caseWhen([[a.bool(true), a.nul()]])).code).toBe('UNTYPED_NULL');
    expect(errorOf(a.caseWhen([[a.col('I'), a.int(1)]])).message).toContain('WHEN operand type should be BOOLEAN');
  });

  it('types constructors, subscripts and dereferences', () => {
    expect(typeOf(a.arr(a.int(1), a.int('9999999999'), a.nul()))).toBe('ARRAY<BIGINT>');
    expect(typeOf(a.mapOf([a.str('a'), a.dec('1.5')]))).toBe('MAP<STRING, DECIMAL(2, 1)>');
    expect(typeOf(a.structOf(['A', a.int(1)]))).toBe('STRUCT<`A` INTEGER>');
    expect(typeOf(a.sub(a.col('ARR'), a.int(1)))).toBe('INTEGER');
    expect(typeOf(a.sub(a.col('M'), a.str('k')))).toBe('INTEGER');
    expect(typeOf(a.deref(a.col('ST'), 'NAME'))).toBe('STRING');
    expect(errorOf(a.deref(a.col('ST'), 'NOPE')).code).toBe('UNKNOWN_FIELD');
    expect(errorOf(a.sub(a.col('I'), a.int(1))).code).toBe('TYPE_MISMATCH');
  });

  it('types IN lists, reading string literals as the operand type', () => {
    const t = typeExpr(a.inList(a.col('I'), [a.int(1), a.str('2'), a.nul(), a.col('L')]), scope);
    expect(t).toMatchObject({ kind: 'In', operandType: BIGINT });
    expect(t.kind === 'In' && t.list.length).toBe(3);
    expect(errorOf(a.inList(a.col('I'), [a.str('10 - not a number')])).message).toBe('invalid input syntax for type INTEGER: "10 - not a number".');
    expect(errorOf(a.inList(a.col('I'), [a.bool(true)])).message).toBe('operator does not exist: INTEGER = BOOLEAN (true)');
  });

  it('rejects a bare NULL only when asked (projections), allows it for INSERT VALUES', () => {
    expect(typeExpr(a.nul(), { columns: [] }).kind).toBe('Constant');
    expect(errorOf(a.nul(), { rejectUntypedNull: true }).message).toBe(
      "Can't infer a type of null. Please explicitly cast it to a required type, e.g. CAST(null AS VARCHAR).",
    );
  });
});
