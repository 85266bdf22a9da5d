/**
 * The real interactive shell (bin/streamsql) in a real pseudo-terminal: tmux runs it, we type into
 * it with send-keys and read the screen with capture-pane.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, runCli, childEnv, tempDir } from '../helpers/cli.js';

const SOCKET = `streamsql-test-${process.pid}`;
const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });

function screen(session: string): string {
  return tmux('capture-pane', '-p', '-t', session, '-S', '-200');
}

/**
 * How long one step may take on a loaded CI machine (two vitest workers, each busy with heavy
 * suites); a budget for the slowest case, not a speed assertion.
 */
const STEP_BUDGET_MS = 45_000;

async function waitForScreen(session: string, pattern: RegExp, timeoutMs = STEP_BUDGET_MS): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = screen(session);
    if (pattern.test(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  const pane = tmux('list-panes', '-t', session, '-F', 'pane pid #{pane_pid}, dead #{pane_dead}').trim();
  throw new Error(`screen never matched ${pattern} within ${timeoutMs} ms (${pane}):\n${last}`);
}

function hasSession(session: string): boolean {
  try {
    tmux('has-session', '-t', session);
    return true;
  } catch {
    return false;
  }
}

function type(session: string, text: string): void {
  // tmux reads an argument's trailing ';' as its own command separator: send that one as hex.
  const body = text.endsWith(';') ? text.slice(0, -1) : text;
  tmux('send-keys', '-t', session, '-l', body);
  if (body !== text) tmux('send-keys', '-t', session, '-H', '3b');
  tmux('send-keys', '-t', session, 'Enter');
}

describe('interactive shell in a terminal', () => {
  afterAll(() => {
    try {
      tmux('kill-server');
    } catch {
      // already gone
    }
  });

  it('runs the done-check statements, streams the row, stops with Ctrl-C, quits with exit; data survives', async () => {
    const home = tempDir();
    const dir = join(tempDir(), 'data');
    const s = 'shell1';
    // CI=true as CI machines set it: the shell must still draw live (ink would wait for exit).
    tmux('new-session', '-d', '-s', s, '-x', '120', '-y', '40', `env HOME=${home} CI=true ${BIN} --data-dir ${dir}`);
    await waitForScreen(s, /streamsql>/);
    // A statement over two lines: it runs only once the ';' arrives.
    type(s, "CREATE STREAM clicks (user_id STRING KEY, page STRING, ms INT)");
    type(s, "WITH (kafka_topic='clicks', partitions=3, value_format='JSON');");
    await waitForScreen(s, /Stream created/);
    type(s, "INSERT INTO clicks (user_id, page, ms) VALUES ('u1', '/home', 120);");
    type(s, "SET 'auto.offset.reset'='earliest';");
    await waitForScreen(s, /auto\.offset\.reset/);
    type(s, 'SELECT user_id, UCASE(page) AS p FROM clicks WHERE ms > 100 EMIT CHANGES LIMIT 1;');
    const afterQuery = await waitForScreen(s, /Limit Reached/);
    expect(afterQuery).toMatch(/u1\s.*\/HOME/);

    // A push query without LIMIT keeps running until Ctrl-C; the shell stays.
    type(s, 'SELECT * FROM clicks EMIT CHANGES;');
    // The row in the table, not the echoed INSERT above it (which has the same values).
    await waitForScreen(s, /\|u1 +\|\/home +\|120 +\|/);
    tmux('send-keys', '-t', s, 'C-c');
    await waitForScreen(s, /Query terminated[\s\S]*streamsql>\s*$/m);

    // A syntax error shows line:column and a caret.
    type(s, 'SELECT * FORM clicks;');
    await waitForScreen(s, /1:10: [\s\S]*\^\^\^\^/);

    type(s, 'exit');
    const deadline = Date.now() + STEP_BUDGET_MS;
    while (Date.now() < deadline && hasSession(s)) await new Promise((r) => setTimeout(r, 100));
    expect(hasSession(s)).toBe(false);

    // The shell released the data dir and the data is still there.
    const r = await runCli(['--data-dir', dir, '--output', 'json', '-e', 'SELECT * FROM clicks;'], childEnv(home));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ USER_ID: 'u1', PAGE: '/home', MS: 120 });
  }, 8 * STEP_BUDGET_MS);
});
