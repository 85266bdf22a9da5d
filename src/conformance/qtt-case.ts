/**
 * The shapes of ksqlDB's query-validation-test (QTT) files, as far as the runner reads them, and
 * their expansion into runnable cases. The files are lenient JSON (// comments, trailing commas),
 * parsed with json5. Everything read from a file is checked here, once, so the runners work on
 * typed values and never on `unknown`.
 */
import { parseJson5Lossless, stringifyJson } from './lossless-json.js';

export type JsonValue = null | boolean | number | bigint | string | JsonValue[] | { [k: string]: JsonValue };
export type JsonObject = { [k: string]: JsonValue };

export interface QttWindow {
  readonly start: number;
  readonly end?: number;
  /** 'time' or 'session' (QTT spelling, any case). */
  readonly type: string;
}

export interface QttHeader {
  readonly KEY: string;
  /** base64, or null. */
  readonly VALUE: string | null;
}

export interface QttRecord {
  readonly topic: string;
  /** Absent key = null key. */
  readonly key: JsonValue;
  readonly value: JsonValue;
  readonly timestamp?: number;
  readonly window?: QttWindow;
  readonly headers?: readonly QttHeader[];
  readonly partition?: number;
}

export interface QttTopic {
  readonly name: string;
  readonly partitions?: number;
  readonly keyFormat?: string;
  readonly valueFormat?: string;
  /** `format` sets both. */
  readonly format?: string;
}

export interface QttExpectedException {
  readonly type?: string;
  readonly message?: string;
}

export interface QttPostSource {
  readonly name: string;
  readonly type?: string;
  readonly schema?: string;
  readonly keyFormat?: string;
  readonly valueFormat?: string;
  readonly keyFeatures?: readonly string[];
  readonly valueFeatures?: readonly string[];
  readonly isSource?: boolean;
}

export interface QttPostTopic {
  readonly name: string;
  readonly keyFormat?: string;
  readonly valueFormat?: string;
  readonly partitions?: number;
}

export interface QttPost {
  readonly sources: readonly QttPostSource[];
  readonly topics: readonly QttPostTopic[];
  /** Regex of topic names that must not exist. */
  readonly topicsBlacklist?: string;
}

/** One expected REST response: `{admin: {...}}` or `{query: [...]}` (or another key, which fails). */
export interface QttResponse {
  readonly kind: string;
  readonly payload: JsonValue;
}

/** One case after the format/config matrix is expanded: ready to run or to skip. */
export interface QttCase {
  readonly file: string;
  /** Position in the file's `tests` and the matrix variant, for a stable id. */
  readonly id: string;
  readonly name: string;
  readonly rest: boolean;
  readonly enabled: boolean;
  readonly versions?: { readonly min?: string; readonly max?: string };
  readonly statements: readonly string[];
  readonly properties: ReadonlyMap<string, string>;
  readonly topics: readonly QttTopic[];
  readonly inputs: readonly QttRecord[];
  readonly outputs: readonly QttRecord[];
  readonly expectedException?: QttExpectedException;
  readonly post?: QttPost;
  readonly responses?: readonly QttResponse[];
  readonly waitForQueryHeader: boolean;
  /** outputConditions.verifyOrder: compare a query's rows in order (else as a multiset, as ksqlDB's REST harness does). */
  readonly verifyOrder: boolean;
  /** Keys of the case object the runner does not implement but that change its meaning. */
  readonly unsupportedKeys: readonly string[];
}

/** A file that could not be read or parsed: reported as one failure, never a crash. */
export interface QttFileError {
  readonly file: string;
  readonly message: string;
}

export interface QttFile {
  readonly file: string;
  readonly cases: readonly QttCase[];
  readonly errors: readonly QttFileError[];
}

/** Keys that change what a REST case expects but that the runner cannot honour (protobuf output). */
const UNSUPPORTED_CASE_KEYS = ['testPullWithProtoFormat'] as const;

export function parseQttFile(file: string, text: string, rest: boolean): QttFile {
  let doc: unknown;
  try {
    doc = parseJson5Lossless(text);
  } catch (err) {
    return { file, cases: [], errors: [{ file, message: `cannot parse: ${err instanceof Error ? err.message : String(err)}` }] };
  }
  if (!isObject(doc) || !Array.isArray(doc.tests)) return { file, cases: [], errors: [{ file, message: 'no "tests" array' }] };
  const cases: QttCase[] = [];
  const errors: QttFileError[] = [];
  doc.tests.forEach((raw, index) => {
    try {
      if (!isObject(raw)) throw new Error('test is not an object');
      cases.push(...expandCase(file, index, raw, rest));
    } catch (err) {
      const name = isObject(raw) && typeof raw.name === 'string' ? raw.name : `#${index}`;
      errors.push({ file, message: `${name}: ${err instanceof Error ? err.message : String(err)}` });
    }
  });
  return { file, cases, errors };
}

