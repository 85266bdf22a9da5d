/**
 * Session properties (SET / UNSET). auto.offset.reset defaults to 'latest' as in ksqlDB.
 * Unknown property names are accepted and listed (ksqlDB passes them to Kafka Streams), but the
 * values of the properties we interpret are validated.
 */
import { QUERY_CONFIG_VALIDATORS, queryConfigOf, type QueryConfig } from '../analyze/query-config.js';

export const AUTO_OFFSET_RESET = 'auto.offset.reset';
/** Formats for statements that leave KEY_FORMAT / VALUE_FORMAT out. */
export const DEFAULT_KEY_FORMAT_PROPERTY = 'ksql.persistence.default.format.key';
export const DEFAULT_VALUE_FORMAT_PROPERTY = 'ksql.persistence.default.format.value';

/** Aliases that name the same setting. */
const ALIASES: Record<string, string> = {
  'ksql.streams.auto.offset.reset': AUTO_OFFSET_RESET,
};

export const PROPERTY_DEFAULTS: ReadonlyMap<string, string> = new Map([
  [AUTO_OFFSET_RESET, 'latest'],
  ['ksql.service.id', 'default_'],
  ['ksql.persistence.wrap.single.values', 'true'],
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
  /** The session's default formats (ksql.persistence.default.format.key / .value), if set. */
  formatDefaults(): { keyFormat?: string; valueFormat?: string } {
    const keyFormat = this.get(DEFAULT_KEY_FORMAT_PROPERTY);
    const valueFormat = this.get(DEFAULT_VALUE_FORMAT_PROPERTY);
    return { ...(keyFormat ? { keyFormat } : {}), ...(valueFormat ? { valueFormat } : {}) };
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
