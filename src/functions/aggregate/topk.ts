/**
 * TOPK(x, k) and TOPKDISTINCT(x, k): the k largest (distinct) non-NULL values, largest first.
 * TOPK(x, c0, c1, ..., k) also carries other columns of the row a value came from: the result is
 * ARRAY<STRUCT<sort_col x, col0 c0, col1 c1, ...>> (ksqlDB's variadic TOPK). Among equal values
 * the earlier row ranks first.
 */
import { comparatorFor } from '../../types/compare.js';
import { array, struct, typeToString, type SqlType, type SqlTypeKind } from '../../types/sql-type.js';
import { isNull, type AggregateFunction, type ArgType } from './aggregate-function.js';
import { ORDERED_AGGREGATE_KINDS } from './min-max.js';

/** The sort-column types ksqlDB's TOPK has an overload for; TOPKDISTINCT takes MIN's. */
const TOPK_KINDS: ReadonlySet<SqlTypeKind> = new Set<SqlTypeKind>(['INTEGER', 'BIGINT', 'DOUBLE', 'STRING']);

/** The struct field names of variadic TOPK, as ksqlDB names them. */
const SORT_FIELD = 'sort_col';
const otherField = (i: number): string => `col${i}`;

function topK(name: string, distinct: boolean): AggregateFunction {
  const variadic = !distinct;
  const rejected = (argTypes: readonly ArgType[]): string =>
    `Function '${name}' does not accept parameters (${argTypes.map((a) => (a ? typeToString(a) : 'null')).join(', ')}).`;
  return {
    name,
    structuredState: true,
    description: variadic
      ? 'The k largest values, in descending order; with other columns, each value with those columns of its row.'
      : 'The k largest distinct values, in descending order.',
    signatures: variadic
      ? [`${name}(T, k INT) → ARRAY<T>`, `${name}(T, c0, c1, ..., k INT) → ARRAY<STRUCT<sort_col T, col0, col1, ...>>`, 'for T INT, BIGINT, DOUBLE or STRING']
      : [`${name}(T, k INT) → ARRAY<T>`, 'for T INT, BIGINT, DOUBLE, DECIMAL, STRING, BYTES, DATE, TIME or TIMESTAMP'],
    constantArgs: () => 1,
    resolve(argTypes, constants) {
      const t = argTypes[0];
      const cmp = t && (variadic ? TOPK_KINDS : ORDERED_AGGREGATE_KINDS).has(t.kind) ? comparatorFor(t) : undefined;
      const k = Number(constants[0]);
      const others = argTypes.slice(1);
      if (argTypes.length === 0 || !t || !cmp || (!variadic && others.length > 0) || others.some((o) => o === null)) return rejected(argTypes);
      if (!Number.isInteger(k) || k < 1) return `${name}: k must be a positive integer literal`;
      const otherTypes = others as SqlType[];
      // Entries are the bare values (one argument) or the result structs (several).
      const sortValue = otherTypes.length === 0 ? (e: unknown): unknown => e : (e: unknown): unknown => (e as Record<string, unknown>)[SORT_FIELD];
      const entry =
        otherTypes.length === 0
          ? (args: readonly unknown[]): unknown => args[0]
          : (args: readonly unknown[]): unknown => Object.fromEntries([[SORT_FIELD, args[0]], ...otherTypes.map((_, i) => [otherField(i), args[i + 1] ?? null])]);
      const returnType = otherTypes.length === 0 ? array(t) : array(struct([{ name: SORT_FIELD, type: t }, ...otherTypes.map((type, i) => ({ name: otherField(i), type }))]));
      return {
        params: [t, ...otherTypes],
        returnType,
        init: () => [],
        add(acc, args) {
          const list = acc as unknown[];
          const v = args[0];
          if (isNull(v)) return list;
          if (distinct && list.some((x) => cmp(x, v) === 0)) return list;
          let i = list.length;
          while (i > 0 && cmp(sortValue(list[i - 1]), v) < 0) i--;
          if (i >= k) return list;
          list.splice(i, 0, entry(args));
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
