/**
 * The one engine API: open a data dir, create sessions, close. The shell and the server reach the
 * engine only through this (via src/client).
 */
import { join } from 'node:path';
import { acquireDataDirLock } from '../store/data-dir-lock.js';
import { PersistentQueries } from './persistent-queries.js';
import { openLmdbTopicStore } from '../store/lmdb/index.js';
import type { TopicStore } from '../store/topic-store.js';
import type { CatalogReader } from '../analyze/catalog.js';
import { Catalog } from './catalog.js';
import { CommandLog } from './command-log.js';
import type { EngineParts } from './context.js';
import { ProcessingLog } from './processing-log.js';
import { QueryRegistry } from './query-registry.js';
import { Session, type SessionOptions } from './session.js';
import { splitStatements } from '../sql/parse.js';
import { StatementCache } from './statement-cache.js';

export const VERSION = '0.1.0';

export interface EngineOptions {
  readonly dataDir: string;
  /** Injected clock (epoch ms) for record timestamps. */
  readonly clock?: () => number;
}

export class Engine {
  private closed = false;

  private constructor(
    readonly dataDir: string,
    private readonly parts: EngineParts,
    private readonly release: () => Promise<void>,
  ) {}

  static async open(options: EngineOptions): Promise<Engine> {
    const clock = options.clock ?? Date.now;
    const lock = await acquireDataDirLock(options.dataDir);
    let store: TopicStore | undefined;
    try {
      const s: TopicStore = await openLmdbTopicStore(join(options.dataDir, 'store'), { clock });
      store = s;
      const catalog = new Catalog();
      const commands = await CommandLog.open(s, catalog);
      const processingLog = await ProcessingLog.open(s, clock, catalog);
      const persistent = new PersistentQueries(s, catalog, processingLog);
      const parts: EngineParts = { store: s, catalog, commands, processingLog, queries: new QueryRegistry(), persistent, clock, statements: new StatementCache(() => catalog.version) };
      persistent.startAll();
      return new Engine(options.dataDir, parts, async () => {
        await persistent.stopAll();
        await processingLog.flush();
        await s.close();
        await lock.release();
      });
    } catch (err) {
      await store?.close();
      await lock.release();
      throw err;
    }
  }

  /** The topic store, for topic tools (produce, consume, PRINT-like inspection) and test drivers. */
  get store(): TopicStore {
    return this.parts.store;
  }

  /** Read-only view of the catalog (sources, their topics and formats). */
  get catalog(): CatalogReader {
    return this.parts.catalog;
  }

  /** Persistent queries stopped by an error (state ERROR), with its message. */
  queryFailures(): { id: string; error: string }[] {
    return this.parts.persistent.failures();
  }

  /** The texts of a script's statements (as splitStatements gives them), from the statement cache when it knows the script. */
  statementTexts(script: string): string[] {
    const cached = this.parts.statements.textOf(script);
    return cached !== undefined ? [cached] : splitStatements(script).map((s) => s.text);
  }

  createSession(options: SessionOptions = {}): Session {
    return new Session(this.parts, options);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.release();
  }
}
