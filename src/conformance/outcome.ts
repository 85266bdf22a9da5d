/** What running one case yields, and the tallies built from many. */

export type CaseOutcome =
  | { readonly status: 'passed' }
  /** `reason`: the first difference found, or the error that stopped the case. */
  | { readonly status: 'failed'; readonly reason: string }
  | { readonly status: 'skipped'; readonly reason: string };

export interface CaseResult {
  readonly file: string;
  readonly id: string;
  readonly name: string;
  readonly outcome: CaseOutcome;
  readonly ms: number;
}

export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

export interface Summary {
  readonly total: number;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly by_file: Readonly<Record<string, Tally>>;
}

export const passed: CaseOutcome = Object.freeze({ status: 'passed' });
export const failed = (reason: string): CaseOutcome => ({ status: 'failed', reason });
export const skipped = (reason: string): CaseOutcome => ({ status: 'skipped', reason });

export function summarize(results: readonly CaseResult[]): Summary {
  const byFile: Record<string, Tally> = {};
  const total: Tally = { passed: 0, failed: 0, skipped: 0 };
  for (const r of results) {
    const t = (byFile[r.file] ??= { passed: 0, failed: 0, skipped: 0 });
    t[r.outcome.status]++;
    total[r.outcome.status]++;
  }
  const sorted: Record<string, Tally> = {};
  for (const f of Object.keys(byFile).sort()) sorted[f] = byFile[f]!;
  return { total: total.passed + total.failed + total.skipped, ...total, by_file: sorted };
}

/** The machine-readable last line of `--json`. */
export function summaryJsonLine(s: Summary, rest?: Summary): string {
  const tally = (x: Summary): object => ({ total: x.total, passed: x.passed, failed: x.failed, skipped: x.skipped, by_file: x.by_file });
  // `rest`: the REST cases run again against a real server over HTTP, counted on their own.
  return JSON.stringify({ ...tally(s), ...(rest ? { rest: tally(rest) } : {}) });
}

/** The failure table of the markdown report: how many rows, how much of each reason. */
const TOP_FAILURES = 25;
const FAILURE_KEY_CHARS = 100;

/** How to run the suite: the fixed part of docs/conformance.md. */
const MARKDOWN_PREAMBLE = `# Conformance: ksqlDB's query-validation tests

\`npm run conformance\` runs ksqlDB's own conformance cases (QTT, from
\`../shared/ksql-qtt/{query-validation-tests,rest-query-validation-tests}\`, read at run time, never
copied) against the engine. Each case gets a fresh engine on a temporary data dir: properties are
SET (\`auto.offset.reset\` defaults to \`earliest\`, \`ksql.service.id\` to QTT's \`some.ksql.service.id\`,
which names internal topics, \`cache.max.bytes.buffering\` to 0 as in QTT: every table change is output),
declared topics created, statements run in
order, input records produced with the serdes of the source on their topic (Kafka's partitioner,
timestamp 0 when absent), persistent queries awaited (store quiet and consumer groups caught up,
at most 5 s), then output topics, \`post\` conditions and (REST cases) responses compared.
REST cases create the topics their CREATE statements name first, with 4 partitions unless the
statement says otherwise, as ksqlDB's REST harness does (it decides the order of table scans).
They then run a second time as that harness runs them: against a real server (\`startServer\`)
over HTTP, the statements in one \`POST /ksql\`, each query a \`POST /query\` — counted apart
(\`rest over HTTP\`, and \`"rest"\` in \`--json\`); \`--no-http\` skips that run.
As ksqlDB's REST test executor, a query response's rows are compared as a multiset of their
\`columns\` (header, final message and other row fields in order) unless the case sets
\`outputConditions.verifyOrder\`.
A case that expects an error passes when a statement fails with a message containing the
expected one; where ksqlDB's text carries a location (\`Line: 3, Col: 38: ...\`, \`... at line 2:47\`,
the statements counted as one script), our error's span must start there instead.

Skipped: cases that need a schema-registry format (AVRO, PROTOBUF, PROTOBUF_NOSR, JSON_SR),
cases with \`enabled: false\`, cases whose \`versions\` exclude the modelled ksqlDB version.
Every other case that cannot run counts as failed.

\`\`\`
npm run conformance                          # everything, 2 worker processes
npm run conformance -- --file project-filter --verbose   # one file, first difference per failure
npm run conformance -- --case 'filter nulls' --workers 0 # cases by name substring, in-process
npm run conformance -- --dir PATH --json     # other folders; last line is the JSON summary
npm run conformance -- --file push-queries --no-http     # REST cases in-process only
npm run conformance -- --markdown docs/conformance.md    # regenerate this page
\`\`\`

## The CI ratchet

\`.ci/run\` runs \`node .ci/conformance-ratchet.mjs\` after \`npm test\`: it runs every case and fails
if fewer pass than \`.ci/conformance-floor\` records. Raise the floor whenever a change gains cases.
The floor sits about 2% below the count measured on an idle machine, because waiting for
persistent queries to settle is time-bounded (5 s per case) and a loaded machine can make slow
cases miss it (a run with the whole test suite running beside it passed 11 fewer cases).
`;

/** docs/conformance.md, generated from a run: how to run, the summary, skip reasons, the table by file. */
export function summaryMarkdown(s: Summary, results: readonly CaseResult[], runLine: string): string {
  const pct = (n: number, d: number): string => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);
  const lines = [
    MARKDOWN_PREAMBLE,
    '## Latest run',
    '',
    runLine,
    '',
    `| | cases |`,
    `|---|---:|`,
    `| total | ${s.total} |`,
    `| passed | ${s.passed} |`,
    `| failed | ${s.failed} |`,
    `| skipped | ${s.skipped} |`,
    `| pass rate of run cases | ${pct(s.passed, s.passed + s.failed)} |`,
    '',
    '## Skip reasons',
    '',
    '| reason | cases |',
    '|---|---:|',
  ];
  const reasons = new Map<string, number>();
  for (const r of results) if (r.outcome.status === 'skipped') reasons.set(r.outcome.reason, (reasons.get(r.outcome.reason) ?? 0) + 1);
  for (const [reason, n] of [...reasons].sort((a, b) => b[1] - a[1])) lines.push(`| ${escapeCell(reason)} | ${n} |`);
  lines.push('', '## Most common failures', '', 'First difference of each failing case, statement text and details cut off.', '', '| failure | cases |', '|---|---:|');
  const failures = new Map<string, number>();
  for (const r of results) {
    if (r.outcome.status !== 'failed') continue;
    const key = r.outcome.reason.replace(/ — .*/s, '').replace(/statement \d+/, 'statement N').slice(0, FAILURE_KEY_CHARS);
    failures.set(key, (failures.get(key) ?? 0) + 1);
  }
  for (const [reason, n] of [...failures].sort((a, b) => b[1] - a[1]).slice(0, TOP_FAILURES)) lines.push(`| ${escapeCell(reason)} | ${n} |`);
  lines.push('', '## By file', '', '| file | passed | failed | skipped | pass rate |', '|---|---:|---:|---:|---:|');
  for (const [file, t] of Object.entries(s.by_file)) lines.push(`| ${file} | ${t.passed} | ${t.failed} | ${t.skipped} | ${pct(t.passed, t.passed + t.failed)} |`);
  return lines.join('\n') + '\n';
}

function escapeCell(s: string): string {
  return s.replaceAll('|', '\\|').replaceAll('\n', ' ');
}
