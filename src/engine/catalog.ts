/**
 * The in-memory catalog of streams and tables. Mutations happen only through commands that are
 * first made durable in the command topic (see command-log.ts), so replay rebuilds the same state.
 */
import type { CatalogReader, SourceDef } from '../analyze/catalog.js';
import type { QueryConfig } from '../analyze/query-config.js';
import type { SqlType } from '../types/sql-type.js';

/** A persistent query as the command topic records it: enough to plan and restart it. */
export interface PersistentQueryDef {
  readonly id: string;
  readonly statementText: string;
  readonly sink: string;
  /** auto.offset.reset when it was created. */
  readonly from: 'earliest' | 'latest';
  /** Session settings that change its analysis (COLLECT_LIST's limit...), as when it was created. */
  readonly config?: QueryConfig;
  /** PAUSE recorded it paused: it stays stopped (state and offsets kept) until RESUME, across restarts. */
  readonly paused?: boolean;
}

export class Catalog implements CatalogReader {
  private readonly sources = new Map<string, SourceDef>();
  private readonly queries = new Map<string, PersistentQueryDef>();
  /** Next number for a query id; only grows (ids are never reused, as in ksqlDB). */
  nextQueryNumber = 0;
  /** Grows with every change below, so caches of what was derived from the catalog know when to forget it. */
  private changes = 0;

  get version(): number {
    return this.changes;
  }

  getQuery(id: string): PersistentQueryDef | undefined {
    return this.queries.get(id);
  }

  listQueries(): readonly PersistentQueryDef[] {
    return [...this.queries.values()];
  }

  addQuery(q: PersistentQueryDef): void {
    this.changes++;
    this.queries.set(q.id, q);
    const n = Number(/_(\d+)$/.exec(q.id)?.[1] ?? -1);
    if (n >= this.nextQueryNumber) this.nextQueryNumber = n + 1;
  }

  setQueryPaused(id: string, paused: boolean): void {
    this.changes++;
    const q = this.queries.get(id);
    if (q) this.queries.set(id, { ...q, paused });
  }

  removeQuery(id: string): void {
    this.changes++;
    this.queries.delete(id);
  }

  /** Custom types (CREATE TYPE) by name, definitions already expanded. */
  private readonly types = new Map<string, SqlType>();

  getType(name: string): SqlType | undefined {
    return this.types.get(name);
  }

  /** Custom types by name, sorted. */
  listTypes(): readonly [string, SqlType][] {
    return [...this.types].sort(([a], [b]) => a.localeCompare(b));
  }

  putType(name: string, type: SqlType): void {
    this.changes++;
    this.types.set(name, type);
  }

  removeType(name: string): boolean {
    this.changes++;
    return this.types.delete(name);
  }

  getSource(name: string): SourceDef | undefined {
    return this.sources.get(name);
  }

  listSources(): readonly SourceDef[] {
    return [...this.sources.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  put(source: SourceDef): void {
    this.changes++;
    this.sources.set(source.name, source);
  }

  remove(name: string): boolean {
    this.changes++;
    return this.sources.delete(name);
  }

  /** Sources reading or writing `topic`. */
  sourcesOnTopic(topic: string): SourceDef[] {
    return [...this.sources.values()].filter((s) => s.topic === topic);
  }
}
