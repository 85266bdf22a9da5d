/** A string that identifies a SQL value (for DISTINCT sets and HISTOGRAM buckets). */
import { Decimal } from '../../types/decimal.js';

export function valueKey(v: unknown): string {
  if (typeof v === 'string') return 's' + v;
  if (typeof v === 'bigint') return 'n' + v.toString();
  if (typeof v === 'number') return 'n' + String(v);
  if (v instanceof Decimal) return 'd' + v.toString();
  return 'j' + JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x instanceof Decimal ? x.toString() : x));
}
