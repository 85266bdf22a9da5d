/**
 * The scalar-function contract. A function resolves an overload from its argument types (null
 * stands for an untyped NULL literal) to: the types it wants its arguments in (the analyzer inserts
 * implicit casts), its return type, and an implementation over evaluated argument values.
 */
import { commonType } from '../types/coercion.js';
import { asDecimalType } from '../types/decimal-math.js';
import type { SqlType, SqlTypeKind } from '../types/sql-type.js';

export type ArgType = SqlType | null;

/**
 * What a non-deterministic function reads: the clock (UNIX_TIMESTAMP(), UNIX_DATE()) and a
 * random source (RANDOM(), UUID()). The engine passes its injected ones; tests pass fixed ones.
 */
export interface FunctionContext {
  /** Epoch milliseconds. */
  readonly now: () => number;
  /** Uniform in [0, 1), like Math.random. */
  readonly random: () => number;
}

/** Used when a caller passes no context (the compiler does not pass one yet). */
export const SYSTEM_CONTEXT: FunctionContext = Object.freeze({ now: Date.now, random: Math.random });

export type FunctionImpl = (args: readonly unknown[], ctx?: FunctionContext) => unknown;

export interface Overload {
  readonly params: readonly SqlType[];
  readonly returnType: SqlType;
  readonly impl: FunctionImpl;
  /** If false (the default), any null argument makes the result null without calling impl. */
  readonly acceptsNulls?: boolean;
}

/** What resolve returns when more than one overload fits equally well (ksqlDB then asks for a CAST). */
export const AMBIGUOUS = 'AMBIGUOUS';

export interface ScalarFunction {
  /** Upper-case name, as the AST carries it. */
  readonly name: string;
  /** The name as ksqlDB declares it, which its error messages show (`greatest`); default: name. */
  readonly declaredName?: string;
  readonly description: string;
  /** Signatures for DESCRIBE FUNCTION / error hints, e.g. `ROUND(DOUBLE, INTEGER) → DOUBLE`. */
  readonly signatures: readonly string[];
  resolve(args: readonly ArgType[]): Overload | typeof AMBIGUOUS | undefined;
}

/** `fn` as ksqlDB spells its name in messages. */
export function declaredAs<F extends ScalarFunction>(fn: F, declaredName: string): F {
  return { ...fn, declaredName };
}

/** A parameter: a kind (any DECIMAL for 'DECIMAL') or a predicate. */
export type ParamSpec = SqlTypeKind | ((t: SqlType) => boolean);

export interface SignatureSpec {
  readonly params: readonly ParamSpec[];
  /** Repeats the last param any number of times (zero or more). */
  readonly variadic?: boolean;
  readonly returns: SqlType | ((params: readonly SqlType[]) => SqlType);
  readonly impl: FunctionImpl;
  readonly acceptsNulls?: boolean;
}

const WIDENS_TO: Partial<Record<SqlTypeKind, readonly SqlTypeKind[]>> = {
  INTEGER: ['BIGINT', 'DECIMAL', 'DOUBLE'],
  BIGINT: ['DECIMAL', 'DOUBLE'],
  DECIMAL: ['DOUBLE'],
};

/** The type an argument takes to match a param, or undefined if it cannot. */
function matchParam(spec: ParamSpec, arg: ArgType, exact: boolean): SqlType | undefined | 'null' {
  if (arg === null) return 'null';
  if (typeof spec === 'function') return spec(arg) ? arg : undefined;
  if (arg.kind === spec) return arg;
  if (exact || !(WIDENS_TO[arg.kind] ?? []).includes(spec)) return undefined;
  if (spec === 'DECIMAL') return asDecimalType(arg);
  return { kind: spec } as SqlType;
}

const RANK: Partial<Record<SqlTypeKind, number>> = { INTEGER: 0, BIGINT: 1, DECIMAL: 2, DOUBLE: 3 };

/**
 * Resolves from a list of signatures: the first whose params match exactly by kind, else the one
 * needing the least numeric widening (INTEGER → BIGINT → DECIMAL → DOUBLE; ties: listed first).
 * An untyped NULL matches any param whose kind alone determines its type.
 */
export function fromSignatures(specs: readonly SignatureSpec[]): (args: readonly ArgType[]) => Overload | undefined {
  return (args) => {
    for (const exact of [true, false]) {
      let best: { spec: SignatureSpec; params: SqlType[]; cost: number } | undefined;
      for (const s of specs) {
        const n = s.params.length;
        if (s.variadic ? args.length < n - 1 : args.length !== n) continue;
        const params: SqlType[] = [];
        let cost = 0;
        let ok = true;
        for (let i = 0; i < args.length && ok; i++) {
          const spec = s.params[Math.min(i, n - 1)]!;
          const arg = args[i]!;
          const m = matchParam(spec, arg, exact);
          if (m === undefined) ok = false;
          else if (m === 'null') {
            // An untyped NULL only takes a param whose type the kind alone determines.
            if (typeof spec === 'function' || spec === 'ARRAY' || spec === 'MAP' || spec === 'STRUCT') ok = false;
            else params.push(spec === 'DECIMAL' ? { kind: 'DECIMAL', precision: 10, scale: 0 } : ({ kind: spec } as SqlType));
          } else {
            params.push(m);
            if (arg !== null && m.kind !== arg.kind) cost += (RANK[m.kind] ?? 0) - (RANK[arg.kind] ?? 0);
          }
        }
        if (ok && (best === undefined || cost < best.cost)) best = { spec: s, params, cost };
        if (ok && exact) break;
      }
      if (best) {
        const { spec, params } = best;
        const returnType = typeof spec.returns === 'function' ? spec.returns(params) : spec.returns;
        return { params, returnType, impl: spec.impl, ...(spec.acceptsNulls ? { acceptsNulls: true } : {}) };
      }
    }
    return undefined;
  };
}

/**
 * The one type all typed arguments widen to (untyped NULLs take it too); undefined if there is
 * none, or if every argument is an untyped NULL.
 */
export function unifyTypes(args: readonly ArgType[]): SqlType | undefined {
  let t: SqlType | undefined;
  for (const a of args) {
    if (a === null) continue;
    if (t === undefined) t = a;
    else {
      t = commonType(t, a);
      if (t === undefined) return undefined;
    }
  }
  return t;
}

/** A function of one fixed overload list: name, description and signature text in one place. */
export function scalar(name: string, description: string, signatures: readonly string[], specs: readonly SignatureSpec[]): ScalarFunction {
  return { name, description, signatures, resolve: fromSignatures(specs) };
}
