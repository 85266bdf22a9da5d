/**
 * The aggregate-function contract (UDAFs). An overload keeps an accumulator per group: `init`
 * makes an empty one, `add` folds one input row's argument values in, `result` reads the current
 * value. `undo` (when present) removes a row again, which aggregations over tables need when a
 * row changes; `merge` combines two accumulators (session windows merging).
 * Accumulators must be serializable by src/exec/state/state-codec.ts: plain objects, arrays,
 * strings, numbers, booleans, null, bigint, Decimal, Uint8Array.
 */
import type { SqlType } from '../../types/sql-type.js';

export type ArgType = SqlType | null;

/** Settings of the functions that session properties change (ksql.functions.*). */
export interface AggregateConfig {
  /** Most elements COLLECT_LIST / COLLECT_SET keep; negative: no limit (as ksqlDB). */
  readonly collectListLimit?: number;
  readonly collectSetLimit?: number;
}

export interface AggregateOverload {
  /** Types the (column) arguments are coerced to. Constant parameters (TOPK's k) are not here. */
  readonly params: readonly SqlType[];
  readonly returnType: SqlType;
  init(): unknown;
  add(acc: unknown, args: readonly unknown[]): unknown;
  result(acc: unknown): unknown;
  undo?(acc: unknown, args: readonly unknown[]): unknown;
  merge?(a: unknown, b: unknown): unknown;
  /**
   * `merge` of the accumulators of two disjoint sets of rows, in either order, equals adding the
   * rows one by one in any order: hopping windows may then be aggregated by panes
   * (src/exec/operators/aggregate-panes.ts). Not so for sums of DOUBLE (rounding), MIN/MAX over
   * values that compare equal without being the same (-0.0, DECIMAL scales) or order-sensitive
   * functions (LATEST_BY_OFFSET, COLLECT_LIST).
   */
  readonly exactMerge?: true;
}

export interface AggregateFunction {
  readonly name: string;
  readonly description: string;
  readonly signatures: readonly string[];
  /**
   * `argTypes` of the column arguments (null: an untyped NULL); `constants` are the literal values
   * of trailing constant arguments (TOPK(x, 3): [3]), in order.
   */
  resolve(argTypes: readonly ArgType[], constants: readonly unknown[], config?: AggregateConfig): AggregateOverload | string;
  /** How many trailing arguments are constants (e.g. TOPK: 1), given the total argument count. */
  readonly constantArgs?: (argCount: number) => number;
  /**
   * ksqlDB keeps this function's intermediate value as a STRUCT, ARRAY or MAP, which a value
   * format without those types (DELIMITED) cannot hold: such aggregations are rejected there.
   */
  readonly structuredState?: true;
}

export const isNull = (v: unknown): boolean => v === null || v === undefined;
