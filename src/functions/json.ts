/**
 * JSON-in-a-string functions (ksqlDB semantics): EXTRACTJSONFIELD, IS_JSON_STRING,
 * JSON_ARRAY_LENGTH, JSON_ARRAY_CONTAINS, JSON_CONCAT, JSON_KEYS, JSON_RECORDS, JSON_ITEMS and
 * TO_JSON_STRING. Invalid JSON makes the value-returning ones fail for the row (NULL plus a
 * processing-log entry), as ksqlDB's "Invalid JSON format" exception does.
 */
import type { Decimal } from '../types/decimal.js';
import { bytesToBase64 } from '../types/java-text.js';
import { array, BOOLEAN, INTEGER, map, STRING, type SqlType } from '../types/sql-type.js';
import { formatDate, formatTime, formatTimestamp } from '../types/temporal.js';
import { scalar, type ScalarFunction } from './function.js';
import { isJsonObject, jsonDouble, JsonNumber, nodeText, parseJson, stringifyJson, type JsonNode } from './json-value.js';
import { jsonPathTokens } from './json-path.js';

function extract(json: string, path: string): string | null {
  const tokens = jsonPathTokens(path);
  let node: JsonNode | undefined = parseJson(json);
  for (const t of tokens) {
    if (Array.isArray(node)) {
      if (!/^-?\d+$/.test(t)) return null;
      node = node[Number(t)];
    } else if (isJsonObject(node)) node = node.get(t);
    else node = undefined;
    if (node === undefined) return null;
  }
  return node === undefined ? null : nodeText(node);
}

/** JSON_CONCAT: objects merge (later keys win); otherwise everything concatenates as arrays. */
function concat(texts: readonly unknown[]): string | null {
  const nodes: JsonNode[] = [];
  for (const t of texts) {
    if (t === null || t === undefined) return null;
    const n = parseJson(t as string);
    if (n === undefined) return null;
    nodes.push(n);
  }
  if (nodes.length === 0) return null;
  if (nodes.every(isJsonObject)) {
    const out = new Map<string, JsonNode>();
    for (const n of nodes) for (const [k, v] of n) out.set(k, v);
    return stringifyJson(out);
  }
  return stringifyJson(nodes.flatMap((n) => (Array.isArray(n) ? n : [n])));
}

/**
 * JSON_ARRAY_CONTAINS: an element equals the value when its JSON kind matches the value's type
 * (integers for INTEGER/BIGINT, fractions for DOUBLE, strings, booleans, null), as ksqlDB's
 * token-by-token check does; nested arrays and objects never match.
 */
function arrayContains(json: string, value: unknown, type: SqlType): boolean {
  let node: JsonNode | undefined;
  try {
    node = parseJson(json);
  } catch {
    return false;
  }
  if (!Array.isArray(node)) return false;
  return node.some((e) => {
    if (e === null) return value === null;
    if (value === null || value === undefined) return false;
    if (e instanceof JsonNumber) {
      if (e.isInteger && type.kind === 'INTEGER') return Number(e.text) === value;
      if (e.isInteger && type.kind === 'BIGINT') return BigInt(e.text) === value;
      return !e.isInteger && type.kind === 'DOUBLE' && Number(e.text) === value;
    }
    if (typeof e === 'string') return type.kind === 'STRING' && e === value;
    if (typeof e === 'boolean') return type.kind === 'BOOLEAN' && e === value;
    return false;
  });
}

