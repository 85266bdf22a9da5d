/**
 * SQL types, a closed union. Names follow ksqlDB's (INTEGER for INT, STRING for VARCHAR).
 * JS representation of values of each type (see values.ts):
 *   BOOLEAN boolean | INTEGER number (int32) | BIGINT bigint | DOUBLE number | DECIMAL Decimal
 *   STRING string | BYTES Uint8Array | TIMESTAMP number (epoch ms) | DATE number (days since epoch)
 *   TIME number (ms since midnight) | ARRAY unknown[] | MAP Map<unknown, unknown>
 *   STRUCT Record<string, unknown> keyed by field name | SQL NULL is `null` for every type.
 */
export type SqlType =
  | { readonly kind: 'BOOLEAN' }
  | { readonly kind: 'INTEGER' }
  | { readonly kind: 'BIGINT' }
  | { readonly kind: 'DOUBLE' }
  | { readonly kind: 'DECIMAL'; readonly precision: number; readonly scale: number }
  | { readonly kind: 'STRING' }
  | { readonly kind: 'BYTES' }
  | { readonly kind: 'TIMESTAMP' }
  | { readonly kind: 'DATE' }
  | { readonly kind: 'TIME' }
  | { readonly kind: 'ARRAY'; readonly element: SqlType }
  | { readonly kind: 'MAP'; readonly key: SqlType; readonly value: SqlType }
  | { readonly kind: 'STRUCT'; readonly fields: readonly StructField[] };

export type SqlTypeKind = SqlType['kind'];

export interface StructField {
  readonly name: string;
  readonly type: SqlType;
}

export const BOOLEAN: SqlType = Object.freeze({ kind: 'BOOLEAN' });
export const INTEGER: SqlType = Object.freeze({ kind: 'INTEGER' });
export const BIGINT: SqlType = Object.freeze({ kind: 'BIGINT' });
export const DOUBLE: SqlType = Object.freeze({ kind: 'DOUBLE' });
export const STRING: SqlType = Object.freeze({ kind: 'STRING' });
export const BYTES: SqlType = Object.freeze({ kind: 'BYTES' });
export const TIMESTAMP: SqlType = Object.freeze({ kind: 'TIMESTAMP' });
export const DATE: SqlType = Object.freeze({ kind: 'DATE' });
export const TIME: SqlType = Object.freeze({ kind: 'TIME' });

export const decimal = (precision: number, scale: number): SqlType => Object.freeze({ kind: 'DECIMAL', precision, scale });
export const array = (element: SqlType): SqlType => Object.freeze({ kind: 'ARRAY', element });
export const map = (key: SqlType, value: SqlType): SqlType => Object.freeze({ kind: 'MAP', key, value });
export const struct = (fields: readonly StructField[]): SqlType => Object.freeze({ kind: 'STRUCT', fields });

/** ksqlDB's spelling of a type, as shown by DESCRIBE: `DECIMAL(4, 2)`, `ARRAY<STRING>`, `STRUCT<A INTEGER>`. */
export function typeToString(t: SqlType): string {
  switch (t.kind) {
    case 'DECIMAL':
      return `DECIMAL(${t.precision}, ${t.scale})`;
    case 'ARRAY':
      return `ARRAY<${typeToString(t.element)}>`;
    case 'MAP':
      return `MAP<${typeToString(t.key)}, ${typeToString(t.value)}>`;
    case 'STRUCT':
      return `STRUCT<${t.fields.map((f) => `\`${f.name}\` ${typeToString(f.type)}`).join(', ')}>`;
    case 'BOOLEAN':
    case 'INTEGER':
    case 'BIGINT':
    case 'DOUBLE':
    case 'STRING':
    case 'BYTES':
    case 'TIMESTAMP':
    case 'DATE':
    case 'TIME':
      return t.kind;
  }
}

export function typesEqual(a: SqlType, b: SqlType): boolean {
  return typeToString(a) === typeToString(b);
}
