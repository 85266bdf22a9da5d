/**
 * Session properties (SET / UNSET). auto.offset.reset defaults to 'latest' as in ksqlDB.
 * Unknown property names are accepted and listed (ksqlDB passes them to Kafka Streams), but the
 * values of the properties we interpret are validated.
 */
import { CACHE_MAX_BYTES_PROPERTY, QUERY_CONFIG_VALIDATORS, queryConfigOf, type QueryConfig } from '../analyze/query-config.js';

export const AUTO_OFFSET_RESET = 'auto.offset.reset';
/** Formats for statements that leave KEY_FORMAT / VALUE_FORMAT out. */
export const DEFAULT_KEY_FORMAT_PROPERTY = 'ksql.persistence.default.format.key';
export const DEFAULT_VALUE_FORMAT_PROPERTY = 'ksql.persistence.default.format.value';
/** Put before the default topic name of a CREATE ... AS SELECT sink. */
export const OUTPUT_TOPIC_PREFIX_PROPERTY = 'ksql.output.topic.name.prefix';

/** ksqlDB's service id: part of the names of a persistent query's internal topics. */
export const SERVICE_ID = 'ksql.service.id';
/** Whether single value columns are wrapped in a record, for statements that leave WRAP_SINGLE_VALUE out. */
export const WRAP_SINGLE_VALUES_PROPERTY = 'ksql.persistence.wrap.single.values';

/** Aliases that name the same setting. */
const ALIASES: Record<string, string> = {
  'ksql.streams.auto.offset.reset': AUTO_OFFSET_RESET,
  'ksql.streams.cache.max.bytes.buffering': CACHE_MAX_BYTES_PROPERTY,
  'statestore.cache.max.bytes': CACHE_MAX_BYTES_PROPERTY,
  'ksql.streams.statestore.cache.max.bytes': CACHE_MAX_BYTES_PROPERTY,
};

export const PROPERTY_DEFAULTS: ReadonlyMap<string, string> = new Map([
  [AUTO_OFFSET_RESET, 'latest'],
  [SERVICE_ID, 'default_'],
  [WRAP_SINGLE_VALUES_PROPERTY, 'true'],
  [CACHE_MAX_BYTES_PROPERTY, '10485760'],
]);

const VALIDATORS: Record<string, (v: string) => string | undefined> = {
  [AUTO_OFFSET_RESET]: (v) =>
    v === 'earliest' || v === 'latest' ? undefined : `Invalid value ${v} for configuration auto.offset.reset: String must be one of: latest, earliest`,
  ...QUERY_CONFIG_VALIDATORS,
};

export function canonicalPropertyName(name: string): string {
  return ALIASES[name] ?? name;
}

/** Returns an error message, or undefined if the value is acceptable. */
export function validateProperty(name: string, value: string): string | undefined {
  const v = VALIDATORS[canonicalPropertyName(name)];
  return v ? v(value) : undefined;
}

export class SessionProperties {
  /**
   * The session's default formats (ksql.persistence.default.format.key / .value), if set, and
   * its single-value wrapping (only when SET: ksqlDB records no wrapping feature otherwise).
   */
  formatDefaults(): { keyFormat?: string; valueFormat?: string; wrapSingleValues?: boolean } {
    const keyFormat = this.get(DEFAULT_KEY_FORMAT_PROPERTY);
    const valueFormat = this.get(DEFAULT_VALUE_FORMAT_PROPERTY);
    const wrap = this.isOverridden(WRAP_SINGLE_VALUES_PROPERTY) ? this.get(WRAP_SINGLE_VALUES_PROPERTY)?.trim().toLowerCase() : undefined;
    return {
      ...(keyFormat ? { keyFormat } : {}),
      ...(valueFormat ? { valueFormat } : {}),
      ...(wrap === 'true' || wrap === 'false' ? { wrapSingleValues: wrap === 'true' } : {}),
    };
  }

  /** The settings that change how queries are analyzed (see query-config.ts). */
  queryConfig(): QueryConfig {
    return queryConfigOf((name) => this.get(name));
  }

  private readonly overrides = new Map<string, string>();

  get(name: string): string | undefined {
    const n = canonicalPropertyName(name);
    return this.overrides.get(n) ?? PROPERTY_DEFAULTS.get(n);
  }

  /** Sets an override; returns the previous override (not the default), as ksqlDB reports it. */
  set(name: string, value: string): string | undefined {
    const n = canonicalPropertyName(name);
    const previous = this.overrides.get(n);
    this.overrides.set(n, value);
    return previous;
  }

  unset(name: string): string | undefined {
    const n = canonicalPropertyName(name);
    const previous = this.overrides.get(n);
    this.overrides.delete(n);
    return previous;
  }

  isOverridden(name: string): boolean {
    return this.overrides.has(canonicalPropertyName(name));
  }

  all(): { name: string; value: string; overridden: boolean }[] {
    const names = new Set([...PROPERTY_DEFAULTS.keys(), ...this.overrides.keys()]);
    return [...names].sort().map((name) => ({ name, value: this.get(name)!, overridden: this.overrides.has(name) }));
  }
}
