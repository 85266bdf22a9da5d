/**
 * Resolution helpers for generic functions (ARRAY<T>, MAP<K, V> arguments), where a signature is
 * a relation between argument types rather than a list of kinds.
 */
import { equalityFor, type Equality } from '../types/compare.js';
import type { SqlType } from '../types/sql-type.js';
import { unifyTypes, type ArgType, type FunctionImpl, type Overload, type ScalarFunction } from './function.js';

export type ArrayType = Extract<SqlType, { kind: 'ARRAY' }>;
export type MapType = Extract<SqlType, { kind: 'MAP' }>;

export const isArray = (t: ArgType): t is ArrayType => t !== null && t.kind === 'ARRAY';
export const isMap = (t: ArgType): t is MapType => t !== null && t.kind === 'MAP';

/** Equality of nullable values (NULL equals NULL, as Java's Objects.equals). */
export function nullableEq(t: SqlType): Equality {
  const eq = equalityFor(t);
  return (a, b) => (a === null || a === undefined ? b === null || b === undefined : b !== null && b !== undefined && eq(a, b));
}

/** Distinct values in first-seen order. */
export function distinct(values: readonly unknown[], eq: Equality): unknown[] {
  const out: unknown[] = [];
  for (const v of values) if (!out.some((o) => eq(o, v))) out.push(v);
  return out;
}

/** All array arguments unified to one ARRAY type (untyped NULLs take it); undefined if they do not unify. */
export function unifyArrays(args: readonly ArgType[]): ArrayType | undefined {
  if (!args.every((a) => a === null || a.kind === 'ARRAY')) return undefined;
  const t = unifyTypes(args);
  return t && isArray(t) ? t : undefined;
}

export interface GenericSpec {
  readonly name: string;
  readonly description: string;
  readonly signatures: readonly string[];
  /** Params and return type for these argument types, or undefined if they do not fit. */
  readonly resolve: (args: readonly ArgType[]) => { params: readonly SqlType[]; returnType: SqlType; impl: FunctionImpl } | undefined;
  readonly acceptsNulls?: boolean;
}

export function generic(spec: GenericSpec): ScalarFunction {
  return {
    name: spec.name,
    description: spec.description,
    signatures: spec.signatures,
    resolve(args): Overload | undefined {
      const r = spec.resolve(args);
      return r && { ...r, ...(spec.acceptsNulls ? { acceptsNulls: true } : {}) };
    },
  };
}