/** `format` × `config` matrices: one case per combination, `{FORMAT}` / `{CONFIG}` substituted. */
function expandCase(file: string, index: number, raw: JsonObject, rest: boolean): QttCase[] {
  const formats = stringList(raw.format, 'format');
  const configs = stringList(raw.config, 'config');
  const variants: { format?: string; config?: string }[] = [];
  for (const format of formats.length > 0 ? formats : [undefined]) {
    for (const config of configs.length > 0 ? configs : [undefined]) {
      variants.push({ ...(format === undefined ? {} : { format }), ...(config === undefined ? {} : { config }) });
    }
  }
  return variants.map((v, vi) => {
    const sub = (s: string): string => {
      let out = s;
      if (v.format !== undefined) out = out.replaceAll('{FORMAT}', v.format);
      if (v.config !== undefined) out = out.replaceAll('{CONFIG}', v.config);
      return out;
    };
    const baseName = stringField(raw.name, 'name') ?? `#${index}`;
    const suffix = [v.format, v.config].filter((x) => x !== undefined).join(' - ');
    const name = suffix ? `${baseName} - ${suffix}` : baseName;
    const statements = stringList(raw.statements, 'statements').map(sub);
    const properties = new Map<string, string>();
    if (raw.properties !== undefined) {
      if (!isObject(raw.properties)) throw new Error('"properties" is not an object');
      for (const [k, val] of Object.entries(raw.properties)) properties.set(k, sub(scalarText(val)));
    }
    const topics = arrayOf(raw.topics, 'topics').map((t) => parseTopic(t, sub));
    const inputs = arrayOf(raw.inputs, 'inputs').map(parseRecord);
    const outputs = arrayOf(raw.outputs, 'outputs').map(parseRecord);
    const exceptionRaw = raw.expectedException ?? raw.expectedError;
    const expectedException = exceptionRaw === undefined ? undefined : parseException(exceptionRaw);
    const post = raw.post === undefined ? undefined : parsePost(raw.post);
    const responses = raw.responses === undefined ? undefined : arrayOf(raw.responses, 'responses').map(parseResponse);
    const versions = isObject(raw.versions)
      ? {
          ...(typeof raw.versions.min === 'string' ? { min: raw.versions.min } : {}),
          ...(typeof raw.versions.max === 'string' ? { max: raw.versions.max } : {}),
        }
      : undefined;
    const conditions = isObject(raw.inputConditions) ? raw.inputConditions : {};
    const outputConditions = isObject(raw.outputConditions) ? raw.outputConditions : {};
    return {
      file,
      id: `${file}#${index}${variants.length > 1 ? `.${vi}` : ''}`,
      name,
      rest,
      enabled: raw.enabled !== false,
      ...(versions ? { versions } : {}),
      statements,
      properties,
      topics,
      inputs,
      outputs,
      ...(expectedException ? { expectedException } : {}),
      ...(post ? { post } : {}),
      ...(responses ? { responses } : {}),
      // waitForActivePushQuery: produce once the push query runs — for us, once its header is out.
      waitForQueryHeader: conditions.waitForQueryHeader === true || conditions.waitForActivePushQuery === true,
      verifyOrder: outputConditions.verifyOrder === true,
      unsupportedKeys: UNSUPPORTED_CASE_KEYS.filter((k) => raw[k] !== undefined && raw[k] !== false),
    };
  });
}

function parseTopic(raw: JsonValue, sub: (s: string) => string): QttTopic {
  if (!isObject(raw)) throw new Error('topic is not an object');
  const name = stringField(raw.name, 'topic name');
  if (name === undefined) throw new Error('topic without name');
  const fmt = (v: JsonValue | undefined): string | undefined => {
    const s = formatName(v);
    return s === undefined ? undefined : sub(s);
  };
  const keyFormat = fmt(raw.keyFormat);
  const valueFormat = fmt(raw.valueFormat);
  const format = fmt(raw.format);
  return {
    name,
    ...(typeof raw.partitions === 'number' ? { partitions: raw.partitions } : {}),
    ...(keyFormat !== undefined ? { keyFormat } : {}),
    ...(valueFormat !== undefined ? { valueFormat } : {}),
    ...(format !== undefined ? { format } : {}),
  };
}

