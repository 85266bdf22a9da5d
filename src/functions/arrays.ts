/**
 * Array functions: ARRAY_CONTAINS, ARRAY_DISTINCT, ARRAY_EXCEPT, ARRAY_INTERSECT, ARRAY_UNION,
 * ARRAY_CONCAT, ARRAY_JOIN, ARRAY_LENGTH, ARRAY_MAX, ARRAY_MIN, ARRAY_REMOVE, ARRAY_SORT, SLICE,
 * GENERATE_SERIES. Element equality is Java's equals (NULL equals NULL); set operations keep
 * first-seen order.
 */
import { comparatorFor } from '../types/compare.js';
import { ExpressionEvalError } from '../types/eval-error.js';
import { valueToJavaString } from '../types/java-text.js';
import { array, BIGINT, BOOLEAN, INTEGER, STRING, type SqlType } from '../types/sql-type.js';
import { scalar } from './function.js';
import { distinct, generic, isArray, nullableEq, unifyArrays, type ArrayType } from './generic.js';

const isNull = (v: unknown): boolean => v === null || v === undefined;

export const ARRAY_CONTAINS = generic({
  name: 'ARRAY_CONTAINS',
  description: 'TRUE if the array contains the value (NULL finds a NULL element); FALSE for a NULL array.',
  signatures: ['ARRAY_CONTAINS(ARRAY<T>, T) → BOOLEAN'],
  acceptsNulls: true,
  resolve: ([a, v, ...rest]) => {
    if (rest.length > 0 || !isArray(a ?? null) || v === undefined) return undefined;
    const arr = a as ArrayType;
    const el = unifyArrays([arr, v === null ? null : array(v)])?.element;
    if (!el) return undefined;
    const eq = nullableEq(el);
    const t = array(el);
    return { params: [t, el], returnType: BOOLEAN, impl: ([xs, x]) => !isNull(xs) && (xs as unknown[]).some((e) => eq(e, x)) };
  },
});

/** A function of one array: params [ARRAY<T>]. */
function oneArray(name: string, description: string, signature: string, build: (t: ArrayType) => { returnType: SqlType; impl: (xs: unknown[]) => unknown } | undefined) {
  return generic({
    name,
    description,
    signatures: [signature],
    resolve: (args) => {
      if (args.length !== 1 || !isArray(args[0]!)) return undefined;
      const t = args[0] as ArrayType;
      const b = build(t);
      return b && { params: [t], returnType: b.returnType, impl: ([xs]) => b.impl(xs as unknown[]) };
    },
  });
}

/** A function of two arrays of one element type, NULL if either is NULL. */
function twoArrays(name: string, description: string, op: (a: unknown[], b: unknown[], eq: (x: unknown, y: unknown) => boolean) => unknown[]) {
  return generic({
    name,
    description,
    signatures: [`${name}(ARRAY<T>, ARRAY<T>) → ARRAY<T>`],
    resolve: (args) => {
      if (args.length !== 2) return undefined;
      const t = unifyArrays(args);
      if (!t) return undefined;
      const eq = nullableEq(t.element);
      return { params: [t, t], returnType: t, impl: ([a, b]) => op(a as unknown[], b as unknown[], eq) };
    },
  });
}

export const ARRAY_DISTINCT = oneArray('ARRAY_DISTINCT', 'The distinct elements, in first-seen order.', 'ARRAY_DISTINCT(ARRAY<T>) → ARRAY<T>', (t) => {
  const eq = nullableEq(t.element);
  return { returnType: t, impl: (xs) => distinct(xs, eq) };
});

export const ARRAY_EXCEPT = twoArrays('ARRAY_EXCEPT', 'The distinct elements of the first array that are not in the second.', (a, b, eq) =>
  distinct(a, eq).filter((x) => !b.some((y) => eq(x, y))),
);
export const ARRAY_INTERSECT = twoArrays('ARRAY_INTERSECT', 'The distinct elements that are in both arrays.', (a, b, eq) =>
  distinct(a, eq).filter((x) => b.some((y) => eq(x, y))),
);
export const ARRAY_UNION = twoArrays('ARRAY_UNION', 'The distinct elements of both arrays.', (a, b, eq) => distinct([...a, ...b], eq));

