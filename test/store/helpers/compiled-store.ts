/**
 * Child processes cannot run TypeScript on Node 20, so tests that need a real second process
 * compile src/store/ (which imports nothing else of ours) to plain ESM once per test file. The
 * output lives under node_modules/.cache so the children resolve `lmdb` from the project.
 */
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface CompiledStore {
  readonly dir: string;
  /** Writes an ESM child script into the compiled tree (so `./lmdb/index.js` etc. resolve). */
  script(name: string, source: string): string;
  cleanup(): void;
}

export function compileStore(): CompiledStore {
  const dir = join(root, 'node_modules/.cache', `streamsql-store-test-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules/typescript/bin/tsc'),
      '--strict', '--skipLibCheck', '--target', 'ES2022', '--module', 'NodeNext', '--moduleResolution', 'NodeNext',
      '--types', 'node', '--rootDir', join(root, 'src/store'), '--outDir', dir,
      join(root, 'src/store/data-dir-lock.ts'), join(root, 'src/store/lmdb/index.ts'),
    ],
    { cwd: root, stdio: 'pipe' },
  );
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  return {
    dir,
    script(name, source) {
      const path = join(dir, name);
      writeFileSync(path, source);
      return path;
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Spawns `node script ...args` and resolves lines of its stdout as they arrive. */
export function runChild(script: string, args: readonly string[]): {
  child: ChildProcessWithoutNullStreams;
  nextLine(): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
} {
  const child = spawn(process.execPath, [script, ...args], { stdio: 'pipe' });
  let buffered = '';
  let err = '';
  const lines: string[] = [];
  const waiters: ((line: string) => void)[] = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      const w = waiters.shift();
      if (w) w(line);
      else lines.push(line);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    exited,
    stderr: () => err,
    nextLine() {
      const line = lines.shift();
      if (line !== undefined) return Promise.resolve(line);
      return new Promise((resolve, reject) => {
        waiters.push(resolve);
        void exited.then(({ code, signal }) => reject(new Error(`child exited (${code ?? signal}) before a line; stderr: ${err}`)));
      });
    },
  };
}
