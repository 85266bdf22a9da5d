/**
 * POST /streamsql/v1/{topics,produce,consume,groups}: what the topic tools (src/cli/tools) need
 * while this server owns their data dir. Not part of ksqlDB's API. Each takes one JSON object
 * (topic-tool-wire.ts) and answers 200 with the result, or 400 { code, message } carrying the
 * store's error code, so the tools print the same messages as on a data dir they opened.
 */
import type { ServerContext } from '../context.js';
import type { RequestLike, ResponseLike } from '../http-types.js';
import { isApiError, parseJsonObject, readBody, type JsonObject } from '../body.js';
import { sendError, sendJson } from '../reply.js';
import { TopicStoreError, type TopicConfig, type TopicConfigChange, type TopicStore } from '../../store/topic-store.js';
import { MAX_TOOL_READ_RECORDS, recordFromWire, storedToWire, type WireRecord, type WireTopic } from './topic-tool-wire.js';

/** Produce requests carry record batches: larger than ksqlDB's request bodies. */
export const MAX_TOOL_BODY_BYTES = 64 * 1024 * 1024;

type ToolOp = (store: TopicStore, body: JsonObject) => Promise<unknown>;

function str(body: JsonObject, field: string): string {
  const v = body[field];
  if (typeof v !== 'string') throw new RangeError(`'${field}' must be a string`);
  return v;
}

function int(body: JsonObject, field: string): number {
  const v = body[field];
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new RangeError(`'${field}' must be an integer`);
  return v;
}

function pairs(body: JsonObject, field: string): Map<number, number> {
  const v = body[field];
  if (!Array.isArray(v)) throw new RangeError(`'${field}' must be an array of [partition, offset]`);
  return new Map(v.map((p: unknown) => (Array.isArray(p) ? [Number(p[0]), Number(p[1])] : [NaN, NaN])));
}

function topicState(store: TopicStore, name: string): WireTopic | null {
  const description = store.describeTopic(name);
  if (!description) return null;
  const partitions = Array.from({ length: description.config.partitions }, (_, p) => ({ ...store.offsets(name, p), bytes: store.partitionBytes(name, p) }));
  return { description, partitions };
}

const topicsOp: ToolOp = async (store, body) => {
  const op = str(body, 'op');
  switch (op) {
    case 'list':
      return store.listTopics().map((d) => topicState(store, d.name));
    case 'describe':
      return topicState(store, str(body, 'name'));
    case 'create':
      return store.createTopic(str(body, 'name'), body.config as TopicConfig);
    case 'alter':
      return store.alterTopic(str(body, 'name'), body.change as TopicConfigChange);
    case 'delete':
      await store.deleteTopic(str(body, 'name'));
      return {};
    default:
      throw new RangeError(`unknown topics op '${op}'`);
  }
};

const produceOp: ToolOp = async (store, body) => {
  const records = body.records;
  if (!Array.isArray(records)) throw new RangeError("'records' must be an array");
  return store.append(str(body, 'topic'), int(body, 'partition'), records.map((r) => recordFromWire(r as WireRecord)));
};

const consumeOp: ToolOp = async (store, body) => {
  const outOfRange = body.outOfRange === 'error' ? 'error' : 'earliest';
  const max = Math.min(int(body, 'max'), MAX_TOOL_READ_RECORDS);
  const records = await store.read(str(body, 'topic'), int(body, 'partition'), int(body, 'offset'), max, { outOfRange });
  return records.map(storedToWire);
};

const groupsOp: ToolOp = async (store, body) => {
  const op = str(body, 'op');
  switch (op) {
    case 'list':
      return store.listGroups();
    case 'offsets':
      return store.groupOffsets(str(body, 'group'));
    case 'committed':
      return [...store.committedOffsets(str(body, 'group'), str(body, 'topic'))];
    case 'commit':
      await store.commitOffsets(str(body, 'group'), str(body, 'topic'), pairs(body, 'offsets'));
      return {};
    default:
      throw new RangeError(`unknown groups op '${op}'`);
  }
};

function toolRoute(op: ToolOp) {
  return async (ctx: ServerContext, req: RequestLike, res: ResponseLike): Promise<void> => {
    const text = await readBody(req, MAX_TOOL_BODY_BYTES);
    if (isApiError(text)) return sendError(res, text);
    const body = parseJsonObject(text);
    if (isApiError(body)) return sendError(res, body);
    try {
      sendJson(res, 200, await op(ctx.engine.store, body));
    } catch (err) {
      if (err instanceof TopicStoreError) return sendJson(res, 400, { code: err.code, message: err.message });
      if (err instanceof RangeError) return sendJson(res, 400, { code: 'RANGE_ERROR', message: err.message });
      throw err;
    }
  };
}

export const topicsRoute = toolRoute(topicsOp);
export const produceRoute = toolRoute(produceOp);
export const consumeRoute = toolRoute(consumeOp);
export const groupsRoute = toolRoute(groupsOp);
