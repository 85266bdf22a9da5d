/** SUM_LIST(ARRAY<INT|BIGINT|DOUBLE>): the sum of every element of every row's array (NULLs skipped). */
import { typeToString } from '../../types/sql-type.js';
import { isNull, type AggregateFunction } from './aggregate-function.js';
import { numericOps, type NumericOps } from './numeric-acc.js';

function fold(ops: NumericOps, step: (a: unknown, b: unknown) => unknown, acc: unknown, list: unknown): unknown {
  if (isNull(list)) return acc;
  for (const v of list as readonly unknown[]) if (!isNull(v)) acc = step(acc, v);
  return acc;
}

export const SUM_LIST: AggregateFunction = {
  name: 'SUM_LIST',
  description: 'The sum of the elements of every array in the group (NULL elements skipped), in the element type.',
  signatures: ['SUM_LIST(ARRAY<INT>) → INT', 'SUM_LIST(ARRAY<BIGINT>) → BIGINT', 'SUM_LIST(ARRAY<DOUBLE>) → DOUBLE'],
  resolve(argTypes) {
    const t = argTypes[0];
    const element = t?.kind === 'ARRAY' ? t.element : undefined;
    const ops = element && ['INTEGER', 'BIGINT', 'DOUBLE'].includes(element.kind) ? numericOps(element) : undefined;
    if (argTypes.length !== 1 || !t || !element || !ops) {
      return `Function 'SUM_LIST' does not accept parameters (${argTypes.map((a) => (a ? typeToString(a) : 'null')).join(', ')}).`;
    }
    return {
      params: [t],
      returnType: element,
      init: () => ops.zero,
      add: (acc, [list]) => fold(ops, ops.add, acc, list),
      undo: (acc, [list]) => fold(ops, ops.subtract, acc, list),
      merge: (a, b) => ops.add(a, b),
      result: (acc) => acc,
    };
  },
};
