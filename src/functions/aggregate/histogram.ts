/** HISTOGRAM(s): a map from each distinct string value to how many times it occurred. */
import { BIGINT, map, STRING } from '../../types/sql-type.js';
import { isNull, type AggregateFunction } from './aggregate-function.js';

/** ksqlDB caps the number of distinct values a histogram tracks. */
export const MAX_HISTOGRAM_KEYS = 1000;

export const HISTOGRAM: AggregateFunction = {
  name: 'HISTOGRAM',
  structuredState: true,
  description: `Counts of each distinct STRING value (at most ${MAX_HISTOGRAM_KEYS} values).`,
  signatures: ['HISTOGRAM(STRING) → MAP<STRING, BIGINT>'],
  resolve(argTypes) {
    if (argTypes.length !== 1 || argTypes[0]?.kind !== 'STRING') return "Function 'HISTOGRAM' accepts one STRING argument.";
    return {
      params: [STRING],
      returnType: map(STRING, BIGINT),
      init: () => ({}),
      add(acc, [v]) {
        if (isNull(v)) return acc;
        const counts = acc as Record<string, number>;
        const key = v as string;
        if (Object.hasOwn(counts, key)) counts[key]! += 1;
        else if (Object.keys(counts).length < MAX_HISTOGRAM_KEYS) counts[key] = 1;
        return counts;
      },
      undo(acc, [v]) {
        if (isNull(v)) return acc;
        const counts = acc as Record<string, number>;
        const key = v as string;
        if (Object.hasOwn(counts, key) && --counts[key]! <= 0) delete counts[key];
        return counts;
      },
      result: (acc) => new Map(Object.entries(acc as Record<string, number>).map(([k, n]) => [k, BigInt(n)])),
    };
  },
};
