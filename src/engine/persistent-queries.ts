/**
 * The persistent queries running in this engine. Each is planned from the statement text the
 * command topic recorded (so a restart plans it again, against the same catalog) and runs in the
 * background until TERMINATE or engine close; it resumes from its committed offsets and state.
 */
import { analyzeCreateAsSelect, analyzeInsertSelect, type AnalyzedPersistentQuery } from '../analyze/create-as-select.js';
import { runPersistentQuery } from '../exec/persistent-query.js';
import { planQuery } from '../plan/logical-plan.js';
import { toPhysical } from '../plan/physical-plan.js';
import { parseStatements } from '../sql/parse.js';
import type { TopicStore } from '../store/topic-store.js';
import type { Catalog, PersistentQueryDef } from './catalog.js';
import type { ProcessingLog } from './processing-log.js';
import { errorMessage, recordErrorEntry } from './processing-log.js';
import type { QueryInfo } from './results.js';

interface Running {
  readonly def: PersistentQueryDef;
  readonly analyzed: AnalyzedPersistentQuery;
  abort: AbortController;
  done: Promise<void>;
  state: QueryInfo['state'];
  error?: string;
  lateRecords: number;
}

/** Plans a recorded CREATE ... AS SELECT / INSERT INTO ... SELECT against the catalog. */
export function analyzePersistent(def: Pick<PersistentQueryDef, 'statementText' | 'config'>, catalog: Catalog, replay: boolean): AnalyzedPersistentQuery {
  const parsed = parseStatements(def.statementText, undefined, { customType: (name) => catalog.getType(name) });
  const stmt = parsed.statements[0]?.statement;
  if (parsed.diagnostics.length > 0 || !stmt) throw new Error(`cannot parse recorded query: ${parsed.diagnostics[0]?.message ?? 'empty'}`);
  if (stmt.kind === 'CreateAsSelect') return analyzeCreateAsSelect(stmt, catalog, def.statementText, replay, {}, def.config);
  if (stmt.kind === 'InsertSelect') return analyzeInsertSelect(stmt, catalog, def.config);
  throw new Error(`recorded query is a ${stmt.kind}, not a persistent query`);
}

export class PersistentQueries {
  private readonly running = new Map<string, Running>();

  constructor(
    private readonly store: TopicStore,
    private readonly catalog: Catalog,
    private readonly processingLog: ProcessingLog,
  ) {}

  /** Starts a query whose command is durable (a paused one is only registered). Its sink topic must exist. */
  start(def: PersistentQueryDef, analyzed = analyzePersistent(def, this.catalog, true)): void {
    const entry: Running = { def, analyzed, abort: new AbortController(), done: Promise.resolve(), state: def.paused ? 'PAUSED' : 'RUNNING', lateRecords: 0 };
    this.running.set(def.id, entry);
    if (!def.paused) this.run(entry);
  }

  /** Runs (or runs again, after PAUSE) from the committed offsets and the state's changelog. */
  private run(entry: Running): void {
    const { def, analyzed } = entry;
    const abort = new AbortController();
    entry.abort = abort;
    const pipeline = toPhysical(planQuery(analyzed.query, analyzed.sinkColumns));
    const topic = analyzed.query.source.topic;
    entry.done = runPersistentQuery({
      store: this.store,
      queryId: def.id,
      pipeline,
      sink: analyzed.sink,
      from: def.from,
      signal: abort.signal,
      onLateRecord: () => entry.lateRecords++,
      // EMIT FINAL writes each window's row once: there is nothing to coalesce.
      coalesceTableChanges: analyzed.sink.kind === 'TABLE' && !analyzed.query.emitFinal && def.config?.coalesceTableChanges === true,
      failOnInvalidTimestamp: def.config?.failOnInvalidTimestamp === true,
      onRecordError: (error, where) => this.processingLog.log(recordErrorEntry(def.id, topic, error, where)),
    }).catch((err: unknown) => {
      if (abort.signal.aborted) return;
      entry.state = 'ERROR';
      entry.error = errorMessage(err);
    });
  }

  /** PAUSE: stops consuming once the step in flight has committed; offsets and state stay. */
  async pause(id: string): Promise<void> {
    const r = this.running.get(id);
    if (!r || r.state !== 'RUNNING') return;
    r.state = 'PAUSED';
    r.abort.abort();
    await r.done;
  }

  /** RESUME: continues a paused query from where it stopped. */
  resume(id: string): void {
    const r = this.running.get(id);
    if (!r || r.state !== 'PAUSED' || !r.analyzed) return;
    r.state = 'RUNNING';
    this.run(r);
  }

  /** Starts every query the catalog records (engine open). A query that cannot be planned is kept in ERROR. */
  startAll(): void {
    for (const def of this.catalog.listQueries()) {
      try {
        this.start(def);
      } catch (err) {
        const abort = new AbortController();
        this.running.set(def.id, { def, analyzed: undefined as never, abort, done: Promise.resolve(), state: 'ERROR', error: errorMessage(err), lateRecords: 0 });
      }
    }
  }

  async stop(id: string): Promise<void> {
    const r = this.running.get(id);
    if (!r) return;
    r.abort.abort();
    await r.done;
    this.running.delete(id);
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.running.keys()].map((id) => this.stop(id)));
  }

  has(id: string): boolean {
    return this.running.has(id);
  }

  ids(): string[] {
    return [...this.running.keys()];
  }

  /** Queries reading from / writing into a source, for DROP's refusal. */
  usersOf(sourceName: string): { readers: string[]; writers: string[] } {
    const readers: string[] = [];
    const writers: string[] = [];
    for (const r of this.running.values()) {
      if (!r.analyzed) continue;
      if (r.analyzed.query.scanned.name === sourceName || r.analyzed.query.joins?.some((j) => j.right.name === sourceName)) readers.push(r.def.id);
      if (r.analyzed.sink.name === sourceName) writers.push(r.def.id);
    }
    return { readers, writers };
  }

  /** Queries stopped by an error, with its message. */
  failures(): { id: string; error: string }[] {
    return [...this.running.values()].filter((r) => r.state === 'ERROR').map((r) => ({ id: r.def.id, error: r.error ?? '' }));
  }

  list(): QueryInfo[] {
    return [...this.running.values()].map((r) => ({
      id: r.def.id,
      queryString: r.def.statementText,
      sinks: [r.def.sink],
      sinkKafkaTopics: r.analyzed ? [r.analyzed.sink.topic] : [],
      queryType: 'PERSISTENT',
      state: r.state,
    }));
  }
}
