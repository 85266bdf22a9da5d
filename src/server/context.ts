/** What every route gets: the one engine, the running streamed queries, remembered command statuses. */
import type { Engine } from '../engine/engine.js';
import type { QueryTracker } from './query-tracker.js';
import type { CommandStatuses } from './command-statuses.js';

export interface ServerContext {
  readonly engine: Engine;
  readonly queries: QueryTracker;
  readonly statuses: CommandStatuses;
  /** True once shutdown began: new requests get 503. */
  readonly isShuttingDown: () => boolean;
}
