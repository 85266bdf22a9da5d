/**
 * The Nexmark bench: streamsql against Apache Flink SQL on the same machine and the same events.
 *
 *   npm run bench:nexmark -- [--events N] [--queries q0,q1] [--seed S] [--core C] [--repeat R] [--no-flink] [--profile] [--json]
 *
 * Generates the events once (topics for streamsql, a file for Flink), then per query runs each
 * engine in its own process pinned to one core, with the input preloaded before its clock starts,
 * and compares the result multisets. --repeat R runs each query R times, the two engines
 * alternating, and reports each engine's median rate (this VM's rates move by up to ±30% from run
 * to run, for both engines alike; the median of alternated runs is steadier than one run). Prints a row per query; with --json a last line
 * {"q0":{"streamsql_eps":…,"flink_eps":…,"ratio":…,"results_match":…}, …}. --profile also profiles
 * streamsql's timed region (bench/nexmark/profile.ts) and prints where its time went.
 */
import { availableParallelism } from 'node:os';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from '../../src/engine/engine.js';
import { compareMultisets, foldChangelog } from './canonical.js';
import { prepareFlink, runFlinkQuery, type FlinkOutcome, type FlinkPeer } from './flink-peer.js';
import { DEFAULT_CONFIG, type NexmarkConfig } from './generator/config.js';
import { END_OF_INPUT_AUCTION, loadEvents } from './load.js';
import { binNodeFlags, lastJsonLine, runPinned, stderrTail } from './processes.js';
import { QUERY_IDS, repoRoot, type QueryId } from './queries.js';

interface Options {
  readonly events: number;
  readonly seed: number;
  readonly queries: readonly QueryId[];
  readonly core: number | undefined;
  readonly flink: boolean;
  readonly json: boolean;
  readonly profile: boolean;
  readonly repeat: number;
}

export interface QueryReport {
  readonly streamsql_eps: number | null;
  readonly flink_eps: number | null;
  readonly ratio: number | null;
  /** null when either side did not run. */
  readonly results_match: boolean | null;
  readonly streamsql_mode?: string;
  readonly note?: string;
  /** With --repeat: every run's rate, in run order (the reported rates are their medians). */
  readonly streamsql_runs?: number[];
  readonly flink_runs?: number[];
}

type StreamsqlOutcome =
  | { status: 'ok'; mode: string; elapsed_ms: number; rows: number; profile?: { total_ms: number; categories: [string, number][] } }
  | { status: 'failed'; reason: string };

function parseOptions(argv: readonly string[]): Options {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const queries = (value('--queries')?.split(',') ?? [...QUERY_IDS]) as QueryId[];
  for (const q of queries) if (!QUERY_IDS.includes(q)) throw new Error(`unknown query ${q}; known: ${QUERY_IDS.join(', ')}`);
  const core = value('--core');
  return {
    events: Number(value('--events') ?? 100_000),
    seed: Number(value('--seed') ?? DEFAULT_CONFIG.seed),
    queries,
    // Default: the last core, and the same one for both engines.
    core: core === 'none' ? undefined : Number(core ?? availableParallelism() - 1),
    flink: !argv.includes('--no-flink'),
    json: argv.includes('--json'),
    profile: argv.includes('--profile'),
    repeat: Math.max(1, Number(value('--repeat') ?? 1)),
  };
}

async function runStreamsql(id: QueryId, pristine: string, work: string, core: number | undefined, profile: boolean): Promise<StreamsqlOutcome> {
  const dataDir = join(work, `${id}-data`);
  rmSync(dataDir, { recursive: true, force: true });
  cpSync(pristine, dataDir, { recursive: true }); // each query starts from the same preloaded topics
  const script = join(repoRoot(), 'dist', 'bench', 'nexmark', 'run-streamsql.js');
  const results = join(work, `${id}.streamsql.txt`);
  const args = [...binNodeFlags(repoRoot()), script, '--data-dir', dataDir, '--query', id, '--results', results];
  if (profile) args.push('--profile', join(work, `${id}.cpuprofile`));
  const r = await runPinned(core, process.execPath, args, repoRoot());
  rmSync(dataDir, { recursive: true, force: true });
  const out = lastJsonLine(r.stdout);
  if (out === undefined) return { status: 'failed', reason: `exit ${r.code}: ${stderrTail(r)}` };
  return out as StreamsqlOutcome;
}

/** Drops the rows the end-of-input bid made by itself (see END_OF_INPUT_AUCTION). */
function withoutEndOfInput(rows: Map<string, number>): Map<string, number> {
  for (const row of [...rows.keys()]) if (row.startsWith(`[${END_OF_INPUT_AUCTION},`)) rows.delete(row);
  return rows;
}

function readLines(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n');
}

