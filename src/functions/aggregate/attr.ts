/**
 * ATTR(x): the value when every row of the group has the same one, else NULL (a NULL among the
 * rows counts as a value of its own). It keeps a count per distinct value, so removing rows
 * (aggregation over a table) can make the group single-valued again.
 */
import { isNull, type AggregateFunction } from './aggregate-function.js';
import { valueKey } from './value-key.js';

type Counts = Record<string, { v: unknown; n: number }>;

export const ATTR: AggregateFunction = {
  name: 'ATTR',
  structuredState: true,
  description: 'The value shared by every row of the group, or NULL if the rows differ.',
  signatures: ['ATTR(T) → T'],
  resolve(argTypes) {
    const t = argTypes[0];
    if (argTypes.length !== 1 || !t) return "Function 'ATTR' accepts one typed argument.";
    return {
      params: [t],
      returnType: t,
      init: () => ({}),
      add(acc, [v]) {
        const counts = acc as Counts;
        const key = valueKey(isNull(v) ? null : v);
        const entry = counts[key];
        if (entry) entry.n += 1;
        else counts[key] = { v: isNull(v) ? null : v, n: 1 };
        return counts;
      },
      undo(acc, [v]) {
        const counts = acc as Counts;
        const key = valueKey(isNull(v) ? null : v);
        const entry = counts[key];
        if (entry && --entry.n <= 0) delete counts[key];
        return counts;
      },
      result(acc) {
        const entries = Object.values(acc as Counts);
        return entries.length === 1 ? entries[0]!.v : null;
      },
    };
  },
};
