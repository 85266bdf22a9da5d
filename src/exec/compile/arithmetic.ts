/**
 * Arithmetic closures per result type. INTEGER wraps like Java int, BIGINT like Java long; integer
 * and DECIMAL division (or modulo) by zero throws ExpressionEvalError (ksqlDB logs it and yields
 * NULL); DOUBLE follows IEEE (x / 0 = Infinity), as Java does.
 */
import type { ArithmeticOp } from '../../sql/ast.js';
import type { Decimal } from '../../types/decimal.js';
import {
  decimalAdd,
  decimalDivide,
  decimalMultiply,
  decimalNegate,
  decimalRemainder,
  decimalSubtract,
  rescale,
} from '../../types/decimal-math.js';
import { ExpressionEvalError } from '../../types/eval-error.js';
import type { SqlType } from '../../types/sql-type.js';

type BinaryFn = (a: unknown, b: unknown) => unknown;

const divByZero = (): never => {
  throw new ExpressionEvalError('/ by zero');
};

function integerOp(op: ArithmeticOp): BinaryFn {
  switch (op) {
    case '+':
      return (a, b) => ((a as number) + (b as number)) | 0;
    case '-':
      return (a, b) => ((a as number) - (b as number)) | 0;
    case '*':
      return (a, b) => Math.imul(a as number, b as number);
    case '/':
      return (a, b) => (b === 0 ? divByZero() : Math.trunc((a as number) / (b as number)) | 0);
    case '%':
      return (a, b) => (b === 0 ? divByZero() : ((a as number) % (b as number)) | 0);
  }
}

function bigintOp(op: ArithmeticOp): BinaryFn {
  switch (op) {
    case '+':
      return (a, b) => BigInt.asIntN(64, (a as bigint) + (b as bigint));
    case '-':
      return (a, b) => BigInt.asIntN(64, (a as bigint) - (b as bigint));
    case '*':
      return (a, b) => BigInt.asIntN(64, (a as bigint) * (b as bigint));
    case '/':
      return (a, b) => (b === 0n ? divByZero() : BigInt.asIntN(64, (a as bigint) / (b as bigint)));
    case '%':
      return (a, b) => (b === 0n ? divByZero() : (a as bigint) % (b as bigint));
  }
}

function doubleOp(op: ArithmeticOp): BinaryFn {
  switch (op) {
    case '+':
      return (a, b) => (a as number) + (b as number);
    case '-':
      return (a, b) => (a as number) - (b as number);
    case '*':
      return (a, b) => (a as number) * (b as number);
    case '/':
      return (a, b) => (a as number) / (b as number);
    case '%':
      return (a, b) => (a as number) % (b as number);
  }
}

function decimalOp(op: ArithmeticOp, scale: number): BinaryFn {
  const fit = (d: Decimal): Decimal => rescale(d, scale);
  switch (op) {
    case '+':
      return (a, b) => fit(decimalAdd(a as Decimal, b as Decimal));
    case '-':
      return (a, b) => fit(decimalSubtract(a as Decimal, b as Decimal));
    case '*':
      return (a, b) => fit(decimalMultiply(a as Decimal, b as Decimal));
    case '/':
      return (a, b) => decimalDivide(a as Decimal, b as Decimal, scale) ?? divByZero();
    case '%':
      return (a, b) => {
        const r = decimalRemainder(a as Decimal, b as Decimal);
        return r === undefined ? divByZero() : fit(r);
      };
  }
}

/** The non-null operation for a result type (operands are never null when it is called). */
export function arithmeticFn(op: ArithmeticOp, type: SqlType): BinaryFn {
  switch (type.kind) {
    case 'INTEGER':
      return integerOp(op);
    case 'BIGINT':
      return bigintOp(op);
    case 'DOUBLE':
      return doubleOp(op);
    case 'DECIMAL':
      return decimalOp(op, type.scale);
    default:
      throw new Error(`assertion: arithmetic on ${type.kind}`);
  }
}

export function negateFn(type: SqlType): (a: unknown) => unknown {
  switch (type.kind) {
    case 'INTEGER':
      return (a) => -(a as number) | 0;
    case 'BIGINT':
      return (a) => BigInt.asIntN(64, -(a as bigint));
    case 'DOUBLE':
      return (a) => -(a as number);
    case 'DECIMAL':
      return (a) => decimalNegate(a as Decimal);
    default:
      throw new Error(`assertion: negation of ${type.kind}`);
  }
}
