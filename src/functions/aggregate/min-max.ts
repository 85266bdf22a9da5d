/** MIN and MAX of the non-NULL values of an ordered type (NULL when there are none). */
import { comparatorFor } from '../../types/compare.js';
import { typeToString, type SqlTypeKind } from '../../types/sql-type.js';
import { isNull, type AggregateFunction } from './aggregate-function.js';

/** The types ksqlDB's MIN, MAX and TOPKDISTINCT have an overload for (no BOOLEAN, no collections). */
export const ORDERED_AGGREGATE_KINDS: ReadonlySet<SqlTypeKind> = new Set<SqlTypeKind>(['INTEGER', 'BIGINT', 'DOUBLE', 'DECIMAL', 'STRING', 'BYTES', 'DATE', 'TIME', 'TIMESTAMP']);

function extreme(name: 'MIN' | 'MAX', sign: 1 | -1): AggregateFunction {
  return {
    name,
    description: `The ${name === 'MIN' ? 'smallest' : 'largest'} non-NULL value.`,
    signatures: [`${name}(INT | BIGINT | DOUBLE | DECIMAL | STRING | BYTES | TIMESTAMP | DATE | TIME) → same`],
    resolve(argTypes) {
      const t = argTypes[0];
      const cmp = t && argTypes.length === 1 && ORDERED_AGGREGATE_KINDS.has(t.kind) ? comparatorFor(t) : undefined;
      if (!t || !cmp) return `Function '${name}' does not accept parameters (${argTypes.map((a) => (a ? typeToString(a) : 'null')).join(', ')}).`;
      const better = (a: unknown, b: unknown): unknown => (isNull(a) ? b : isNull(b) ? a : sign * cmp(b, a) < 0 ? b : a);
      // Values that compare equal are the same value, except DOUBLE's -0.0/0.0 and DECIMAL scales.
      const exact = t.kind !== 'DOUBLE' && t.kind !== 'DECIMAL' ? { exactMerge: true as const } : {};
      return { params: [t], returnType: t, init: () => null, add: (acc, [v]) => better(acc, v), merge: better, ...exact, result: (acc) => acc ?? null };
    },
  };
}

export const MIN = extreme('MIN', 1);
export const MAX = extreme('MAX', -1);
