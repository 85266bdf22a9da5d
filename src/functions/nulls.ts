/** NULL handling: COALESCE (first non-null argument), IFNULL(x, default), NULLIF(x, y). Arguments share one type. */
import { equalityFor } from '../types/compare.js';
import { unifyTypes as unify, type Overload, type ScalarFunction } from './function.js';

const firstNonNull = (args: readonly unknown[]): unknown => {
  for (const a of args) if (a !== null && a !== undefined) return a;
  return null;
};

export const COALESCE: ScalarFunction = {
  name: 'COALESCE',
  description: 'The first argument that is not NULL.',
  signatures: ['COALESCE(T, T...) → T'],
  resolve(args): Overload | undefined {
    if (args.length === 0) return undefined;
    const t = unify(args);
    return t && { params: args.map(() => t), returnType: t, impl: firstNonNull, acceptsNulls: true };
  },
};

export const IFNULL: ScalarFunction = {
  name: 'IFNULL',
  description: 'The first argument, or the second if the first is NULL.',
  signatures: ['IFNULL(T, T) → T'],
  resolve(args): Overload | undefined {
    if (args.length !== 2) return undefined;
    const t = unify(args);
    return t && { params: [t, t], returnType: t, impl: firstNonNull, acceptsNulls: true };
  },
};

export const NULLIF: ScalarFunction = {
  name: 'NULLIF',
  description: 'NULL if the two arguments are equal, else the first.',
  signatures: ['NULLIF(T, T) → T'],
  resolve(args): Overload | undefined {
    if (args.length !== 2) return undefined;
    const t = unify(args);
    if (!t) return undefined;
    const eq = equalityFor(t);
    const impl = ([a, b]: readonly unknown[]): unknown => (a === null || a === undefined ? null : b !== null && b !== undefined && eq(a, b) ? null : a);
    return { params: [t, t], returnType: t, impl, acceptsNulls: true };
  },
};

export const NULL_FUNCTIONS: readonly ScalarFunction[] = [COALESCE, IFNULL, NULLIF];
