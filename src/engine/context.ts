/** What a statement handler may use: the engine's parts plus the session's state. */
import type { TopicStore } from '../store/topic-store.js';
import type { Catalog } from './catalog.js';
import type { CommandLog } from './command-log.js';
import type { EngineEvent } from './events.js';
import type { ProcessingLog } from './processing-log.js';
import type { SessionProperties } from './properties.js';
import type { PersistentQueries } from './persistent-queries.js';
import type { QueryRegistry } from './query-registry.js';
import type { StatementCache } from './statement-cache.js';

export interface EngineParts {
  readonly store: TopicStore;
  readonly catalog: Catalog;
  readonly commands: CommandLog;
  readonly processingLog: ProcessingLog;
  readonly queries: QueryRegistry;
  readonly persistent: PersistentQueries;
  readonly clock: () => number;
  /** Parsed statements by template, shared by all sessions (statement-cache.ts). */
  readonly statements: StatementCache;
}

export interface StatementContext {
  readonly engine: EngineParts;
  readonly properties: SessionProperties;
  readonly variables: Map<string, string>;
  readonly signal?: AbortSignal;
  /** The statement's source text (after variable substitution). */
  readonly text: string;
  /** Runs a nested script (RUN SCRIPT) in the same session; absent where scripts are refused. */
  readonly runScript?: (sql: string) => AsyncGenerator<EngineEvent, boolean>;
}
