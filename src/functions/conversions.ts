/**
 * AS_VALUE(x): x unchanged. What it changes is the query's shape: a key column read through it is
 * an ordinary value, so `SELECT AS_VALUE(id) AS v` copies the key into the value (ksqlDB).
 */
import type { ScalarFunction } from './function.js';

export const AS_VALUE: ScalarFunction = {
  name: 'AS_VALUE',
  description: 'Its argument, unchanged; used to copy a key column into the value.',
  signatures: ['AS_VALUE(T) → T'],
  resolve(args) {
    const t = args[0];
    if (args.length !== 1 || !t) return undefined;
    return { params: [t], returnType: t, impl: (a) => a[0], acceptsNulls: true };
  },
};

export const CONVERSION_FUNCTIONS: readonly ScalarFunction[] = [AS_VALUE];