function parseRecord(raw: JsonValue): QttRecord {
  if (!isObject(raw)) throw new Error('record is not an object');
  const topic = stringField(raw.topic, 'record topic');
  if (topic === undefined) throw new Error('record without topic');
  let window: QttWindow | undefined;
  if (isObject(raw.window)) {
    const w = raw.window;
    if (typeof w.start !== 'number') throw new Error('window without numeric start');
    window = { start: w.start, type: typeof w.type === 'string' ? w.type : 'time', ...(typeof w.end === 'number' ? { end: w.end } : {}) };
  }
  let headers: QttHeader[] | undefined;
  if (Array.isArray(raw.headers)) {
    headers = raw.headers.map((h) => {
      if (!isObject(h) || typeof h.KEY !== 'string') throw new Error('header without KEY');
      return { KEY: h.KEY, VALUE: typeof h.VALUE === 'string' ? h.VALUE : null };
    });
  }
  return {
    topic,
    key: raw.key ?? null,
    value: raw.value ?? null,
    ...(typeof raw.timestamp === 'number' ? { timestamp: raw.timestamp } : {}),
    ...(window ? { window } : {}),
    ...(headers ? { headers } : {}),
    ...(typeof raw.partition === 'number' ? { partition: raw.partition } : {}),
  };
}

function parseException(raw: JsonValue): QttExpectedException {
  if (!isObject(raw)) throw new Error('expectedException is not an object');
  return {
    ...(typeof raw.type === 'string' ? { type: raw.type } : {}),
    ...(typeof raw.message === 'string' ? { message: raw.message } : {}),
  };
}

function parsePost(raw: JsonValue): QttPost {
  if (!isObject(raw)) throw new Error('post is not an object');
  const sources = arrayOf(raw.sources, 'post.sources').map((s): QttPostSource => {
    if (!isObject(s)) throw new Error('post source is not an object');
    const name = stringField(s.name, 'post source name');
    if (name === undefined) throw new Error('post source without name');
    const keyFormat = formatName(s.keyFormat);
    const valueFormat = formatName(s.valueFormat);
    return {
      name,
      ...(typeof s.type === 'string' ? { type: s.type } : {}),
      ...(typeof s.schema === 'string' ? { schema: s.schema } : {}),
      ...(keyFormat !== undefined ? { keyFormat } : {}),
      ...(valueFormat !== undefined ? { valueFormat } : {}),
      ...(Array.isArray(s.keyFeatures) ? { keyFeatures: s.keyFeatures.map(scalarText) } : {}),
      ...(Array.isArray(s.valueFeatures) ? { valueFeatures: s.valueFeatures.map(scalarText) } : {}),
      ...(typeof s.isSource === 'boolean' ? { isSource: s.isSource } : {}),
    };
  });
  const topicsRaw = isObject(raw.topics) ? raw.topics : {};
  const topics = arrayOf(topicsRaw.topics, 'post.topics.topics').map((t): QttPostTopic => {
    if (!isObject(t)) throw new Error('post topic is not an object');
    const name = stringField(t.name, 'post topic name');
    if (name === undefined) throw new Error('post topic without name');
    const keyFormat = formatName(t.keyFormat);
    const valueFormat = formatName(t.valueFormat);
    return {
      name,
      ...(keyFormat !== undefined ? { keyFormat } : {}),
      ...(valueFormat !== undefined ? { valueFormat } : {}),
      ...(typeof t.partitions === 'number' ? { partitions: t.partitions } : {}),
    };
  });
  return { sources, topics, ...(typeof topicsRaw.blacklist === 'string' ? { topicsBlacklist: topicsRaw.blacklist } : {}) };
}

function parseResponse(raw: JsonValue): QttResponse {
  if (!isObject(raw)) throw new Error('response is not an object');
  const keys = Object.keys(raw);
  if (keys.length !== 1) throw new Error(`response must have exactly one key, has ${keys.join(', ')}`);
  return { kind: keys[0]!, payload: raw[keys[0]!]! };
}

/** A format is written as `"JSON"` or `{format: "JSON", features, properties}`. */
export function formatName(v: JsonValue | undefined): string | undefined {
  if (typeof v === 'string') return v;
  if (isObject(v) && typeof v.format === 'string') return v.format;
  return undefined;
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringField(v: JsonValue | undefined, what: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new Error(`${what} is not a string`);
  return v;
}

function stringList(v: JsonValue | undefined, what: string): string[] {
  return arrayOf(v, what).map((s) => {
    if (typeof s !== 'string') throw new Error(`${what} holds a non-string`);
    return s;
  });
}

function arrayOf(v: JsonValue | undefined, what: string): JsonValue[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new Error(`${what} is not an array`);
  return v;
}

function scalarText(v: JsonValue): string {
  return typeof v === 'string' ? v : stringifyJson(v);
}
