/**
 * What every topic tool (topics, produce, consume, groups) shares: flag parsing with --data-dir and
 * --help, opening the store under the data-dir lock, turning store errors into one-line messages
 * with exit status 1, and writing to stdout with back-pressure.
 *
 * The tools open the topic store directly (the data-dir lock makes them the only writer); while a
 * `streamsql serve` owns the data dir (it holds the lock and wrote its URL beside it), they go
 * through that server's /streamsql/v1 endpoints instead.
 */
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { acquireDataDirLock, lockHolder, type DataDirLock } from '../../store/data-dir-lock.js';
import { openLmdbTopicStore } from '../../store/lmdb/index.js';
import { readServerAddress } from '../../store/server-address.js';
import { localToolStore, remoteToolStore, type ToolStore } from './tool-store.js';
import { TopicStoreError } from '../../store/topic-store.js';
import { defaultDataDir } from '../main.js';
import { basicAuthFrom, CREDENTIAL_HELP, CREDENTIAL_OPTIONS } from '../credentials.js';
import { splitUrlCredentials } from '../../client/basic-auth.js';

export type ToolOptions = NonNullable<ParseArgsConfig['options']>;

/** A failure the user caused (bad flags, unknown topic): printed as one line, exit status 1. */
export class ToolError extends Error {}

export interface ParsedTool {
  readonly values: Record<string, string | boolean | string[] | undefined>;
  readonly positionals: readonly string[];
  readonly dataDir: string;
  /** --server URL: work through that server instead of the data dir. */
  readonly server?: string;
  /** `user:password` for a server started with --auth-file. */
  readonly basicAuth?: string;
}

/** The help lines for the flags every tool takes to find its records. */
export const TOOL_TARGET_HELP = `  --data-dir DIR          data directory (default: $STREAMSQL_DATA_DIR, else ~/.streamsql/data)
  --server URL            work through this streamsql server instead of a data dir
${CREDENTIAL_HELP}`;

/** Parses flags strictly; --data-dir and --help are added to every tool. */
export function parseToolArgs(argv: readonly string[], options: ToolOptions): ParsedTool | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: { ...options, 'data-dir': { type: 'string' }, server: { type: 'string' }, ...CREDENTIAL_OPTIONS, help: { type: 'boolean', short: 'h' } },
    });
  } catch (err) {
    throw new ToolError(err instanceof Error ? err.message : String(err));
  }
  if (parsed.values.help === true) return 'help';
  const dir = parsed.values['data-dir'];
  const server = parsed.values.server;
  if (typeof server === 'string' && typeof dir === 'string') throw new ToolError('use either --data-dir or --server, not both');
  const basicAuth = basicAuthFrom(parsed.values);
  if (typeof basicAuth === 'object') throw new ToolError(basicAuth.error);
  return {
    values: parsed.values as ParsedTool['values'],
    positionals: parsed.positionals,
    dataDir: resolve(typeof dir === 'string' ? dir : defaultDataDir()),
    ...(typeof server === 'string' ? { server } : {}),
    ...(basicAuth !== undefined ? { basicAuth } : {}),
  };
}

/** Runs a tool body: user errors → `streamsql <name>: message` on stderr and status 1. */
export async function runTool(name: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof ToolError || err instanceof TopicStoreError || err instanceof RangeError) {
      process.stderr.write(`streamsql ${name}: ${err.message}\n`);
      if (err instanceof ToolError) process.stderr.write(`Try 'streamsql ${name} --help'.\n`);
      return 1;
    }
    throw err;
  }
}

/**
 * With --server, runs `fn` through that server. Otherwise opens the store of the data dir under
 * its lock, runs `fn`, then closes and unlocks; if a running server holds the lock and wrote its
 * address, `fn` works through that server instead (with the --user/--password credentials).
 */
export async function withStore<T>(target: ParsedTool, fn: (store: ToolStore) => Promise<T>): Promise<T> {
  if (target.server !== undefined) {
    const split = splitUrlCredentials(target.server);
    if ('error' in split) throw new ToolError(split.error);
    return fn(remoteToolStore(split.url, target.basicAuth ?? split.basicAuth));
  }
  const dataDir = target.dataDir;
  let lock: DataDirLock;
  try {
    lock = await acquireDataDirLock(dataDir);
  } catch (err) {
    if (!(err instanceof TopicStoreError) || err.code !== 'DATA_DIR_LOCKED') throw err;
    const server = await readServerAddress(dataDir);
    const holder = await lockHolder(dataDir);
    if (server === undefined || holder === undefined || server.pid !== holder) throw err;
    return fn(remoteToolStore(server.url, target.basicAuth));
  }
  try {
    const store = await openLmdbTopicStore(join(dataDir, 'store'));
    try {
      return await fn(localToolStore(store, dataDir));
    } finally {
      await store.close();
    }
  } finally {
    await lock.release();
  }
}

/** Parses a non-negative integer flag value, or throws a ToolError naming the flag. */
export function intFlag(name: string, value: string | boolean | string[] | undefined, min = 0): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    throw new ToolError(`--${name} expects an integer >= ${min}, got '${String(value)}'`);
  }
  return Number(value);
}

/** The single positional argument (a topic or group name), or a ToolError. */
export function onePositional(parsed: ParsedTool, what: string): string {
  if (parsed.positionals.length !== 1) throw new ToolError(`expected one ${what}, got ${parsed.positionals.length}`);
  return parsed.positionals[0]!;
}

/**
 * stdout with back-pressure; a closed pipe (`consume | head`) ends the writing quietly:
 * `closed` turns true and the caller stops.
 */
export class Stdout {
  closed = false;

  constructor(private readonly stream: NodeJS.WritableStream = process.stdout) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') this.closed = true;
      else throw err;
    });
  }

  async write(text: string): Promise<void> {
    if (this.closed || text.length === 0) return;
    if (!this.stream.write(text)) await Promise.race([once(this.stream, 'drain'), once(this.stream, 'close')]);
  }
}
