/**
 * Finds the QTT files, expands them into cases, and runs the cases: in this process one by one,
 * or spread over worker processes (one case at a time each). A worker that hangs past the hard
 * limit is killed and replaced; its case fails with a timeout.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { failed, type CaseResult } from './outcome.js';
import { parseQttFile, type QttCase } from './qtt-case.js';
import { CASE_TIMEOUT_MS, runCase } from './run-case.js';

/** Extra time a worker gets beyond the in-process case limit before it is killed. */
export const WORKER_KILL_GRACE_MS = 15_000;

export interface LoadOptions {
  readonly dirs: readonly string[];
  /** Exact file name (with or without .json). */
  readonly file?: string;
  /** Case-name substring. */
  readonly caseFilter?: string;
}

export interface Loaded {
  readonly cases: readonly QttCase[];
  /** Files or tests that could not be read: each counts as one failed case. */
  readonly broken: readonly CaseResult[];
}

/** The repository root: the nearest ancestor of this module holding package.json. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the repository root (package.json)');
    dir = up;
  }
  return dir;
}

/** `<repo>/../shared/ksql-qtt/{query-validation-tests,rest-query-validation-tests}`. */
export function defaultDirs(): string[] {
  const base = resolve(repoRoot(), '..', 'shared', 'ksql-qtt');
  return [join(base, 'query-validation-tests'), join(base, 'rest-query-validation-tests')];
}

export async function loadCases(options: LoadOptions): Promise<Loaded> {
  const cases: QttCase[] = [];
  const broken: CaseResult[] = [];
  const want = options.file?.replace(/\.json$/, '');
  for (const dir of options.dirs) {
    // A dir of REST cases is recognised by its name, as in ksqlDB's layout; a case with
    // `responses` is run as a REST case wherever it lives.
    const restDir = basename(dir).startsWith('rest-');
    const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
    for (const name of names) {
      if (want !== undefined && name.replace(/\.json$/, '') !== want) continue;
      const parsed = parseQttFile(name, await readFile(join(dir, name), 'utf8'), restDir);
      for (const e of parsed.errors) broken.push({ file: name, id: `${name}#error`, name: e.message, outcome: failed(`cannot load: ${e.message}`), ms: 0 });
      for (const c of parsed.cases) {
        if (options.caseFilter !== undefined && !c.name.includes(options.caseFilter)) continue;
        cases.push(c.responses !== undefined && !c.rest ? { ...c, rest: true } : c);
      }
    }
  }
  return { cases, broken };
}

export interface RunOptions {
  /** 0 = in this process. */
  readonly workers: number;
  readonly onResult?: (r: CaseResult) => void;
  readonly caseTimeoutMs?: number;
  /** Run REST cases against a real server over HTTP (run-rest-http-case.ts). */
  readonly overHttp?: boolean;
}

export async function runCases(cases: readonly QttCase[], options: RunOptions): Promise<CaseResult[]> {
  const timeoutMs = options.caseTimeoutMs ?? CASE_TIMEOUT_MS;
  const results: CaseResult[] = [];
  const record = (r: CaseResult): void => {
    results.push(r);
    options.onResult?.(r);
  };
  const script = workerScript();
  if (options.workers <= 0 || script === undefined) {
    for (const c of cases) record(await runCase(c, timeoutMs, options.overHttp === true));
  } else {
    await runInWorkers(cases, Math.min(options.workers, cases.length), script, timeoutMs, record, options.overHttp === true);
  }
  const order = new Map(cases.map((c, i) => [c.id, i]));
  return results.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

/** Workers run the compiled worker module; from TypeScript sources (tests) there is none. */
function workerScript(): string | undefined {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.js')) return undefined;
  const script = join(dirname(here), 'worker.js');
  return existsSync(script) ? script : undefined;
}

interface WorkerSlot {
  child: ChildProcess;
  current?: { c: QttCase; timer: NodeJS.Timeout; started: number };
}

async function runInWorkers(
  cases: readonly QttCase[],
  count: number,
  script: string,
  timeoutMs: number,
  record: (r: CaseResult) => void,
  overHttp: boolean,
): Promise<void> {
  let next = 0;
  let done = 0;
  await new Promise<void>((finish) => {
    const finishIfDone = (): void => {
      if (done === cases.length) finish();
    };
    const spawn = (): WorkerSlot => {
      const child = fork(script, [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      const slot: WorkerSlot = { child };
      child.on('message', (msg: { type: 'result'; result: CaseResult }) => {
        if (msg.type !== 'result' || !slot.current) return;
        clearTimeout(slot.current.timer);
        slot.current = undefined;
        record(msg.result);
        done++;
        feed(slot);
        finishIfDone();
      });
      child.on('exit', (code, signal) => {
        const running = slot.current;
        if (!running) return;
        clearTimeout(running.timer);
        slot.current = undefined;
        record({ file: running.c.file, id: running.c.id, name: running.c.name, outcome: failed(`worker exited (${signal ?? code}) while running the case`), ms: Date.now() - running.started });
        done++;
        if (next < cases.length) feed(spawn());
        finishIfDone();
      });
      return slot;
    };
    const feed = (slot: WorkerSlot): void => {
      if (next >= cases.length) {
        slot.child.disconnect();
        return;
      }
      const c = cases[next++]!;
      const timer = setTimeout(() => {
        const running = slot.current;
        if (!running) return;
        slot.current = undefined;
        slot.child.kill('SIGKILL');
        record({ file: c.file, id: c.id, name: c.name, outcome: failed(`timed out: worker killed after ${timeoutMs + WORKER_KILL_GRACE_MS} ms`), ms: Date.now() - running.started });
        done++;
        if (next < cases.length) feed(spawn());
        finishIfDone();
      }, timeoutMs + WORKER_KILL_GRACE_MS);
      slot.current = { c, timer, started: Date.now() };
      slot.child.send({ type: 'run', case: c, timeoutMs, overHttp });
    };
    if (cases.length === 0) finish();
    for (let i = 0; i < count; i++) feed(spawn());
  });
}
