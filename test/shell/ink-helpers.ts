/** Waiting for Ink frames and typing keys, for App tests. */
export const KEY = {
  enter: '\r',
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  home: '\x1b[H',
  end: '\x1b[F',
  backspace: '\x7f',
  ctrlC: '\x03',
  ctrlD: '\x04',
  ctrlL: '\x0c',
  ctrlU: '\x15',
} as const;

export const tick = (ms = 10): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` holds, failing with the last frame so a broken test says what it saw. */
export async function waitFor(check: () => boolean, describe: () => string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out; last frame:\n${describe()}`);
    await tick(5);
  }
}

/** Writes each chunk as one key press (or paste), letting Ink handle it before the next. */
export async function press(stdin: { write(data: string): void }, ...chunks: string[]): Promise<void> {
  for (const chunk of chunks) {
    stdin.write(chunk);
    await tick();
  }
}

/** The frame without colours and styles, so assertions see the text. */
export function plain(frame: string | undefined): string {
  return (frame ?? '').replace(/\x1b\[[0-9;]*m/g, '');
}
