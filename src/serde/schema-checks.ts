/** Checks of a serde's columns shared by the formats, worded as ksqlDB words them. */
import { typeToString, type SqlType } from '../types/sql-type.js';
import type { SerdeColumn } from './format.js';

/** `[`K` STRING KEY, `V` INTEGER]`, as ksqlDB lists columns in its errors. */
export function columnList(columns: readonly SerdeColumn[], isKey: boolean): string {
  return `[${columns.map((c) => `\`${c.name}\` ${typeToString(c.type)}${isKey ? ' KEY' : ''}`).join(', ')}]`;
}

/** A format that cannot hold a schema, worded as ksqlDB's "Key format does not support schema." */
export function formatSchemaError(side: 'Key' | 'Value', format: string, columns: readonly SerdeColumn[], isKey: boolean, features: readonly string[], reason: string): string {
  return `${side} format does not support schema.\nformat: ${format}\nschema: Persistence{columns=${columnList(columns, isKey)}, features=[${features.join(', ')}]}\nreason: ${reason}`;
}

/** Whether `type` or any type nested in it satisfies `test`. */
export function anyNestedType(type: SqlType, test: (t: SqlType) => boolean): boolean {
  if (test(type)) return true;
  switch (type.kind) {
    case 'ARRAY':
      return anyNestedType(type.element, test);
    case 'MAP':
      return anyNestedType(type.key, test) || anyNestedType(type.value, test);
    case 'STRUCT':
      return type.fields.some((f) => anyNestedType(f.type, test));
    case 'BOOLEAN':
    case 'INTEGER':
    case 'BIGINT':
    case 'DOUBLE':
    case 'DECIMAL':
    case 'STRING':
    case 'BYTES':
    case 'TIMESTAMP':
    case 'DATE':
    case 'TIME':
      return false;
  }
}

/** Key columns may not hold maps in any format: their serialized order is not stable. */
export function mapInKeyError(columns: readonly SerdeColumn[]): string | undefined {
  const bad = columns.find((c) => anyNestedType(c.type, (t) => t.kind === 'MAP'));
  if (bad === undefined) return undefined;
  return (
    'Map keys, including types that contain maps, are not supported as they may lead to unexpected behavior due to ' +
    `inconsistent serialization. Key column name: \`${bad.name}\`. Column type: ${typeToString(bad.type)}. ` +
    'See https://github.com/confluentinc/ksql/issues/6621 for more.'
  );
}

/** A fresh row of nulls (callers own and may fill the rows we return). */
export function nullRow(length: number): unknown[] {
  return new Array<unknown>(length).fill(null);
}
