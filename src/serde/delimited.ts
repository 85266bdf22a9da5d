/**
 * DELIMITED: one CSV line (see csv.ts), a field per column, primitives only. Empty fields are
 * NULL; numbers print the Java way (`1.0`, `1.0E10`), DECIMAL in plain notation at the column's
 * scale, BYTES as base64, TIMESTAMP/DATE/TIME as integers; BOOLEAN reads like Java's
 * `Boolean.parseBoolean` (anything but "true", in any case, is false).
 */
import { Decimal } from '../types/decimal.js';
import { typeToString, type SqlType, type SqlTypeKind } from '../types/sql-type.js';
import { decodeBase64, encodeBase64 } from './base64.js';
import { parseFirstCsvRecord, printCsvField } from './csv.js';
import { fitDecimal, parseDecimalText, rescaleDecimal } from './decimal-fit.js';
import type { Serde, SerdeColumn, SerdeOptions } from './format.js';
import { formatJavaDouble, integerText, parseJavaDouble, parseJavaInt, parseJavaLong } from './java-number-text.js';
import { EMPTY_KEY_SERDE } from './none.js';
import { nullRow } from './schema-checks.js';
import { deserializationError, FieldError } from './serde-error.js';
import { utf8Bytes } from './utf8.js';

export const DEFAULT_DELIMITER = ',';

const SUPPORTED: ReadonlySet<SqlTypeKind> = new Set<SqlTypeKind>([
  'BOOLEAN',
  'INTEGER',
  'BIGINT',
  'DOUBLE',
  'DECIMAL',
  'STRING',
  'BYTES',
  'TIMESTAMP',
  'DATE',
  'TIME',
]);

const NAMED_DELIMITERS: ReadonlyMap<string, string> = new Map([
  ['TAB', '\t'],
  ['SPACE', ' '],
]);

const EMPTY_DELIMITER =
  "Delimiter cannot be empty, if you meant to have a tab or space for delimiter, please use the special values 'TAB' or 'SPACE'";

const utf8Decoder = new TextDecoder('utf-8');

interface FieldCodec {
  /** Text (never empty) → value; throws FieldError. */
  parse(text: string): unknown;
  /** Non-null value → text. */
  print(value: unknown): string;
}

/**
 * Validates a KEY_DELIMITER / VALUE_DELIMITER property as ksqlDB does: one character, or the
 * names TAB and SPACE (a literal blank is refused as too easy to get wrong).
 */
export function parseDelimiterProperty(text: string): string | { error: string } {
  const named = NAMED_DELIMITERS.get(text.toUpperCase());
  if (named !== undefined) return named;
  if (text.trim() === '') return { error: EMPTY_DELIMITER };
  if (text.length !== 1) return { error: `Invalid delimiter value: '${text}'. Delimiter must be a single character or TAB,SPACE` };
  return text;
}

export function createDelimitedSerde(columns: readonly SerdeColumn[], options: SerdeOptions): Serde | { error: string } {
  const bad = columns.find((c) => !SUPPORTED.has(c.type.kind));
  if (bad !== undefined) return { error: `The 'DELIMITED' format does not support type '${bad.type.kind}', column: \`${bad.name}\`` };
  const delimiter = delimiterOption(options.delimiter);
  if (typeof delimiter !== 'string') return delimiter;
  if (columns.length === 0) return EMPTY_KEY_SERDE;

  const delimiterCode = delimiter.charCodeAt(0);
  const n = columns.length;
  const codecs = columns.map((c) => codecFor(c.type));
  const names = columns.map((c) => c.name);
  const target = options.isKey ? 'key' : 'value';

  return {
    serialize(values) {
      let line = '';
      for (let i = 0; i < n; i++) {
        const v = values[i];
        const text = v === null || v === undefined ? null : codecs[i].print(v);
        line += (i === 0 ? '' : delimiter) + printCsvField(text, i === 0, delimiterCode);
      }
      return utf8Bytes(line);
    },
    deserialize(bytes) {
      if (bytes === null) return nullRow(n);
      // A single NULL column serializes to nothing at all; read that back as NULL (ksqlDB would
      // reject its own output here).
      if (bytes.byteLength === 0 && n === 1) return [null];
      let column = -1;
      try {
        const fields = parseFirstCsvRecord(utf8Decoder.decode(bytes), delimiterCode);
        if (typeof fields === 'string') throw new FieldError(fields);
        if (fields.length !== n) throw new FieldError(`Unexpected field count, csvFields:${fields.length} schemaFields:${n}`);
        const row = new Array<unknown>(n);
        for (column = 0; column < n; column++) {
          const text = fields[column];
          row[column] = text === '' ? null : codecs[column].parse(text);
        }
        return row;
      } catch (e) {
        const cause = e instanceof FieldError && column >= 0 && column < n ? new FieldError(`${e.reason}, column: \`${names[column]}\``) : e;
        throw deserializationError(target, options.topic, cause);
      }
    },
  };
}

/** The serde's delimiter: one character (already resolved) or a name, default comma. */
function delimiterOption(option: string | undefined): string | { error: string } {
  if (option === undefined) return DEFAULT_DELIMITER;
  const named = NAMED_DELIMITERS.get(option.toUpperCase());
  if (named !== undefined) return named;
  if (option.length === 0) return { error: EMPTY_DELIMITER };
  if (option.length !== 1) return { error: `Invalid delimiter value: '${option}'. Delimiter must be a single character or TAB,SPACE` };
  return option;
}

function codecFor(type: SqlType): FieldCodec {
  const cannot = (text: string): FieldError => new FieldError(`Can't coerce '${text}' to type ${typeToString(type)}`);
  switch (type.kind) {
    case 'BOOLEAN':
      return { parse: (t) => t.toLowerCase() === 'true', print: (v) => (v ? 'true' : 'false') };
    case 'INTEGER':
    case 'DATE':
    case 'TIME':
      return { parse: (t) => orThrow(parseJavaInt(t), cannot, t), print: integerText };
    case 'BIGINT':
      return { parse: (t) => orThrow(parseJavaLong(t), cannot, t), print: integerText };
    case 'TIMESTAMP':
      return { parse: (t) => Number(orThrow(parseJavaLong(t), cannot, t)), print: integerText };
    case 'DOUBLE':
      return { parse: (t) => orThrow(parseJavaDouble(t), cannot, t), print: (v) => formatJavaDouble(Number(v)) };
    case 'DECIMAL':
      return {
        parse: (t) => {
          const fitted = fitDecimal(orThrow(parseDecimalText(t), cannot, t), type);
          if (typeof fitted === 'string') throw new FieldError(fitted);
          return fitted;
        },
        print: (v) => (v instanceof Decimal ? rescaleDecimal(v, type.scale).toString() : String(v)),
      };
    case 'STRING':
      return { parse: (t) => t, print: String };
    case 'BYTES':
      return { parse: (t) => orThrow(decodeBase64(t), cannot, t), print: (v) => encodeBase64(v as Uint8Array) };
    case 'ARRAY':
    case 'MAP':
    case 'STRUCT':
      throw new Error(`assertion failed: DELIMITED codec requested for ${type.kind}`);
  }
}

function orThrow<T>(value: T | undefined, error: (text: string) => FieldError, text: string): T {
  if (value === undefined) throw error(text);
  return value;
}