export const ARRAY_CONCAT = generic({
  name: 'ARRAY_CONCAT',
  description: 'The elements of both arrays, in order; a NULL array counts as empty unless both are NULL.',
  signatures: ['ARRAY_CONCAT(ARRAY<T>, ARRAY<T>) → ARRAY<T>'],
  acceptsNulls: true,
  resolve: (args) => {
    const t = args.length === 2 ? unifyArrays(args) : undefined;
    return t && { params: [t, t], returnType: t, impl: ([a, b]) => (isNull(a) && isNull(b) ? null : [...((a as unknown[]) ?? []), ...((b as unknown[]) ?? [])]) };
  },
});

const JOINABLE = new Set<SqlType['kind']>(['BOOLEAN', 'INTEGER', 'BIGINT', 'DOUBLE', 'DECIMAL', 'STRING']);

function joinArray(t: ArrayType, xs: unknown[], delimiter: unknown): string {
  if (!JOINABLE.has(t.element.kind)) throw new ExpressionEvalError(`error: hit element of type ${t.element.kind} which is currently not supported`);
  return xs.map((x) => (isNull(x) ? 'null' : valueToJavaString(x, t.element))).join(isNull(delimiter) ? '' : (delimiter as string));
}

export const ARRAY_JOIN = generic({
  name: 'ARRAY_JOIN',
  description: "Joins the elements of an array of primitives as text with a delimiter (default ','); NULL elements print as 'null'.",
  signatures: ['ARRAY_JOIN(ARRAY<T>) → STRING', 'ARRAY_JOIN(ARRAY<T>, STRING) → STRING'],
  acceptsNulls: true,
  resolve: (args) => {
    if (args.length < 1 || args.length > 2 || !isArray(args[0]!) || (args.length === 2 && args[1] !== null && args[1]!.kind !== 'STRING')) return undefined;
    const t = args[0] as ArrayType;
    return {
      params: args.length === 1 ? [t] : [t, STRING],
      returnType: STRING,
      impl: ([xs, d]) => (isNull(xs) ? null : joinArray(t, xs as unknown[], args.length === 1 ? ',' : d)),
    };
  },
});

export const ARRAY_LENGTH = oneArray('ARRAY_LENGTH', 'The number of elements.', 'ARRAY_LENGTH(ARRAY<T>) → INTEGER', () => ({ returnType: INTEGER, impl: (xs) => xs.length }));

const extremum = (name: string, sign: 1 | -1) =>
  oneArray(name, `The ${sign > 0 ? 'largest' : 'smallest'} non-NULL element; NULL if there is none.`, `${name}(ARRAY<T>) → T`, (t) => {
    const cmp = comparatorFor(t.element);
    if (!cmp) return undefined;
    return {
      returnType: t.element,
      impl: (xs) => {
        let best: unknown = null;
        for (const x of xs) if (!isNull(x) && (best === null || sign * cmp(x, best) > 0)) best = x;
        return best;
      },
    };
  });

export const ARRAY_MAX = extremum('ARRAY_MAX', 1);
export const ARRAY_MIN = extremum('ARRAY_MIN', -1);

export const ARRAY_REMOVE = generic({
  name: 'ARRAY_REMOVE',
  description: 'The array without every element equal to the value (NULL removes NULLs).',
  signatures: ['ARRAY_REMOVE(ARRAY<T>, T) → ARRAY<T>'],
  acceptsNulls: true,
  resolve: (args) => {
    if (args.length !== 2 || !isArray(args[0]!)) return undefined;
    const t = unifyArrays([args[0]!, args[1] === null ? null : array(args[1]!)]);
    if (!t) return undefined;
    const eq = nullableEq(t.element);
    return { params: [t, t.element], returnType: t, impl: ([xs, v]) => (isNull(xs) ? null : (xs as unknown[]).filter((x) => !eq(x, v))) };
  },
});

const ASC = ['ASC', 'ASCENDING'];
const DESC = ['DESC', 'DESCENDING'];

export const ARRAY_SORT = generic({
  name: 'ARRAY_SORT',
  description: "Sorts an array ascending, or 'DESC'; NULLs last either way; NULL for an unknown direction.",
  signatures: ['ARRAY_SORT(ARRAY<T>) → ARRAY<T>', 'ARRAY_SORT(ARRAY<T>, STRING) → ARRAY<T>'],
  resolve: (args) => {
    if (args.length < 1 || args.length > 2 || !isArray(args[0]!)) return undefined;
    const t = args[0] as ArrayType;
    const cmp = comparatorFor(t.element);
    if (!cmp) return undefined;
    const sort = (xs: unknown[], dir: string): unknown[] | null => {
      const sign = ASC.includes(dir.toUpperCase()) ? 1 : DESC.includes(dir.toUpperCase()) ? -1 : 0;
      if (sign === 0) return null;
      return [...xs].sort((a, b) => (isNull(a) ? (isNull(b) ? 0 : 1) : isNull(b) ? -1 : sign * cmp(a, b)));
    };
    return { params: args.length === 1 ? [t] : [t, STRING], returnType: t, impl: ([xs, d]) => sort(xs as unknown[], args.length === 1 ? 'ASC' : (d as string)) };
  },
});

