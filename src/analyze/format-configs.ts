/**
 * WITH properties that become configs of the key or value format, as ksqlDB's
 * CreateSourceProperties builds them: a schema's full name, a delimiter, a schema id. A format
 * that does not support a config given for it fails the statement with ksqlDB's message,
 * e.g. "JSON does not support the following configs: [fullSchemaName]".
 */
import type { Property } from '../sql/ast.js';
import { UserError } from '../sql/diagnostic.js';

type Side = 'key' | 'value';

/** Property → the format config it sets, in the order ksqlDB adds the configs (it lists them so). */
const FORMAT_CONFIG_PROPERTIES: readonly { readonly property: string; readonly side: Side; readonly config: string }[] = [
  { property: 'KEY_SCHEMA_FULL_NAME', side: 'key', config: 'fullSchemaName' },
  { property: 'VALUE_AVRO_SCHEMA_FULL_NAME', side: 'value', config: 'fullSchemaName' },
  { property: 'VALUE_SCHEMA_FULL_NAME', side: 'value', config: 'fullSchemaName' },
  { property: 'KEY_DELIMITER', side: 'key', config: 'delimiter' },
  { property: 'VALUE_DELIMITER', side: 'value', config: 'delimiter' },
  { property: 'KEY_SCHEMA_ID', side: 'key', config: 'schemaId' },
  { property: 'VALUE_SCHEMA_ID', side: 'value', config: 'schemaId' },
];

/** WITH properties that set a format config (accepted by CREATE and CREATE ... AS SELECT). */
export const FORMAT_CONFIG_PROPERTY_NAMES: readonly string[] = FORMAT_CONFIG_PROPERTIES.map((p) => p.property);

/** The configs each of our formats supports: the schema-registry ones belong to formats we lack. */
const SUPPORTED_CONFIGS: Readonly<Record<string, readonly string[]>> = { DELIMITED: ['delimiter'] };

/** Throws ksqlDB's error when a format is given a config it does not support (key side first). */
export function checkFormatConfigs(props: ReadonlyMap<string, Property>, keyFormat: string, valueFormat: string): void {
  for (const [side, format] of [['key', keyFormat], ['value', valueFormat]] as const) {
    const given = FORMAT_CONFIG_PROPERTIES.filter((c) => c.side === side && props.has(c.property));
    const supported = SUPPORTED_CONFIGS[format] ?? [];
    const unsupported = [...new Set(given.map((c) => c.config).filter((c) => !supported.includes(c)))];
    if (unsupported.length === 0) continue;
    const first = given.find((c) => unsupported.includes(c.config))!;
    throw new UserError('INVALID_PROPERTY', `${format} does not support the following configs: [${unsupported.join(', ')}]`, props.get(first.property)!.span);
  }
}
