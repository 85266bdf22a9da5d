/** COUNT(*), COUNT(x) (non-null values) and COUNT_DISTINCT(x). */
import { BIGINT, typeToString } from '../../types/sql-type.js';
import { isNull, type AggregateFunction, type AggregateOverload } from './aggregate-function.js';
import { valueKey } from './value-key.js';

const countOverload = (params: AggregateOverload['params'], star: boolean): AggregateOverload => ({
  params,
  returnType: BIGINT,
  init: () => 0,
  add: (acc, args) => (star || !isNull(args[0]) ? (acc as number) + 1 : acc),
  undo: (acc, args) => (star || !isNull(args[0]) ? (acc as number) - 1 : acc),
  merge: (a, b) => (a as number) + (b as number),
  exactMerge: true,
  result: (acc) => BigInt(acc as number),
});

export const COUNT: AggregateFunction = {
  name: 'COUNT',
  description: 'The number of rows (COUNT(*)), or of rows where the argument is not NULL.',
  signatures: ['COUNT(*) → BIGINT', 'COUNT(T) → BIGINT'],
  resolve(argTypes) {
    if (argTypes.length === 0) return countOverload([], true);
    if (argTypes.length !== 1) return 'COUNT takes one argument';
    const t = argTypes[0];
    return countOverload(t ? [t] : [BIGINT], false);
  },
};

export const COUNT_DISTINCT: AggregateFunction = {
  name: 'COUNT_DISTINCT',
  structuredState: true,
  description: 'The number of distinct non-NULL values.',
  signatures: ['COUNT_DISTINCT(T) → BIGINT'],
  resolve(argTypes) {
    const t = argTypes[0];
    if (argTypes.length !== 1 || !t) return `COUNT_DISTINCT takes one typed argument, got (${argTypes.map((a) => (a ? typeToString(a) : 'null')).join(', ')})`;
    return {
      params: [t],
      returnType: BIGINT,
      init: () => ({}),
      add(acc, args) {
        if (isNull(args[0])) return acc;
        (acc as Record<string, number>)[valueKey(args[0])] = 1;
        return acc;
      },
      result: (acc) => BigInt(Object.keys(acc as object).length),
    };
  },
};
