/**
 * /inserts-stream rows become INSERT INTO ... VALUES statements, so inserts go through the same
 * engine path (typing, coercion, serialization, partitioning) as SQL does. JSON keys match column
 * names exactly, then case-insensitively; values become SQL literals guided by the column type.
 */
import type { ColumnSchema, SourceDef } from '../analyze/catalog.js';
import type { SqlType } from '../types/sql-type.js';

export function insertStatement(source: SourceDef, row: { readonly [k: string]: unknown }): string | { error: string } {
  const columns = [...source.keyColumns, ...source.valueColumns];
  const names: string[] = [];
  const values: string[] = [];
  for (const [key, value] of Object.entries(row)) {
    const column = findColumn(columns, key);
    if (!column) return { error: `Column ${key} does not exist in ${source.name}` };
    const literal = toLiteral(value, column.type);
    if (typeof literal !== 'string') return { error: `Column ${column.name}: ${literal.error}` };
    names.push(quoteIdentifier(column.name));
    values.push(literal);
  }
  return `INSERT INTO ${quoteIdentifier(source.name)} (${names.join(', ')}) VALUES (${values.join(', ')});`;
}

function findColumn(columns: readonly ColumnSchema[], key: string): ColumnSchema | undefined {
  return columns.find((c) => c.name === key) ?? columns.find((c) => c.name.toUpperCase() === key.toUpperCase());
}

export function quoteIdentifier(name: string): string {
  return '`' + name.replaceAll('`', '``') + '`';
}

function quoteString(s: string): string {
  return "'" + s.replaceAll("'", "''") + "'";
}

function toLiteral(value: unknown, type: SqlType): string | { error: string } {
  if (value === null || value === undefined) return 'NULL';
  switch (typeof value) {
    case 'boolean':
      return value ? 'TRUE' : 'FALSE';
    case 'number':
      return Number.isFinite(value) ? String(value) : { error: `invalid number ${value}` };
    case 'string':
      return quoteString(value);
    case 'object':
      return Array.isArray(value) ? arrayLiteral(value, type) : objectLiteral(value as { [k: string]: unknown }, type);
    default:
      return { error: `unsupported JSON value ${String(value)}` };
  }
}

function arrayLiteral(items: readonly unknown[], type: SqlType): string | { error: string } {
  if (type.kind !== 'ARRAY') return { error: `expected ${type.kind}, got an array` };
  const parts: string[] = [];
  for (const item of items) {
    const l = toLiteral(item, type.element);
    if (typeof l !== 'string') return l;
    parts.push(l);
  }
  return `ARRAY[${parts.join(', ')}]`;
}

function objectLiteral(obj: { readonly [k: string]: unknown }, type: SqlType): string | { error: string } {
  const parts: string[] = [];
  if (type.kind === 'MAP') {
    for (const [k, v] of Object.entries(obj)) {
      const l = toLiteral(v, type.value);
      if (typeof l !== 'string') return l;
      parts.push(`${quoteString(k)} := ${l}`);
    }
    return `MAP(${parts.join(', ')})`;
  }
  if (type.kind === 'STRUCT') {
    for (const [k, v] of Object.entries(obj)) {
      const field = type.fields.find((f) => f.name === k) ?? type.fields.find((f) => f.name.toUpperCase() === k.toUpperCase());
      if (!field) return { error: `struct has no field ${k}` };
      const l = toLiteral(v, field.type);
      if (typeof l !== 'string') return l;
      parts.push(`${quoteIdentifier(field.name)} := ${l}`);
    }
    return `STRUCT(${parts.join(', ')})`;
  }
  return { error: `expected ${type.kind}, got an object` };
}
