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
          init: (): One => ({ set: false, v: null, q: -1 }),
          add(acc, [v]) {
            const a = acc as One;
            if (ignoreNulls && isNull(v)) return a;
            if (latest || !a.set) return { set: true, v: v ?? null, q: nextSequence(a.q) };
            return a;
          },
          // Session windows merging: the value that arrived first (last) across both sessions.
          merge(x, y) {
            const a = x as One;
            const b = y as One;
            if (!a.set || !b.set) return a.set ? a : b;
            return (latest ? b.q > a.q : b.q < a.q) ? b : a;
          },
          result: (acc) => (acc as One).v,
        };
      }
      const limit = n;
      return {
        params: [t],
        returnType: array(t),
        init: (): Many => ({ v: [], q: [] }),
        add(acc, [v]) {
          const a = acc as Many;
          if (ignoreNulls && isNull(v)) return a;
          if (!latest && a.v.length >= limit) return a;
          a.v.push(v ?? null);
          a.q.push(nextSequence(a.q[a.q.length - 1] ?? -1));
          if (a.v.length > limit) {
            a.v.shift();
            a.q.shift();
          }
          return a;
        },
        merge(x, y) {
          const a = x as Many;
          const b = y as Many;
          const all = [...a.v.map((v, i) => ({ v, q: a.q[i]! })), ...b.v.map((v, i) => ({ v, q: b.q[i]! }))].sort((l, r) => l.q - r.q);
          const kept = latest ? all.slice(-limit) : all.slice(0, limit);
          return { v: kept.map((e) => e.v), q: kept.map((e) => e.q) };
        },
        result: (acc) => [...(acc as Many).v],
      };
    },
  };
}

/** One value and the arrival sequence number it came with. */
interface One {
  set: boolean;
  v: unknown;
  q: number;
}

/** Up to n values, oldest first, with their arrival sequence numbers. */
interface Many {
  v: unknown[];
  q: number[];
}

/**
 * Arrival order across accumulators, so merged session windows know which value came first (ksqlDB
 * keeps a sequence number beside each value). Process-wide and never behind the accumulator it
 * is added to; after a restart, order between two sessions' older values may be approximate.
 */
let sequence = 0;
function nextSequence(atLeast: number): number {
  sequence = Math.max(sequence, atLeast) + 1;
  return sequence;
}

export const EARLIEST_BY_OFFSET = byOffset('EARLIEST_BY_OFFSET', false);
export const LATEST_BY_OFFSET = byOffset('LATEST_BY_OFFSET', true);
