/**
 * The streamsql side of one Nexmark query, run as its own process (the bench pins it to a core):
 *
 *   node dist/bench/nexmark/run-streamsql.js --data-dir DIR --query q0 --results FILE [--profile FILE]
 *
 * Runs the translation's CREATE ... AS SELECT chain over the preloaded topics and stops the clock
 * when the persistent queries have consumed everything (their committed offsets reach the end of
 * every topic they read and nothing moves any more); --profile profiles that timed region.
 * Prints one JSON line: {"status":"ok","mode",...,"elapsed_ms","rows"} or {"status":"failed","reason"}.
 */
import { writeFileSync } from 'node:fs';
import { Engine } from '../../src/engine/engine.js';
import type { Session } from '../../src/engine/session.js';
import type { QueriesListResult } from '../../src/engine/results.js';
import { canonicalRow } from './canonical.js';
import { startProfile, summarizeProfile } from './profile.js';
import { QUERY_IDS, streamsqlQuery, type QueryId } from './queries.js';
import { executeOrThrow } from './session.js';

/** How often catch-up is checked, and how long nothing may move before a chain counts as done. */
const CATCH_UP_POLL_MS = 10;
const QUIESCENT_MS = 2_000;

type Outcome =
  | { status: 'ok'; mode: 'persistent'; elapsed_ms: number; rows: number; profile?: ReturnType<typeof summarizeProfile> }
  | { status: 'failed'; reason: string };

function arg(argv: readonly string[], name: string): string {
  const i = argv.indexOf(name);
  const v = i >= 0 ? argv[i + 1] : undefined;
  if (v === undefined) throw new Error(`missing ${name}`);
  return v;
}

/** Runs a SELECT to its end and returns its rows (values as the engine holds them). */
async function collectRows(session: Session, sql: string): Promise<unknown[][]> {
  const rows: unknown[][] = [];
  for await (const e of session.execute(sql)) {
    if (e.type === 'error') throw new Error(`${e.diagnostic.code}: ${e.diagnostic.message}`);
    if (e.type === 'rows') for (const r of e.rows) rows.push(r as unknown[]);
  }
  return rows;
}

async function persistentQueryIds(session: Session): Promise<string[]> {
  const events = await executeOrThrow(session, 'SHOW QUERIES;');
  const ids: string[] = [];
  for (const e of events) {
    if (e.type === 'result' && e.result['@type'] === 'queries') {
      for (const q of (e.result as QueriesListResult).queries) if (q.queryType === 'PERSISTENT') ids.push(q.id);
    }
  }
  return ids;
}

/**
 * Waits until the persistent queries have consumed all input; returns the time (performance.now)
 * of the last progress seen. A query's consumer group is its id (src/exec/persistent-query.ts).
 */
async function awaitCatchUp(engine: Engine, queryIds: readonly string[]): Promise<number> {
  const store = engine.store;
  let lastSignature = '';
  let lastChange = performance.now();
  for (;;) {
    let caughtUp = queryIds.length > 0;
    const parts: string[] = [];
    for (const topic of store.listTopics()) {
      for (let p = 0; p < topic.config.partitions; p++) parts.push(`${topic.name}/${p}=${store.offsets(topic.name, p).end}`);
    }
    for (const id of queryIds) {
      let readsSomething = false;
      for (const topic of store.listTopics()) {
        const committed = store.committedOffsets(id, topic.name);
        if (committed.size === 0) continue;
        readsSomething = true;
        for (let p = 0; p < topic.config.partitions; p++) {
          const c = committed.get(p) ?? 0;
          parts.push(`${id}@${topic.name}/${p}=${c}`);
          if (c < store.offsets(topic.name, p).end) caughtUp = false;
        }
      }
      if (!readsSomething) caughtUp = false;
    }
    const signature = parts.join(' ');
    const now = performance.now();
    if (signature !== lastSignature) {
      lastSignature = signature;
      lastChange = now;
    }
    if (caughtUp || now - lastChange > QUIESCENT_MS) return lastChange;
    await new Promise((r) => setTimeout(r, CATCH_UP_POLL_MS));
  }
}

async function run(engine: Engine, id: QueryId, resultsFile: string, profileFile: string | undefined): Promise<Outcome> {
  const query = streamsqlQuery(id);
  const session = engine.createSession();
  await executeOrThrow(session, "SET 'auto.offset.reset'='earliest';");
  const stopProfile = profileFile === undefined ? undefined : await startProfile();
  const t0 = performance.now();
  for await (const e of session.execute(query.setup)) {
    if (e.type === 'error') return { status: 'failed', reason: `${e.diagnostic.code}: ${e.diagnostic.message}` };
  }
  const end = await awaitCatchUp(engine, await persistentQueryIds(session));
  const profile = stopProfile && profileFile !== undefined ? summarizeProfile(await stopProfile(profileFile)) : undefined;
  const rows = await collectRows(session, query.results);
  writeFileSync(resultsFile, rows.map((r) => canonicalRow(r) + '\n').join(''));
  return { status: 'ok', mode: 'persistent', elapsed_ms: end - t0, rows: rows.length, ...(profile ? { profile } : {}) };
}

async function main(argv: readonly string[]): Promise<void> {
  const id = arg(argv, '--query') as QueryId;
  if (!QUERY_IDS.includes(id)) throw new Error(`unknown query ${id}`);
  const engine = await Engine.open({ dataDir: arg(argv, '--data-dir') });
  let outcome: Outcome;
  try {
    const profileAt = argv.indexOf('--profile');
    outcome = await run(engine, id, arg(argv, '--results'), profileAt >= 0 ? argv[profileAt + 1] : undefined);
  } catch (err) {
    outcome = { status: 'failed', reason: err instanceof Error ? err.message : String(err) };
  }
  await engine.close();
  process.stdout.write(JSON.stringify(outcome) + '\n');
  process.exit(0); // persistent queries may still hold timers
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stdout.write(JSON.stringify({ status: 'failed', reason: String(err) }) + '\n');
  process.exit(1);
});
