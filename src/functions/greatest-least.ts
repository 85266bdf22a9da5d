/**
 * GREATEST and LEAST over one comparable type (numbers widen to a common type); NULL arguments
 * are skipped, and the result is NULL only if every argument is NULL.
 */
import { comparatorFor, type Comparator } from '../types/compare.js';
import type { SqlType } from '../types/sql-type.js';
import { unifyTypes, type Overload, type ScalarFunction } from './function.js';

/** Java ByteBuffer.compareTo: signed bytes, then length. */
const compareBytes: Comparator = (a, b) => {
  const x = a as Uint8Array;
  const y = b as Uint8Array;
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = ((x[i]! << 24) >> 24) - ((y[i]! << 24) >> 24);
    if (d !== 0) return d;
  }
  return x.length - y.length;
};

const COMPARABLE = new Set<SqlType['kind']>(['INTEGER', 'BIGINT', 'DOUBLE', 'DECIMAL', 'STRING', 'BYTES', 'DATE', 'TIME', 'TIMESTAMP']);

function extremum(name: string, description: string, sign: 1 | -1): ScalarFunction {
  return {
    name,
    description,
    signatures: [`${name}(T, T...) → T, for T a number, STRING, BYTES, DATE, TIME or TIMESTAMP`],
    resolve(args): Overload | undefined {
      if (args.length === 0) return undefined;
      const t = unifyTypes(args);
      if (!t || !COMPARABLE.has(t.kind)) return undefined;
      const cmp = t.kind === 'BYTES' ? compareBytes : comparatorFor(t)!;
      return {
        params: args.map(() => t),
        returnType: t,
        acceptsNulls: true,
        impl: (values) => {
          let best: unknown = null;
          for (const v of values) if (v !== null && v !== undefined && (best === null || sign * cmp(v, best) > 0)) best = v;
          return best;
        },
      };
    },
  };
}

export const GREATEST = extremum('GREATEST', 'The largest of its arguments, ignoring NULLs.', 1);
export const LEAST = extremum('LEAST', 'The smallest of its arguments, ignoring NULLs.', -1);

export const GREATEST_LEAST_FUNCTIONS = [GREATEST, LEAST];