/** TO_JSON_STRING: Jackson's text of the value; map keys and struct fields sorted, as ksqlDB's TreeMap sorts them. */
export function toJsonText(value: unknown, type: SqlType): string {
  if (value === null || value === undefined) return 'null';
  switch (type.kind) {
    case 'BOOLEAN':
    case 'INTEGER':
    case 'BIGINT':
      return String(value);
    case 'DOUBLE':
      return jsonDouble(value as number);
    case 'DECIMAL':
      return (value as Decimal).toString();
    case 'STRING':
      return JSON.stringify(value);
    case 'BYTES':
      return JSON.stringify(bytesToBase64(value as Uint8Array));
    case 'TIMESTAMP':
      return JSON.stringify(formatTimestamp(value as number));
    case 'DATE':
      return JSON.stringify(formatDate(value as number));
    case 'TIME':
      return JSON.stringify(formatTime(value as number));
    case 'ARRAY':
      return `[${(value as readonly unknown[]).map((v) => toJsonText(v, type.element)).join(',')}]`;
    case 'MAP': {
      const entries = [...(value as ReadonlyMap<unknown, unknown>)].map(([k, v]) => [String(k), toJsonText(v, type.value)] as const);
      return `{${sortByKey(entries).map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
    }
    case 'STRUCT': {
      const obj = value as Readonly<Record<string, unknown>>;
      const entries = type.fields.map((f) => [f.name, toJsonText(obj[f.name], f.type)] as const);
      return `{${sortByKey(entries).map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
    }
  }
}

/** Java's String order (UTF-16 code units), which is JS's default comparison. */
function sortByKey<T extends readonly [string, string]>(entries: T[]): T[] {
  return entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function parsedObject(text: string): Map<string, JsonNode> | null {
  const n = parseJson(text);
  return isJsonObject(n) ? n : null;
}

const EXTRACTJSONFIELD = scalar(
  'EXTRACTJSONFIELD',
  "The value at a JSONPath ('$.a.b[0]', \"$['key']\") in a JSON string, as a string; NULL if the path is absent.",
  ['EXTRACTJSONFIELD(STRING, STRING) → STRING'],
  [{ params: ['STRING', 'STRING'], returns: STRING, impl: ([j, p]) => extract(j as string, p as string) }],
);

const IS_JSON_STRING = scalar('IS_JSON_STRING', 'True if the string parses as a JSON value; false otherwise, and for NULL.', ['IS_JSON_STRING(STRING) → BOOLEAN'], [
  {
    params: ['STRING'],
    returns: BOOLEAN,
    acceptsNulls: true,
    impl: ([s]) => {
      if (typeof s !== 'string') return false;
      try {
        return parseJson(s) !== undefined;
      } catch {
        return false;
      }
    },
  },
]);

const JSON_ARRAY_LENGTH = scalar('JSON_ARRAY_LENGTH', 'The number of elements of the top-level JSON array; NULL if the JSON value is not an array.', ['JSON_ARRAY_LENGTH(STRING) → INTEGER'], [
  {
    params: ['STRING'],
    returns: INTEGER,
    impl: ([s]) => {
      const n = parseJson(s as string);
      return Array.isArray(n) ? n.length : null;
    },
  },
]);

const JSON_ARRAY_CONTAINS: ScalarFunction = {
  name: 'JSON_ARRAY_CONTAINS',
  description: 'True if the JSON array in the string has an element equal to the value; false if the string is not a JSON array.',
  signatures: ['JSON_ARRAY_CONTAINS(STRING, T) → BOOLEAN'],
  resolve(args) {
    const [j, v] = args;
    if (args.length !== 2 || (j !== null && j?.kind !== 'STRING')) return undefined;
    const t = v ?? STRING;
    return {
      params: [STRING, t],
      returnType: BOOLEAN,
      acceptsNulls: true,
      impl: ([json, value]) => (typeof json === 'string' ? arrayContains(json, value, t) : null),
    };
  },
};

const JSON_CONCAT = scalar('JSON_CONCAT', 'Merges JSON objects (later keys win), or concatenates JSON arrays, wrapping other values as one-element arrays; NULL if any input is NULL or empty.', ['JSON_CONCAT(STRING, STRING...) → STRING'], [
  { params: ['STRING', 'STRING'], variadic: true, returns: STRING, acceptsNulls: true, impl: (args) => concat(args) },
]);

const JSON_KEYS = scalar('JSON_KEYS', 'The top-level keys of a JSON object; NULL if the JSON value is not an object.', ['JSON_KEYS(STRING) → ARRAY<STRING>'], [
  { params: ['STRING'], returns: array(STRING), impl: ([s]) => (parsedObject(s as string) ? [...parsedObject(s as string)!.keys()] : null) },
]);

const JSON_RECORDS = scalar('JSON_RECORDS', 'The top-level entries of a JSON object as a map of key to value text; NULL if the JSON value is not an object.', ['JSON_RECORDS(STRING) → MAP<STRING, STRING>'], [
  {
    params: ['STRING'],
    returns: map(STRING, STRING),
    impl: ([s]) => {
      const o = parsedObject(s as string);
      return o ? new Map([...o].map(([k, v]) => [k, nodeText(v)])) : null;
    },
  },
]);

const JSON_ITEMS = scalar('JSON_ITEMS', 'The elements of a top-level JSON array, each as JSON text; NULL if the JSON value is not an array.', ['JSON_ITEMS(STRING) → ARRAY<STRING>'], [
  {
    params: ['STRING'],
    returns: array(STRING),
    impl: ([s]) => {
      const n = parseJson(s as string);
      return Array.isArray(n) ? n.map(stringifyJson) : null;
    },
  },
]);

const TO_JSON_STRING: ScalarFunction = {
  name: 'TO_JSON_STRING',
  description: 'The value as JSON text (map keys and struct fields sorted; temporal values as ISO strings, bytes as base64).',
  signatures: ['TO_JSON_STRING(T) → STRING'],
  resolve(args) {
    if (args.length !== 1) return undefined;
    const t = args[0] ?? STRING;
    return { params: [t], returnType: STRING, acceptsNulls: true, impl: ([v]) => toJsonText(v, t) };
  },
};

export const JSON_FUNCTIONS: readonly ScalarFunction[] = [
  EXTRACTJSONFIELD,
  IS_JSON_STRING,
  JSON_ARRAY_LENGTH,
  JSON_ARRAY_CONTAINS,
  JSON_CONCAT,
  JSON_KEYS,
  JSON_RECORDS,
  JSON_ITEMS,
  TO_JSON_STRING,
];
