/**
 * GREATEST and LEAST over one comparable type; NULL arguments are skipped, and the result is NULL
 * only if every argument is NULL.
 */
import { comparatorFor } from '../types/compare.js';
import { asDecimalType } from '../types/decimal-math.js';
import type { SqlType, SqlTypeKind } from '../types/sql-type.js';
import { AMBIGUOUS, unifyTypes, type ArgType, type ScalarFunction } from './function.js';

/**
 * ksqlDB declares one variadic overload per type: (T, T...) for each of these. Like its UdfIndex,
 * we first look for overloads every argument matches exactly (NULL matches any), then for those
 * reached by implicit widening (INTEGER → BIGINT → DECIMAL → DOUBLE; text → DATE, TIME,
 * TIMESTAMP); one overload wins, several are ambiguous. So GREATEST(INTEGER, BIGINT) is
 * ambiguous (BIGINT, DECIMAL and DOUBLE all fit) while adding a DOUBLE argument settles it.
 */
const OVERLOADS: readonly SqlTypeKind[] = ['INTEGER', 'BIGINT', 'DOUBLE', 'DECIMAL', 'STRING', 'BYTES', 'DATE', 'TIME', 'TIMESTAMP'];

const WIDENS_TO: Partial<Record<SqlTypeKind, readonly SqlTypeKind[]>> = {
  INTEGER: ['BIGINT', 'DECIMAL', 'DOUBLE'],
  BIGINT: ['DECIMAL', 'DOUBLE'],
  DECIMAL: ['DOUBLE'],
  STRING: ['DATE', 'TIME', 'TIMESTAMP'],
};

function fits(kind: SqlTypeKind, arg: ArgType, exact: boolean): boolean {
  if (arg === null || arg.kind === kind) return true;
  return !exact && (WIDENS_TO[arg.kind] ?? []).includes(kind);
}

/** The one overload kind the arguments select, AMBIGUOUS, or undefined if none fits. */
function overloadKind(args: readonly ArgType[]): SqlTypeKind | typeof AMBIGUOUS | undefined {
  for (const exact of [true, false]) {
    const fitting = OVERLOADS.filter((k) => args.every((a) => fits(k, a, exact)));
    if (fitting.length === 1) return fitting[0];
    if (fitting.length > 1) return AMBIGUOUS;
  }
  return undefined;
}

/** The overload's type: DECIMAL is wide enough for every decimal (or widened integer) argument. */
function overloadType(kind: SqlTypeKind, args: readonly ArgType[]): SqlType {
  if (kind !== 'DECIMAL') return { kind } as SqlType;
  return unifyTypes(args.map((a) => (a === null ? null : asDecimalType(a)!)))!;
}

function extremum(name: string, description: string, sign: 1 | -1): ScalarFunction {
  return {
    name,
    declaredName: name.toLowerCase(),
    description,
    signatures: [`${name}(T, T...) → T, for T a number, STRING, BYTES, DATE, TIME or TIMESTAMP`],
    resolve(args) {
      if (args.length === 0) return undefined;
      const kind = overloadKind(args);
      if (kind === undefined || kind === AMBIGUOUS) return kind;
      const t = overloadType(kind, args);
      const cmp = comparatorFor(t)!;
      return {
        params: args.map(() => t),
        returnType: t,
        acceptsNulls: true,
        impl: (values) => {
          let best: unknown = null;
          for (const v of values) if (v !== null && v !== undefined && (best === null || sign * cmp(v, best) > 0)) best = v;
          return best;
        },
      };
    },
  };
}

export const GREATEST = extremum('GREATEST', 'The largest of its arguments, ignoring NULLs.', 1);
export const LEAST = extremum('LEAST', 'The smallest of its arguments, ignoring NULLs.', -1);

export const GREATEST_LEAST_FUNCTIONS = [GREATEST, LEAST];
