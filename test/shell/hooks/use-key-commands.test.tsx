/**
 * Keys as the shell reads them, against the real embedded engine: on a loaded machine several
 * keys arrive in one read, and each must still count.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddedClient } from '../../../src/client/embedded.js';
import { App } from '../../../src/shell/app.js';
import { KEY, plain, press, waitFor } from '../ink-helpers.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function start() {
  const dir = mkdtempSync(join(tmpdir(), 'shell-keys-'));
  const client = await EmbeddedClient.open(join(dir, 'data'));
  cleanups.push(() => client.close());
  const ui = render(<App client={client} historyFile={join(dir, 'history')} initialHistory={[]} />);
  cleanups.push(() => ui.unmount());
  const frame = (): string => plain(ui.lastFrame());
  const until = (pattern: RegExp): Promise<void> => waitFor(() => pattern.test(frame()), frame, 10_000);
  return { ui, frame, until };
}

describe('useKeyCommands', () => {
  it('stops a push query when Enter and Ctrl-C arrive in one chunk', async () => {
    const { ui, frame, until } = await start();
    await until(/streamsql>/);
    await press(ui.stdin, "CREATE STREAM clicks (user_id STRING KEY, page STRING) WITH (kafka_topic='clicks', partitions=1, value_format='JSON');", KEY.enter);
    await until(/Stream created/);
    await press(ui.stdin, 'SELECT * FROM clicks EMIT CHANGES;');
    // One write, so Ink reads both keys at once, as a shell too busy to read between them does.
    ui.stdin.write(KEY.enter + KEY.ctrlC);
    await until(/Query terminated[\s\S]*streamsql>/);
    expect(frame()).toMatch(/│ idle$/m);
  });
});
