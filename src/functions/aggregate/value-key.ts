/** A string that identifies a SQL value (for DISTINCT sets, HISTOGRAM buckets and state keys). */
import { Decimal } from '../../types/decimal.js';

export function valueKey(v: unknown): string {
  if (typeof v === 'string') return 's' + v;
  if (typeof v === 'bigint') return 'n' + v.toString();
  if (typeof v === 'number') return 'n' + String(v);
  if (v instanceof Decimal) return 'd' + v.toString();
  if (Array.isArray(v)) {
    // Multi-column keys are flat arrays of scalars: spell them as JSON.stringify with the
    // replacer below would (the key is persisted in state), without its per-element callback.
    const flat = flatArrayJson(v);
    if (flat !== undefined) return 'j' + flat;
  }
  return 'j' + JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x instanceof Decimal ? x.toString() : x));
}

/** JSON of an array of strings, finite numbers, bigints, booleans and nulls; undefined otherwise. */
function flatArrayJson(a: readonly unknown[]): string | undefined {
  let s = '[';
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (i > 0) s += ',';
    if (typeof x === 'string') s += JSON.stringify(x);
    else if (typeof x === 'number' && Number.isFinite(x) && !Object.is(x, -0)) s += String(x);
    else if (typeof x === 'bigint') s += '"' + x.toString() + '"';
    else if (x === null || x === undefined) s += 'null';
    else if (typeof x === 'boolean') s += x ? 'true' : 'false';
    else return undefined;
  }
  return s + ']';
}
