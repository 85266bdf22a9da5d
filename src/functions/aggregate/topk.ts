/** TOPK(x, k) and TOPKDISTINCT(x, k): the k largest (distinct) non-NULL values, largest first. */
import { comparatorFor } from '../../types/compare.js';
import { array, typeToString } from '../../types/sql-type.js';
import { isNull, type AggregateFunction } from './aggregate-function.js';

function topK(name: string, distinct: boolean): AggregateFunction {
  return {
    name,
    structuredState: true,
    description: `The k largest ${distinct ? 'distinct ' : ''}values, in descending order.`,
    signatures: [`${name}(T, k INT) → ARRAY<T>`],
    constantArgs: () => 1,
    resolve(argTypes, constants) {
      const t = argTypes[0];
      const cmp = t ? comparatorFor(t) : undefined;
      const k = Number(constants[0]);
      if (argTypes.length !== 1 || !t || !cmp) return `Function '${name}' does not accept parameters (${argTypes.map((a) => (a ? typeToString(a) : 'null')).join(', ')}).`;
      if (!Number.isInteger(k) || k < 1) return `${name}: k must be a positive integer literal`;
      return {
        params: [t],
        returnType: array(t),
        init: () => [],
        add(acc, [v]) {
          const list = acc as unknown[];
          if (isNull(v)) return list;
          if (distinct && list.some((x) => cmp(x, v) === 0)) return list;
          let i = list.length;
          while (i > 0 && cmp(list[i - 1], v) < 0) i--;
          if (i >= k) return list;
          list.splice(i, 0, v);
          if (list.length > k) list.pop();
          return list;
        },
        result: (acc) => [...(acc as unknown[])],
      };
    },
  };
}

export const TOPK = topK('TOPK', false);
export const TOPKDISTINCT = topK('TOPKDISTINCT', true);