export const SLICE = generic({
  name: 'SLICE',
  description: 'The elements from a 1-based start to an end position, both inclusive (NULL: the array bound); NULL if out of range.',
  signatures: ['SLICE(ARRAY<T>, INTEGER from, INTEGER to) → ARRAY<T>'],
  acceptsNulls: true,
  resolve: (args) => {
    if (args.length !== 3 || !isArray(args[0]!) || !args.slice(1).every((a) => a === null || a.kind === 'INTEGER')) return undefined;
    const t = args[0] as ArrayType;
    return {
      params: [t, INTEGER, INTEGER],
      returnType: t,
      impl: ([xs, from, to]) => {
        if (isNull(xs)) return null;
        const arr = xs as unknown[];
        const start = isNull(from) ? 0 : (from as number) - 1;
        const end = isNull(to) ? arr.length : (to as number);
        return start < 0 || end > arr.length || start > end ? null : arr.slice(start, end);
      },
    };
  },
});

const MAX_SERIES_LENGTH = 10_000_000;

function series(start: bigint, end: bigint, step: bigint, asNumber: boolean): unknown[] {
  if (step === 0n) throw new ExpressionEvalError('GENERATE_SERIES step cannot be zero');
  const diff = end - start;
  if ((diff > 0n && step < 0n) || (diff < 0n && step > 0n)) throw new ExpressionEvalError('GENERATE_SERIES step has wrong sign');
  const size = 1n + diff / step;
  if (size > BigInt(MAX_SERIES_LENGTH)) throw new ExpressionEvalError(`GENERATE_SERIES would return more than ${MAX_SERIES_LENGTH} elements`);
  const out: unknown[] = [];
  for (let i = 0n, v = start; i < size; i++, v += step) out.push(asNumber ? Number(v) : v);
  return out;
}

const defaultStep = (start: bigint, end: bigint): bigint => (end - start > 0n ? 1n : -1n);

export const GENERATE_SERIES = scalar(
  'GENERATE_SERIES',
  'The numbers from start to end, both inclusive, by a step (default 1 or -1).',
  [
    'GENERATE_SERIES(INTEGER, INTEGER) → ARRAY<INTEGER>',
    'GENERATE_SERIES(INTEGER, INTEGER, INTEGER) → ARRAY<INTEGER>',
    'GENERATE_SERIES(BIGINT, BIGINT) → ARRAY<BIGINT>',
    'GENERATE_SERIES(BIGINT, BIGINT, INTEGER) → ARRAY<BIGINT>',
  ],
  [
    { params: ['INTEGER', 'INTEGER'], returns: array(INTEGER), impl: ([a, b]) => series(BigInt(a as number), BigInt(b as number), defaultStep(BigInt(a as number), BigInt(b as number)), true) },
    { params: ['INTEGER', 'INTEGER', 'INTEGER'], returns: array(INTEGER), impl: ([a, b, s]) => series(BigInt(a as number), BigInt(b as number), BigInt(s as number), true) },
    { params: ['BIGINT', 'BIGINT'], returns: array(BIGINT), impl: ([a, b]) => series(a as bigint, b as bigint, defaultStep(a as bigint, b as bigint), false) },
    { params: ['BIGINT', 'BIGINT', 'INTEGER'], returns: array(BIGINT), impl: ([a, b, s]) => series(a as bigint, b as bigint, BigInt(s as number), false) },
  ],
);

export const ARRAY_FUNCTIONS = [
  ARRAY_CONTAINS,
  ARRAY_DISTINCT,
  ARRAY_EXCEPT,
  ARRAY_INTERSECT,
  ARRAY_UNION,
  ARRAY_CONCAT,
  ARRAY_JOIN,
  ARRAY_LENGTH,
  ARRAY_MAX,
  ARRAY_MIN,
  ARRAY_REMOVE,
  ARRAY_SORT,
  SLICE,
  GENERATE_SERIES,
];
