/** COLLECT_LIST (every value, NULLs included, in arrival order) and COLLECT_SET (distinct values). */
import { array, typeToString } from '../../types/sql-type.js';
import type { AggregateFunction } from './aggregate-function.js';
import { valueKey } from './value-key.js';

/** ksqlDB caps collected arrays (ksql.functions.collect_list.limit default). */
export const MAX_COLLECT_SIZE = 1000;

export const COLLECT_LIST: AggregateFunction = {
  name: 'COLLECT_LIST',
  structuredState: true,
  description: `An array of all values, in order (at most ${MAX_COLLECT_SIZE}).`,
  signatures: ['COLLECT_LIST(T) → ARRAY<T>'],
  resolve(argTypes) {
    const t = argTypes[0];
    if (argTypes.length !== 1 || !t) return `Function 'COLLECT_LIST' does not accept parameters (${argTypes.map((a) => (a ? typeToString(a) : 'null')).join(', ')}).`;
    return {
      params: [t],
      returnType: array(t),
      init: () => [],
      add(acc, [v]) {
        const list = acc as unknown[];
        if (list.length < MAX_COLLECT_SIZE) list.push(v ?? null);
        return list;
      },
      // A table row that changes takes its first equal value out again.
      undo(acc, [v]) {
        const list = acc as unknown[];
        const key = valueKey(v ?? null);
        const i = list.findIndex((x) => valueKey(x) === key);
        if (i >= 0) list.splice(i, 1);
        return list;
      },
      merge: (a, b) => [...(a as unknown[]), ...(b as unknown[])].slice(0, MAX_COLLECT_SIZE),
      result: (acc) => [...(acc as unknown[])],
    };
  },
};

export const COLLECT_SET: AggregateFunction = {
  name: 'COLLECT_SET',
  structuredState: true,
  description: `An array of the distinct values, in first-seen order (at most ${MAX_COLLECT_SIZE}).`,
  signatures: ['COLLECT_SET(T) → ARRAY<T>'],
  resolve(argTypes) {
    const t = argTypes[0];
    if (argTypes.length !== 1 || !t) return `Function 'COLLECT_SET' does not accept parameters (${argTypes.map((a) => (a ? typeToString(a) : 'null')).join(', ')}).`;
    // Accumulator: [keys, values] kept in first-seen order.
    return {
      params: [t],
      returnType: array(t),
      init: () => ({ k: [] as string[], v: [] as unknown[] }),
      add(acc, [v]) {
        const a = acc as { k: string[]; v: unknown[] };
        const key = valueKey(v ?? null);
        if (a.k.length < MAX_COLLECT_SIZE && !a.k.includes(key)) {
          a.k.push(key);
          a.v.push(v ?? null);
        }
        return a;
      },
      result: (acc) => [...(acc as { v: unknown[] }).v],
    };
  },
};
