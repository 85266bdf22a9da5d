/** COLLECT_LIST (every value, NULLs included, in arrival order) and COLLECT_SET (distinct values). */
import { array, typeToString } from '../../types/sql-type.js';
import type { AggregateFunction } from './aggregate-function.js';
import { valueKey } from './value-key.js';

/** Collected arrays keep at most this many elements unless ksql.functions.collect_{list,set}.limit say otherwise. */
export const MAX_COLLECT_SIZE = 1000;

/** A configured limit: a negative one means no limit, as in ksqlDB. */
function limitOf(configured: number | undefined): number {
  if (configured === undefined) return MAX_COLLECT_SIZE;
  return configured < 0 ? Number.MAX_SAFE_INTEGER : configured;
}

export const COLLECT_LIST: AggregateFunction = {
  name: 'COLLECT_LIST',
  structuredState: true,
  description: `An array of all values, in order (at most ${MAX_COLLECT_SIZE}, or ksql.functions.collect_list.limit).`,
  signatures: ['COLLECT_LIST(T) → ARRAY<T>'],
  resolve(argTypes, _constants, config) {
    const limit = limitOf(config?.collectListLimit);
    const t = argTypes[0];
    if (argTypes.length !== 1 || !t) return `Function 'COLLECT_LIST' does not accept parameters (${argTypes.map((a) => (a ? typeToString(a) : 'null')).join(', ')}).`;
    return {
      params: [t],
      returnType: array(t),
      init: () => [],
      add(acc, [v]) {
        const list = acc as unknown[];
        if (list.length < limit) list.push(v ?? null);
        return list;
      },
      // A table row that changes takes its last equal value out again (ksqlDB's choice: which
      // of equal values came from the row is not tracked).
      undo(acc, [v]) {
        const list = acc as unknown[];
        const key = valueKey(v ?? null);
        let i = list.length - 1;
        while (i >= 0 && valueKey(list[i]) !== key) i--;
        if (i >= 0) list.splice(i, 1);
        return list;
      },
      merge: (a, b) => [...(a as unknown[]), ...(b as unknown[])].slice(0, limit),
      result: (acc) => [...(acc as unknown[])],
    };
  },
};

export const COLLECT_SET: AggregateFunction = {
  name: 'COLLECT_SET',
  structuredState: true,
  description: `An array of the distinct values, in first-seen order (at most ${MAX_COLLECT_SIZE}, or ksql.functions.collect_set.limit).`,
  signatures: ['COLLECT_SET(T) → ARRAY<T>'],
  resolve(argTypes, _constants, config) {
    const limit = limitOf(config?.collectSetLimit);
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
        if (a.k.length < limit && !a.k.includes(key)) {
          a.k.push(key);
          a.v.push(v ?? null);
        }
        return a;
      },
      result: (acc) => [...(acc as { v: unknown[] }).v],
    };
  },
};
