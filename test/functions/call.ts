/** Resolves and calls a scalar function the way compiled code does (null args → null unless accepted). */
import type { FunctionContext } from '../../src/functions/function.js';
import { resolveFunction } from '../../src/functions/registry.js';
import type { SqlType } from '../../src/types/sql-type.js';

export function callFn(name: string, args: readonly [SqlType | null, unknown][], ctx?: FunctionContext): { value: unknown; type: SqlType } {
  const r = resolveFunction(name, args.map(([t]) => t));
  if (!r.ok) throw new Error(r.message);
  const values = args.map(([, v]) => v);
  const value = !r.overload.acceptsNulls && values.some((v) => v === null) ? null : r.overload.impl(values, ctx);
  return { value, type: r.overload.returnType };
}
