/**
 * What the topic tools need of a topic store, asynchronous so that it can be either the data dir's
 * store opened in this process (localToolStore) or, while a `streamsql serve` owns the data dir,
 * that server over its /streamsql/v1 endpoints (remoteToolStore).
 */
import type {
  AppendResult,
  GroupOffset,
  PartitionOffsets,
  ProducerRecord,
  ReadOptions,
  StoredRecord,
  TopicConfig,
  TopicConfigChange,
  TopicDescription,
  TopicStore,
} from '../../store/topic-store.js';
import { TopicStoreError } from '../../store/topic-store.js';
import { authorizationHeader, UNAUTHORIZED_HINT } from '../../client/basic-auth.js';
import { recordToWire, storedFromWire, TOOL_API, type WireError, type WireStoredRecord, type WireTopic } from '../../server/routes/topic-tool-wire.js';

export interface ToolStore {
  /** Where the records are: the data dir's store, or the URL of the server that owns it. */
  readonly via: string;
  listTopics(): Promise<readonly TopicDescription[]>;
  describeTopic(name: string): Promise<TopicDescription | undefined>;
  createTopic(name: string, config: TopicConfig): Promise<unknown>;
  alterTopic(name: string, change: TopicConfigChange): Promise<unknown>;
  deleteTopic(name: string): Promise<void>;
  offsets(topic: string, partition: number): Promise<PartitionOffsets>;
  partitionBytes(topic: string, partition: number): Promise<number>;
  append(topic: string, partition: number, records: readonly ProducerRecord[]): Promise<AppendResult>;
  read(topic: string, partition: number, fromOffset: number, maxRecords: number, options?: ReadOptions): Promise<readonly StoredRecord[]>;
  committedOffsets(group: string, topic: string): Promise<ReadonlyMap<number, number>>;
  commitOffsets(group: string, topic: string, offsets: ReadonlyMap<number, number>): Promise<void>;
  listGroups(): Promise<readonly string[]>;
  groupOffsets(group: string): Promise<readonly GroupOffset[]>;
}

export function localToolStore(store: TopicStore, via: string): ToolStore {
  return {
    via,
    listTopics: async () => store.listTopics(),
    describeTopic: async (name) => store.describeTopic(name),
    createTopic: (name, config) => store.createTopic(name, config),
    alterTopic: (name, change) => store.alterTopic(name, change),
    deleteTopic: (name) => store.deleteTopic(name),
    offsets: async (topic, p) => store.offsets(topic, p),
    partitionBytes: async (topic, p) => store.partitionBytes(topic, p),
    append: (topic, p, records) => store.append(topic, p, records),
    read: (topic, p, from, max, options) => store.read(topic, p, from, max, options),
    committedOffsets: async (group, topic) => store.committedOffsets(group, topic),
    commitOffsets: (group, topic, offsets) => store.commitOffsets(group, topic, offsets),
    listGroups: async () => store.listGroups(),
    groupOffsets: async (group) => store.groupOffsets(group),
  };
}

/** Calls one endpoint; a store error comes back as the same TopicStoreError (or RangeError). */
async function callServer<T>(url: string, basicAuth: string | undefined, endpoint: string, body: object): Promise<T> {
  let res: Response;
  try {
    const headers = { 'content-type': 'application/json', ...authorizationHeader(basicAuth) };
    res = await fetch(`${url}${TOOL_API}/${endpoint}`, { method: 'POST', headers, body: JSON.stringify(body) });
  } catch (err) {
    throw new TopicStoreError('DATA_DIR_LOCKED', `the data dir is owned by the streamsql server at ${url}, which did not answer: ${err instanceof Error ? err.message : String(err)}`);
  }
  const text = await res.text();
  if (res.status === 401) throw new TopicStoreError('DATA_DIR_LOCKED', `the streamsql server at ${url} refused the request: ${UNAUTHORIZED_HINT}`);
  if (res.status === 200) return JSON.parse(text) as T;
  let error: Partial<WireError> & { message?: string } = {};
  try {
    error = JSON.parse(text) as WireError;
  } catch {
    // not JSON: reported below with the status
  }
  const message = error.message ?? `HTTP ${res.status}: ${text.slice(0, 200)}`;
  if (error.code === 'RANGE_ERROR') throw new RangeError(message);
  if (typeof error.code === 'string' && res.status === 400) throw new TopicStoreError(error.code as TopicStoreError['code'], message);
  throw new TopicStoreError('DATA_DIR_LOCKED', `the streamsql server at ${url} refused the request: ${message}`);
}

export function remoteToolStore(url: string, basicAuth?: string): ToolStore {
  const call = <T>(u: string, endpoint: string, body: object): Promise<T> => callServer<T>(u, basicAuth, endpoint, body);
  const topic = async (name: string): Promise<WireTopic> => {
    const t = await call<WireTopic | null>(url, 'topics', { op: 'describe', name });
    if (!t) throw new TopicStoreError('UNKNOWN_TOPIC', `Topic '${name}' does not exist`);
    return t;
  };
  const partition = async (name: string, p: number): Promise<WireTopic['partitions'][number]> => {
    const state = (await topic(name)).partitions[p];
    if (!state) throw new TopicStoreError('INVALID_PARTITION', `Topic '${name}' has no partition ${p}`);
    return state;
  };
  return {
    via: url,
    listTopics: async () => (await call<WireTopic[]>(url, 'topics', { op: 'list' })).map((t) => t.description),
    describeTopic: async (name) => (await call<WireTopic | null>(url, 'topics', { op: 'describe', name }))?.description,
    createTopic: (name, config) => call(url, 'topics', { op: 'create', name, config }),
    alterTopic: (name, change) => call(url, 'topics', { op: 'alter', name, change }),
    deleteTopic: async (name) => void (await call(url, 'topics', { op: 'delete', name })),
    offsets: async (name, p) => {
      const { start, end } = await partition(name, p);
      return { start, end };
    },
    partitionBytes: async (name, p) => (await partition(name, p)).bytes,
    append: (t, p, records) => call(url, 'produce', { topic: t, partition: p, records: records.map(recordToWire) }),
    read: async (t, p, offset, max, options) =>
      (await call<WireStoredRecord[]>(url, 'consume', { topic: t, partition: p, offset, max, outOfRange: options?.outOfRange ?? 'earliest' })).map(storedFromWire),
    committedOffsets: async (group, t) => new Map(await call<[number, number][]>(url, 'groups', { op: 'committed', group, topic: t })),
    commitOffsets: async (group, t, offsets) => void (await call(url, 'groups', { op: 'commit', group, topic: t, offsets: [...offsets] })),
    listGroups: () => call(url, 'groups', { op: 'list' }),
    groupOffsets: (group) => call(url, 'groups', { op: 'offsets', group }),
  };
}
