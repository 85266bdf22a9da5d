/**
 * EARLIEST_BY_OFFSET / LATEST_BY_OFFSET (x [, n [, ignoreNulls]]): the value of the first / last
 * row seen (by arrival, which within a partition is offset order). With n, an array of up to n
 * values. NULLs are ignored unless ignoreNulls is false.
 */
import { array, typeToString } from '../../types/sql-type.js';
import { isNull, type AggregateFunction } from './aggregate-function.js';

function byOffset(name: string, latest: boolean): AggregateFunction {
  return {
    name,
    structuredState: true,
    description: `The ${latest ? 'latest' : 'earliest'} value by offset (or an array of the ${latest ? 'last' : 'first'} n).`,
    signatures: [`${name}(T [, ignoreNulls BOOLEAN]) → T`, `${name}(T, n INT [, ignoreNulls BOOLEAN]) → ARRAY<T>`],
    constantArgs: (n) => n - 1,
    resolve(argTypes, constants) {
      const t = argTypes[0];
      if (argTypes.length !== 1 || !t) return `Function '${name}' does not accept parameters (${argTypes.map((a) => (a ? typeToString(a) : 'null')).join(', ')}).`;
      let n: number | undefined;
      let ignoreNulls = true;
      for (const c of constants) {
        if (typeof c === 'boolean') ignoreNulls = c;
        else if (typeof c === 'number' || typeof c === 'bigint') n = Number(c);
        else return `${name}: expected an INT count or a BOOLEAN ignoreNulls, got ${String(c)}`;
      }
      if (n !== undefined && n < 1) return `${name}: the number of values must be at least 1`;
      if (n === undefined) {
        return {
          params: [t],
          returnType: t,
          init: () => ({ set: false, v: null }),
          add(acc, [v]) {
            const a = acc as { set: boolean; v: unknown };
            if (ignoreNulls && isNull(v)) return a;
            if (latest || !a.set) return { set: true, v: v ?? null };
            return a;
          },
          result: (acc) => (acc as { v: unknown }).v,
        };
      }
      const limit = n;
      return {
        params: [t],
        returnType: array(t),
        init: () => [],
        add(acc, [v]) {
          const list = acc as unknown[];
          if (ignoreNulls && isNull(v)) return list;
          if (latest) {
            list.push(v ?? null);
            if (list.length > limit) list.shift();
          } else if (list.length < limit) list.push(v ?? null);
          return list;
        },
        result: (acc) => [...(acc as unknown[])],
      };
    },
  };
}

export const EARLIEST_BY_OFFSET = byOffset('EARLIEST_BY_OFFSET', false);
export const LATEST_BY_OFFSET = byOffset('LATEST_BY_OFFSET', true);
