/**
 * `npm run conformance`: runs ksqlDB's query-validation tests against the engine and prints
 * the tally. Flags:
 *   --dir PATH       a folder of QTT files (repeatable; default: both ksqlDB folders)
 *   --file NAME      only this file     --case TEXT   only cases whose name contains TEXT
 *   --workers N      worker processes (default 2; 0 = in this process)
 *   --verbose        print each failure with its first difference
 *   --json           the last line is the summary as JSON
 *   --markdown FILE  write the summary and the per-file table as markdown
 *   --no-http        do not run the REST cases a second time against a real server over HTTP
 */
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { summarize, summaryJsonLine, summaryMarkdown, type CaseResult, type Summary } from './outcome.js';
import { defaultDirs, loadCases, runCases } from './runner.js';

export const DEFAULT_WORKERS = 2;

export interface CliOptions {
  readonly dirs: readonly string[];
  readonly file?: string;
  readonly caseFilter?: string;
  readonly workers: number;
  readonly verbose: boolean;
  readonly json: boolean;
  readonly markdown?: string;
  /** Also run the REST cases through a real server over HTTP (counted apart, as `rest`). */
  readonly http: boolean;
}

export function parseArgs(argv: readonly string[]): CliOptions | { error: string } {
  const dirs: string[] = [];
  let file: string | undefined;
  let caseFilter: string | undefined;
  let workers = DEFAULT_WORKERS;
  let verbose = false;
  let json = false;
  let markdown: string | undefined;
  let http = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string | undefined => argv[++i];
    switch (arg) {
      case '--dir': {
        const v = value();
        if (v === undefined) return { error: '--dir needs a path' };
        dirs.push(v);
        break;
      }
      case '--file':
        file = value();
        if (file === undefined) return { error: '--file needs a name' };
        break;
      case '--case':
        caseFilter = value();
        if (caseFilter === undefined) return { error: '--case needs a text' };
        break;
      case '--workers': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 0) return { error: '--workers needs a whole number' };
        workers = n;
        break;
      }
      case '--markdown':
        markdown = value();
        if (markdown === undefined) return { error: '--markdown needs a file' };
        break;
      case '--verbose':
        verbose = true;
        break;
      case '--json':
        json = true;
        break;
      case '--no-http':
        http = false;
        break;
      default:
        return { error: `unknown argument ${arg}` };
    }
  }
  return {
    dirs: dirs.length > 0 ? dirs : defaultDirs(),
    workers,
    verbose,
    json,
    http,
    ...(file !== undefined ? { file } : {}),
    ...(caseFilter !== undefined ? { caseFilter } : {}),
    ...(markdown !== undefined ? { markdown } : {}),
  };
}

/** Runs the CLI; `print` receives whole lines. Returns the exit code (failing cases are not an error). */
export async function main(argv: readonly string[], print: (line: string) => void = (l) => process.stdout.write(l + '\n')): Promise<number> {
  const options = parseArgs(argv);
  if ('error' in options) {
    print(`conformance: ${options.error}`);
    return 2;
  }
  const loaded = await loadCases({
    dirs: options.dirs,
    ...(options.file !== undefined ? { file: options.file } : {}),
    ...(options.caseFilter !== undefined ? { caseFilter: options.caseFilter } : {}),
  });
  const started = Date.now();
  const onResult = (r: CaseResult): void => {
    if (options.verbose && r.outcome.status === 'failed') print(`FAIL ${r.file} :: ${r.name}\n    ${r.outcome.reason}`);
  };
  for (const r of loaded.broken) onResult(r);
  const results = [...loaded.broken, ...(await runCases(loaded.cases, { workers: options.workers, onResult }))];
  const summary = summarize(results);
  for (const [file, t] of Object.entries(summary.by_file)) print(`${file.padEnd(56)} passed ${t.passed}  failed ${t.failed}  skipped ${t.skipped}`);
  print(`total ${summary.total}  passed ${summary.passed}  failed ${summary.failed}  skipped ${summary.skipped}  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (options.markdown !== undefined) {
    const header = `Run of ${new Date().toISOString().slice(0, 10)}: ${summary.passed} of ${summary.total} cases pass (${summary.skipped} skipped).`;
    await writeFile(options.markdown, summaryMarkdown(summary, results, header));
  }
  let rest: Summary | undefined;
  const restCases = loaded.cases.filter((c) => c.rest);
  if (options.http && restCases.length > 0) {
    const httpStarted = Date.now();
    const onHttpResult = (r: CaseResult): void => {
      if (options.verbose && r.outcome.status === 'failed') print(`FAIL [http] ${r.file} :: ${r.name}\n    ${r.outcome.reason}`);
    };
    rest = summarize(await runCases(restCases, { workers: options.workers, onResult: onHttpResult, overHttp: true }));
    for (const [file, t] of Object.entries(rest.by_file)) print(`[http] ${file.padEnd(49)} passed ${t.passed}  failed ${t.failed}  skipped ${t.skipped}`);
    print(`rest over HTTP: total ${rest.total}  passed ${rest.passed}  failed ${rest.failed}  skipped ${rest.skipped}  (${((Date.now() - httpStarted) / 1000).toFixed(1)} s)`);
  }
  if (options.json) print(summaryJsonLine(summary, rest));
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`conformance: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
