/**
 * SET / UNSET / DEFINE / UNDEFINE share one result shape. Properties get ksqlDB CLI's wording;
 * variables, as in ksqlDB's CLI, print nothing.
 */
import type { PropertyChangedResult } from '../../client/results.js';

export function renderPropertyChanged(r: PropertyChangedResult): string[] {
  if (/^\s*(UN)?DEFINE\b/i.test(r.statementText)) return [];
  if (r.value === null) {
    return [`Successfully unset local property '${r.name}'${r.previous !== null ? ` (value was '${r.previous}')` : ''}.`];
  }
  const from = r.previous !== null ? ` from '${r.previous}'` : '';
  return [`Successfully changed local property '${r.name}'${from} to '${r.value}'.`];
}
