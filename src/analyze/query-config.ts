/**
 * Session properties that change how a query is analyzed. A persistent query records the ones in
 * force when it was created (PersistentQueryDef.config), so a restart analyzes it the same way.
 */
export const COLLECT_LIST_LIMIT_PROPERTY = 'ksql.functions.collect_list.limit';
export const COLLECT_SET_LIMIT_PROPERTY = 'ksql.functions.collect_set.limit';
export const NEW_QUERY_PLANNER_PROPERTY = 'ksql.new.query.planner.enabled';
/**
 * Kafka Streams' record cache size (ksqlDB passes `ksql.streams.*` through). Above 0, a table
 * query writes only the last change of each key per processing step (decision 0063).
 */
/** A record whose event time cannot be read stops the query instead of being skipped. */
export const TIMESTAMP_THROW_ON_INVALID_PROPERTY = 'ksql.timestamp.throw.on.invalid';
export const CACHE_MAX_BYTES_PROPERTY = 'cache.max.bytes.buffering';

export interface QueryConfig {
  /** Most elements COLLECT_LIST / COLLECT_SET keep (later values are ignored). */
  readonly collectListLimit?: number;
  readonly collectSetLimit?: number;
  /**
   * ksqlDB's new planner: a projection of a stream keeps the key columns it selects, in its own
   * order, instead of requiring every key column in the source's order.
   */
  readonly newQueryPlanner?: boolean;
  /** A table query writes the last change of each key per processing step, not every change. */
  readonly coalesceTableChanges?: boolean;
  readonly failOnInvalidTimestamp?: boolean;
}

/** The properties QueryConfig reads, with the check of their values (undefined: valid). */
export const QUERY_CONFIG_VALIDATORS: Readonly<Record<string, (v: string) => string | undefined>> = {
  [COLLECT_LIST_LIMIT_PROPERTY]: (v) => intCheck(COLLECT_LIST_LIMIT_PROPERTY, v),
  [COLLECT_SET_LIMIT_PROPERTY]: (v) => intCheck(COLLECT_SET_LIMIT_PROPERTY, v),
  [CACHE_MAX_BYTES_PROPERTY]: (v) =>
    /^\s*\d+\s*$/.test(v) ? undefined : `Invalid value ${v} for configuration ${CACHE_MAX_BYTES_PROPERTY}: Not a number of type LONG`,
  [NEW_QUERY_PLANNER_PROPERTY]: (v) => booleanCheck(NEW_QUERY_PLANNER_PROPERTY, v),
  [TIMESTAMP_THROW_ON_INVALID_PROPERTY]: (v) => booleanCheck(TIMESTAMP_THROW_ON_INVALID_PROPERTY, v),
};

const MAX_INT = 2 ** 31 - 1;

function booleanCheck(name: string, v: string): string | undefined {
  return /^(true|false)$/i.test(v) ? undefined : `Invalid value ${v} for configuration ${name}: Expected value to be either true or false`;
}

function intCheck(name: string, v: string): string | undefined {
  const n = Number(v.trim());
  return /^\s*[-+]?\d+\s*$/.test(v) && Math.abs(n) <= MAX_INT ? undefined : `Invalid value ${v} for configuration ${name}: Not a number of type INT`;
}

/** The query config of the properties in force (`get` returns a property's value, if set). */
export function queryConfigOf(get: (name: string) => string | undefined): QueryConfig {
  const int = (name: string): number | undefined => {
    const v = get(name);
    return v === undefined || intCheck(name, v) !== undefined ? undefined : Number(v.trim());
  };
  const listLimit = int(COLLECT_LIST_LIMIT_PROPERTY);
  const setLimit = int(COLLECT_SET_LIMIT_PROPERTY);
  const planner = get(NEW_QUERY_PLANNER_PROPERTY);
  const cache = get(CACHE_MAX_BYTES_PROPERTY);
  const throwOnInvalid = get(TIMESTAMP_THROW_ON_INVALID_PROPERTY);
  return {
    ...(listLimit === undefined ? {} : { collectListLimit: listLimit }),
    ...(setLimit === undefined ? {} : { collectSetLimit: setLimit }),
    ...(planner !== undefined && planner.toLowerCase() === 'true' ? { newQueryPlanner: true } : {}),
    ...(throwOnInvalid !== undefined && throwOnInvalid.toLowerCase() === 'true' ? { failOnInvalidTimestamp: true } : {}),
    ...(cache !== undefined && /^\s*\d+\s*$/.test(cache) && Number(cache) > 0 ? { coalesceTableChanges: true } : {}),
  };
}
