/**
 * The Flink SQL peer: fetches the Flink jars with Maven into bench/.cache/ on first use (nothing
 * of Flink is committed), compiles the Java runner with javac, and runs one query file.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { lastJsonLine, runPinned, stderrTail } from './processes.js';
import { flinkQueryFile, repoRoot, type QueryId } from './queries.js';

/** Must match flink.version in bench/nexmark/flink/pom.xml. */
export const FLINK_VERSION = '1.20.3';

export interface FlinkPeer {
  readonly classpath: string;
}

function cacheDir(): string {
  return join(repoRoot(), 'bench', '.cache');
}

/** Jars (mvn dependency:copy-dependencies) and the compiled runner, made once and reused. */
export async function prepareFlink(log: (line: string) => void): Promise<FlinkPeer> {
  const root = repoRoot();
  const lib = join(cacheDir(), `flink-${FLINK_VERSION}`, 'lib');
  if (!existsSync(lib) || readdirSync(lib).length === 0) {
    log(`fetching Flink ${FLINK_VERSION} jars with mvn into ${lib} ...`);
    const pom = join(root, 'bench', 'nexmark', 'flink', 'pom.xml');
    const r = await runPinned(undefined, 'mvn', ['-q', '-B', '-f', pom, 'dependency:copy-dependencies', `-DoutputDirectory=${lib}`, '-DincludeScope=runtime'], root);
    if (r.code !== 0) throw new Error(`mvn failed: ${r.stdout.slice(-2000)} ${stderrTail(r)}`);
  }
  const classes = join(cacheDir(), 'flink-classes');
  const source = join(root, 'bench', 'nexmark', 'flink', 'NexmarkFlink.java');
  const compiled = join(classes, 'NexmarkFlink.class');
  if (!existsSync(compiled) || statSync(compiled).mtimeMs < statSync(source).mtimeMs) {
    mkdirSync(classes, { recursive: true });
    const r = await runPinned(undefined, 'javac', ['-d', classes, '-cp', `${lib}/*`, source], root);
    if (r.code !== 0) throw new Error(`javac failed: ${stderrTail(r, 20)}`);
  }
  return { classpath: `${lib}/*:${classes}` };
}

export type FlinkOutcome = { status: 'ok'; net_runtime_ms: number; wall_ms: number } | { status: 'failed'; reason: string };

export async function runFlinkQuery(peer: FlinkPeer, id: QueryId, eventsFile: string, resultsFile: string, core: number | undefined): Promise<FlinkOutcome> {
  const args = ['-cp', peer.classpath, 'NexmarkFlink', '--events', eventsFile, '--sql', flinkQueryFile(id), '--results', resultsFile];
  const r = await runPinned(core, 'java', args, repoRoot());
  const out = lastJsonLine(r.stdout);
  if (r.code !== 0 || out === undefined || typeof out['net_runtime_ms'] !== 'number') return { status: 'failed', reason: `exit ${r.code}: ${stderrTail(r)}` };
  return { status: 'ok', net_runtime_ms: out['net_runtime_ms'], wall_ms: Number(out['wall_ms']) };
}
