/**
 * Performs the side effects the reducer queued: run or cancel a statement, clear the screen,
 * quit. A ref remembers the last one performed, because React may run this effect again with
 * the same queue before the acknowledgement is reduced.
 */
import { useApp, useStdout } from 'ink';
import { useEffect, useRef, type Dispatch } from 'react';
import type { QueuedEffect, ShellAction } from '../state.js';
import type { StatementRunner } from './use-statement-runner.js';

/** Erase the screen and the scrollback, then home the cursor. */
export const CLEAR_SCREEN = '\x1b[2J\x1b[3J\x1b[H';

export function useShellEffects(effects: readonly QueuedEffect[], runner: StatementRunner, dispatch: Dispatch<ShellAction>): void {
  const { exit } = useApp();
  const { write } = useStdout();
  const performed = useRef(-1);
  useEffect(() => {
    const pending = effects.filter((e) => e.id > performed.current);
    if (pending.length === 0) return;
    for (const e of pending) {
      performed.current = e.id;
      switch (e.kind) {
        case 'execute':
          runner.run(e.sql);
          break;
        case 'cancel':
          runner.cancel();
          break;
        case 'clearScreen':
          write(CLEAR_SCREEN);
          break;
        case 'quit':
          exit();
          return;
      }
    }
    dispatch({ type: 'effectsTaken', throughId: performed.current });
  }, [effects, runner, dispatch, write, exit]);
}
