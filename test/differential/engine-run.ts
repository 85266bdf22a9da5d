/**
 * Runs a differential case through the real engine: sources on a fresh data dir (records appended
 * straight to their topics, JSON key and value), the CREATE ... AS SELECT as a persistent query,
 * and once it has consumed every input record, the sink topic read back: every record of a
 * stream sink, the latest row per key of a table sink (a tombstone deletes the key).
 */
import { join } from 'node:path';
import { Engine } from '../../src/engine/engine.js';
import type { StoredRecord, TopicStore } from '../../src/store/topic-store.js';
import { tempDir } from '../helpers/cli.js';
import { executeOk } from '../helpers/engine.js';
import type { DiffCase, SourceSpec, Value } from './generator.js';
import type { ResultRow } from './sqlite-run.js';

/** How long a query may take to consume its few input records. */
const CATCH_UP_MS = 10_000;
const READ_BATCH = 1000;

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const json = (v: unknown): Uint8Array => encoder.encode(JSON.stringify(v));

function ddl(src: SourceSpec): string {
  const key = `${src.key.name} ${src.key.type} ${src.kind === 'TABLE' ? 'PRIMARY KEY' : 'KEY'}`;
  const cols = [key, ...src.columns.map((c) => `${c.name} ${c.type}`)].join(', ');
  return `CREATE ${src.kind} ${src.name} (${cols}) WITH (kafka_topic='${src.name}', partitions=1, key_format='JSON', value_format='JSON');`;
}

async function readAll(store: TopicStore, topic: string): Promise<StoredRecord[]> {
  const out: StoredRecord[] = [];
  for (let p = 0; p < store.describeTopic(topic)!.config.partitions; p++) {
    let offset = store.offsets(topic, p).start;
    for (;;) {
      const records = await store.read(topic, p, offset, READ_BATCH);
      if (records.length === 0) break;
      out.push(...records);
      offset = records[records.length - 1]!.offset + 1;
    }
  }
  return out;
}

async function caughtUp(store: TopicStore, queryId: string, topics: readonly string[]): Promise<void> {
  const deadline = Date.now() + CATCH_UP_MS;
  for (;;) {
    if (topics.every((t) => (store.committedOffsets(queryId, t).get(0) ?? 0) >= store.offsets(t, 0).end)) return;
    if (Date.now() > deadline) throw new Error(`query ${queryId} did not consume its input within ${CATCH_UP_MS} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export async function runEngine(c: DiffCase): Promise<ResultRow[]> {
  const engine = await Engine.open({ dataDir: join(tempDir(), 'data') });
  try {
    const session = engine.createSession();
    await executeOk(session, c.sources.map(ddl).join('\n'));
    for (const src of c.sources) {
      await engine.store.append(
        src.name,
        0,
        src.records.map((r) => ({ key: r.key === null ? null : json(r.key), value: r.value === undefined ? null : json(r.value), timestamp: r.timestamp })),
      );
    }
    await executeOk(session, `SET 'auto.offset.reset'='earliest'; ${c.ksql}`);
    const events = await executeOk(session, 'SHOW QUERIES;');
    const queryId = events.flatMap((e) => (e.type === 'result' && e.result['@type'] === 'queries' ? e.result.queries.map((q) => q.id) : []))[0];
    if (!queryId) throw new Error('no persistent query was started');
    await caughtUp(engine.store, queryId, c.sources.map((s) => s.name));
    // A commit's offsets are visible (LMDB) a moment before its records are readable (the store's
    // in-memory end offsets move when the transaction's promise resolves): stopping the query
    // waits for its last commit to finish.
    await executeOk(session, 'TERMINATE ALL;');
    const sink = engine.catalog.getSource(c.sinkName)!;
    const keyName = sink.keyColumns[0]?.name;
    const latest = new Map<string, ResultRow | undefined>();
    const all: ResultRow[] = [];
    for (const r of await readAll(engine.store, sink.topic)) {
      const key = r.key ? (JSON.parse(decoder.decode(r.key)) as Value) : null;
      const row: ResultRow | undefined = r.value ? { ...(keyName ? { [keyName]: key } : {}), ...(JSON.parse(decoder.decode(r.value)) as ResultRow) } : undefined;
      if (c.sinkKind === 'TABLE') latest.set(JSON.stringify(key), row);
      else if (row) all.push(row);
    }
    return c.sinkKind === 'TABLE' ? [...latest.values()].filter((r): r is ResultRow => r !== undefined) : all;
  } finally {
    await engine.close();
  }
}
