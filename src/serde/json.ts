/**
 * JSON: a row is an object keyed by column name; a single column may instead be the bare value
 * (always for keys, for values when WRAP_SINGLE_VALUE=false). Reading is type-directed and
 * lenient like ksqlDB's (json-reader.ts); writing matches ksqlDB's output byte for byte
 * (json-writer.ts). Both are compiled once here, per serde.
 */
import { struct, typeToString } from '../types/sql-type.js';
import type { Serde, SerdeColumn, SerdeOptions } from './format.js';
import { JsonCursor } from './json-cursor.js';
import { compileFieldTable, compileJsonReader, invalid, readMembers } from './json-reader.js';
import { compileJsonWriter, compileObjectWriter } from './json-writer.js';
import { EMPTY_KEY_SERDE } from './none.js';
import { anyNestedType, nullRow } from './schema-checks.js';
import { deserializationError, FieldError } from './serde-error.js';
import { strictUtf8Text, utf8Bytes } from './utf8.js';

const LETTER_N = 110;
const LBRACE = 123;

export function createJsonSerde(columns: readonly SerdeColumn[], options: SerdeOptions): Serde | { error: string } {
  if (columns.some((c) => anyNestedType(c.type, (t) => t.kind === 'MAP' && t.key.kind !== 'STRING'))) {
    return { error: 'JSON only supports MAP types with STRING keys' };
  }
  if (columns.length === 0 && options.isKey) return EMPTY_KEY_SERDE;
  const target = options.isKey ? 'key' : 'value';
  const fail = (e: unknown): Error => deserializationError(target, options.topic, e instanceof FieldError ? e.within('$') : e);
  const unwrapped = columns.length === 1 && (options.isKey || options.wrapSingleValue === false);
  return unwrapped ? unwrappedSerde(columns[0], fail) : wrappedSerde(columns, fail);
}

function unwrappedSerde(column: SerdeColumn, fail: (e: unknown) => Error): Serde {
  const read = compileJsonReader(column.type);
  const write = compileJsonWriter(column.type);
  return {
    serialize(values) {
      const v = values[0];
      return v === null || v === undefined ? null : utf8Bytes(write(v));
    },
    deserialize(bytes) {
      if (bytes === null) return [null];
      try {
        return [read(cursorAtValue(bytes))];
      } catch (e) {
        throw fail(e);
      }
    },
  };
}

function wrappedSerde(columns: readonly SerdeColumn[], fail: (e: unknown) => Error): Serde {
  const n = columns.length;
  const table = compileFieldTable(columns);
  const writeRow = compileObjectWriter(columns);
  const rowType = typeToString(struct(columns));
  return {
    serialize(values) {
      return utf8Bytes(writeRow((_, i) => values[i]));
    },
    deserialize(bytes) {
      if (bytes === null) return nullRow(n);
      try {
        const c = cursorAtValue(bytes);
        const ch = c.peek();
        if (ch === LETTER_N) {
          c.readLiteral(); // `null`, or a syntax error
          return nullRow(n);
        }
        if (ch !== LBRACE) throw invalid(c, rowType);
        const row = nullRow(n);
        readMembers(c, table, row);
        return row;
      } catch (e) {
        throw fail(e);
      }
    },
  };
}

/**
 * A cursor at the document's value. Like Jackson's default, content after the first value is
 * ignored; an empty document is an error.
 */
function cursorAtValue(bytes: Uint8Array): JsonCursor {
  const c = new JsonCursor(strictUtf8Text(bytes));
  if (c.peek() < 0) throw new Error('No content to map due to end-of-input');
  return c;
}
