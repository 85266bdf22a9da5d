/**
 * The catalog is kept in a command topic (as ksqlDB's command topic): every DDL becomes one
 * durable command record before it takes effect, and opening the engine replays them in order.
 * Replay touches only the catalog, never topics (a replayed DROP ... DELETE TOPIC must not delete a
 * topic created later under the same name).
 */
import type { SourceDef } from '../analyze/catalog.js';
import type { TopicStore } from '../store/topic-store.js';
import type { SqlType } from '../types/sql-type.js';
import type { Catalog, PersistentQueryDef } from './catalog.js';

export const COMMAND_TOPIC = '_streamsql_commands';
const COMMAND_VERSION = 1;
const REPLAY_BATCH = 1000;

export type Command =
  | { readonly v: number; readonly type: 'createSource'; readonly source: SourceDef }
  | { readonly v: number; readonly type: 'dropSource'; readonly name: string }
  /** CREATE ... AS SELECT (sink set) and INSERT INTO ... SELECT (no sink: it exists). */
  | { readonly v: number; readonly type: 'startQuery'; readonly query: PersistentQueryDef; readonly sink?: SourceDef }
  | { readonly v: number; readonly type: 'terminateQuery'; readonly id: string }
  | { readonly v: number; readonly type: 'pauseQuery' | 'resumeQuery'; readonly id: string }
  | { readonly v: number; readonly type: 'createType'; readonly name: string; readonly sqlType: SqlType }
  | { readonly v: number; readonly type: 'dropType'; readonly name: string };

export type CommandType = Command['type'];

type CommandBody = Command extends infer C ? (C extends Command ? Omit<C, 'v'> : never) : never;

export function applyCommand(catalog: Catalog, cmd: Command): void {
  switch (cmd.type) {
    case 'createSource':
      catalog.put(cmd.source);
      return;
    case 'dropSource':
      catalog.remove(cmd.name);
      return;
    case 'startQuery':
      if (cmd.sink) catalog.put(cmd.sink);
      catalog.addQuery(cmd.query);
      return;
    case 'terminateQuery':
      catalog.removeQuery(cmd.id);
      return;
    case 'pauseQuery':
    case 'resumeQuery':
      catalog.setQueryPaused(cmd.id, cmd.type === 'pauseQuery');
      return;
    case 'createType':
      catalog.putType(cmd.name, cmd.sqlType);
      return;
    case 'dropType':
      catalog.removeType(cmd.name);
      return;
  }
}

export class CommandLog {
  private constructor(private readonly store: TopicStore) {}

  static async open(store: TopicStore, catalog: Catalog): Promise<CommandLog> {
    if (!store.describeTopic(COMMAND_TOPIC)) {
      await store.createTopic(COMMAND_TOPIC, { partitions: 1, replicationFactor: 1, retentionMs: -1, cleanupPolicy: 'delete' });
    }
    const decoder = new TextDecoder();
    let offset = store.offsets(COMMAND_TOPIC, 0).start;
    for (;;) {
      const records = await store.read(COMMAND_TOPIC, 0, offset, REPLAY_BATCH);
      if (records.length === 0) break;
      for (const r of records) {
        if (r.value) applyCommand(catalog, JSON.parse(decoder.decode(r.value)) as Command);
        offset = r.offset + 1;
      }
    }
    return new CommandLog(store);
  }

  /** Makes the command durable, then applies it. */
  async execute(catalog: Catalog, body: CommandBody): Promise<void> {
    const cmd = { v: COMMAND_VERSION, ...body } as Command;
    await this.store.append(COMMAND_TOPIC, 0, [{ key: null, value: new TextEncoder().encode(JSON.stringify(cmd)) }]);
    applyCommand(catalog, cmd);
  }
}
