/** Addition and zero per numeric SQL type, with Java's overflow behaviour (INT and BIGINT wrap). */
import { Decimal } from '../../types/decimal.js';
import { decimalAdd, decimalSubtract, decimalToNumber, rescale } from '../../types/decimal-math.js';
import type { SqlType } from '../../types/sql-type.js';

export interface NumericOps {
  readonly zero: unknown;
  add(a: unknown, b: unknown): unknown;
  subtract(a: unknown, b: unknown): unknown;
  toDouble(a: unknown): number;
}

export function numericOps(t: SqlType): NumericOps | undefined {
  switch (t.kind) {
    case 'INTEGER':
      return { zero: 0, add: (a, b) => ((a as number) + (b as number)) | 0, subtract: (a, b) => ((a as number) - (b as number)) | 0, toDouble: (a) => a as number };
    case 'BIGINT':
      return {
        zero: 0n,
        add: (a, b) => BigInt.asIntN(64, (a as bigint) + (b as bigint)),
        subtract: (a, b) => BigInt.asIntN(64, (a as bigint) - (b as bigint)),
        toDouble: (a) => Number(a as bigint),
      };
    case 'DOUBLE':
      return { zero: 0, add: (a, b) => (a as number) + (b as number), subtract: (a, b) => (a as number) - (b as number), toDouble: (a) => a as number };
    case 'DECIMAL': {
      const scale = t.scale;
      return {
        zero: new Decimal(0n, scale),
        add: (a, b) => rescale(decimalAdd(a as Decimal, b as Decimal), scale),
        subtract: (a, b) => rescale(decimalSubtract(a as Decimal, b as Decimal), scale),
        toDouble: (a) => decimalToNumber(a as Decimal),
      };
    }
    default:
      return undefined;
  }
}