/** The middle value (the mean of the middle two for an even count); null for none. */
function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const fmt = (n: number | null): string => (n === null ? '-' : Math.round(n).toLocaleString('en-US'));

async function main(argv: readonly string[]): Promise<void> {
  const opts = parseOptions(argv);
  const work = join(repoRoot(), 'bench', '.cache', 'nexmark-run');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const log = (line: string): void => void process.stderr.write(line + '\n');

  const config: NexmarkConfig = { ...DEFAULT_CONFIG, numEvents: opts.events, seed: opts.seed };
  const pristine = join(work, 'data');
  const eventsFile = join(work, 'events.json');
  const t0 = performance.now();
  const engine = await Engine.open({ dataDir: pristine });
  const counts = await loadEvents(engine, config, eventsFile);
  await engine.close();
  log(`generated ${opts.events} events (person ${counts.person}, auction ${counts.auction}, bid ${counts.bid}) in ${Math.round(performance.now() - t0)} ms; core ${opts.core ?? 'unpinned'}`);

  let peer: FlinkPeer | undefined;
  if (opts.flink) peer = await prepareFlink(log);

  const report: Record<string, QueryReport> = {};
  for (const id of opts.queries) {
    const streamsqlRuns: number[] = [];
    const flinkRuns: number[] = [];
    const notes: string[] = [];
    let match: boolean | null = null;
    let s: StreamsqlOutcome = { status: 'failed', reason: 'not run' };
    for (let run = 0; run < opts.repeat; run++) {
      s = await runStreamsql(id, pristine, work, opts.core, opts.profile && run === opts.repeat - 1);
      const f: FlinkOutcome = peer ? await runFlinkQuery(peer, id, eventsFile, join(work, `${id}.flink.txt`), opts.core) : { status: 'failed', reason: 'skipped (--no-flink)' };
      if (s.status === 'ok') streamsqlRuns.push(opts.events / (s.elapsed_ms / 1000));
      if (f.status === 'ok') flinkRuns.push(opts.events / (f.net_runtime_ms / 1000));
      if (s.status === 'failed') notes.push(`streamsql not runnable yet: ${s.reason}`);
      if (f.status === 'failed') notes.push(`flink: ${f.reason}`);
      if (s.status === 'ok' && f.status === 'ok') {
        const results = (engine: string): Map<string, number> => withoutEndOfInput(foldChangelog(readLines(join(work, `${id}.${engine}.txt`))));
        const diff = compareMultisets(results('streamsql'), results('flink'));
        // Every run must give Flink's results, not just one of them.
        match = (match ?? true) && diff.equal;
        if (!diff.equal) notes.push(`results differ: ${diff.onlyLeft} rows only in streamsql, ${diff.onlyRight} only in flink; e.g. ${diff.examples.join('; ')}`);
      }
      if (s.status === 'failed' || f.status === 'failed') break;
    }
    const streamsqlEps = median(streamsqlRuns);
    const flinkEps = median(flinkRuns);
    const ratio = streamsqlEps !== null && flinkEps !== null ? streamsqlEps / flinkEps : null;
    report[id] = {
      streamsql_eps: streamsqlEps === null ? null : Math.round(streamsqlEps),
      flink_eps: flinkEps === null ? null : Math.round(flinkEps),
      ratio: ratio === null ? null : Number(ratio.toFixed(3)),
      results_match: match,
      ...(s.status === 'ok' ? { streamsql_mode: s.mode } : {}),
      ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
      ...(opts.repeat > 1 ? { streamsql_runs: streamsqlRuns.map(Math.round), flink_runs: flinkRuns.map(Math.round) } : {}),
    };
    const rows = s.status === 'ok' ? ` rows ${s.rows}` : '';
    const runs = opts.repeat > 1 ? `  runs ${streamsqlRuns.map((r, i) => `${fmt(r)}/${fmt(flinkRuns[i] ?? null)}`).join(' ')}` : '';
    console.log(
      `${id.padEnd(3)} streamsql ${fmt(streamsqlEps).padStart(11)} ev/s  flink ${fmt(flinkEps).padStart(11)} ev/s  ratio ${ratio === null ? '-' : ratio.toFixed(2)}  match ${match === null ? '-' : match}${rows}${runs}${notes.length ? '  (' + notes.join('; ') + ')' : ''}`,
    );
    if (s.status === 'ok' && s.profile) {
      const share = (ms: number): string => `${((100 * ms) / s.profile!.total_ms).toFixed(0)}%`;
      console.log(`    profile (${Math.round(s.profile.total_ms)} ms, ${join(work, `${id}.cpuprofile`)}): ${s.profile.categories.map(([c, ms]) => `${c} ${share(ms)}`).join(', ')}`);
    }
  }
  if (opts.json) console.log(JSON.stringify(report));
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : String(err));
  process.exit(1);
});
