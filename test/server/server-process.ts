/** A real `streamsql serve` child process on a free port, and small HTTP helpers for tests. */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { childEnv, startCli, tempDir } from '../helpers/cli.js';

export interface ServerProcess {
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  readonly child: ChildProcess;
  /** Resolves with the exit code and everything printed once the process ends. */
  readonly exited: Promise<{ code: number | null; stdout: string; stderr: string }>;
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; stdout: string; stderr: string }>;
}

export async function startServerProcess(dataDir = join(tempDir(), 'data'), extraArgs: readonly string[] = []): Promise<ServerProcess> {
  const child = startCli(['serve', '--port', '0', '--data-dir', dataDir, ...extraArgs], childEnv(tempDir()));
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stdout} ${stderr}`)), 15_000);
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      const m = /listening on (\S+)/.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    void exited.then((r) => reject(new Error(`server exited ${r.code}: ${r.stderr}`)));
  });
  return {
    url,
    port: Number(new URL(url).port),
    dataDir,
    child,
    exited,
    stop: (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string; json: () => unknown }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text) as unknown };
}

export async function ksql(base: string, sql: string, extra: object = {}): Promise<{ status: number; body: unknown }> {
  const r = await postJson(`${base}/ksql`, { ksql: sql, ...extra });
  return { status: r.status, body: r.json() };
}

/** Transient (push/pull) queries the engine reports as running, via SHOW QUERIES over HTTP. */
export async function runningTransientQueries(base: string): Promise<number> {
  const r = await ksql(base, 'SHOW QUERIES;');
  const [entity] = r.body as [{ queries: { queryType: string }[] }];
  return entity.queries.filter((q) => q.queryType === 'PUSH').length;
}

export async function eventually(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const CREATE_S = "CREATE STREAM s (k STRING KEY, v INT) WITH (kafka_topic='s', partitions=1, value_format='JSON');";
