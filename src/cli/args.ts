/** Command-line flags (node:util parseArgs). Errors are values, never throws. */
import { parseArgs } from 'node:util';
import { basicAuthFrom, CREDENTIAL_HELP, CREDENTIAL_OPTIONS } from './credentials.js';

export type OutputFormat = 'table' | 'json';

export interface CliArgs {
  readonly dataDir?: string;
  /** --server URL: talk to a streamsql server instead of opening a data dir. */
  readonly server?: string;
  /** `user:password` for a server started with --auth-file (--user/--password or the env). */
  readonly basicAuth?: string;
  readonly execute?: string;
  readonly file?: string;
  readonly output: OutputFormat;
  readonly defines: ReadonlyMap<string, string>;
  readonly help: boolean;
  readonly version: boolean;
}

export function parseCliArgs(argv: readonly string[]): CliArgs | { error: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        'data-dir': { type: 'string' },
        server: { type: 'string' },
        ...CREDENTIAL_OPTIONS,
        execute: { type: 'string', short: 'e' },
        file: { type: 'string', short: 'f' },
        output: { type: 'string', default: 'table' },
        define: { type: 'string', short: 'd', multiple: true },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
  const v = parsed.values;
  if (v.output !== 'table' && v.output !== 'json') return { error: `--output must be table or json, got '${v.output}'` };
  if (v.execute !== undefined && v.file !== undefined) return { error: 'use either --execute or --file, not both' };
  const basicAuth = basicAuthFrom(v);
  if (typeof basicAuth === 'object') return basicAuth;
  if ((v.user !== undefined || v.password !== undefined) && v.server === undefined) return { error: '--user and --password are for --server' };
  const defines = new Map<string, string>();
  for (const d of v.define ?? []) {
    const eq = d.indexOf('=');
    if (eq <= 0) return { error: `--define expects name=value, got '${d}'` };
    const name = d.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return { error: `invalid variable name '${name}' in --define` };
    defines.set(name, d.slice(eq + 1));
  }
  return {
    ...(v['data-dir'] !== undefined ? { dataDir: v['data-dir'] } : {}),
    ...(v.server !== undefined ? { server: v.server } : {}),
    ...(basicAuth !== undefined ? { basicAuth } : {}),
    ...(v.execute !== undefined ? { execute: v.execute } : {}),
    ...(v.file !== undefined ? { file: v.file } : {}),
    output: v.output,
    defines,
    help: v.help ?? false,
    version: v.version ?? false,
  };
}

export const HELP = `streamsql — SQL over streams, with an integrated topic store

Usage:
  streamsql [options]                 open the interactive shell
  streamsql -e "SQL; ..." [options]   run statements and exit
  streamsql -f script.sql [options]   run a file of statements and exit
  streamsql serve [--help]            run the engine as an HTTP server

Options:
  --data-dir DIR          data directory (default: $STREAMSQL_DATA_DIR, else ~/.streamsql/data)
  --server URL            use a streamsql server (streamsql serve) instead of a data dir
${CREDENTIAL_HELP}
  -e, --execute SQL       run these ';'-separated statements, then exit
  -f, --file FILE         run the statements in FILE, then exit
  --output table|json     output format for -e/-f (default: table)
  -d, --define name=value define a variable for \${name} substitution (repeatable)
  -h, --help              show this help
  -v, --version           print the version

Exit status: 0 when every statement succeeded; 1 at the first error (message on stderr,
with line:column and a caret under the offending text).
With --output json every query row is one JSON object per line, keyed by column name, and
every statement result is one JSON object with an "@type" field.
`;
