/** NULL handling: COALESCE (first non-null argument) and IFNULL(x, default). Arguments share one type. */
import { commonType } from '../types/coercion.js';
import type { SqlType } from '../types/sql-type.js';
import type { ArgType, Overload, ScalarFunction } from './function.js';

/** All typed arguments widened to one type; undefined if they have none or every argument is an untyped NULL. */
function unify(args: readonly ArgType[]): SqlType | undefined {
  let t: SqlType | undefined;
  for (const a of args) {
    if (a === null) continue;
    if (t === undefined) t = a;
    else {
      t = commonType(t, a);
      if (t === undefined) return undefined;
    }
  }
  return t;
}

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

export const NULL_FUNCTIONS: readonly ScalarFunction[] = [COALESCE, IFNULL];
