/**
 * Runs statements through the client, one at a time, feeding each event to the reducer. Holds
 * the AbortController of the running statement so Ctrl-C can stop it without leaving the shell.
 */
import { useCallback, useEffect, useMemo, useRef, type Dispatch } from 'react';
import type { Client } from '../../client/client.js';
import type { ShellAction } from '../state.js';

export interface StatementRunner {
  run(sql: string): void;
  /** Aborts the running statement; the client then ends it with queryEnd 'cancelled'. */
  cancel(): void;
}

export function useStatementRunner(client: Client, dispatch: Dispatch<ShellAction>, terminalWidth: number): StatementRunner {
  const controller = useRef<AbortController | null>(null);
  // Read through a ref: a resize mid-query must not restart anything.
  const width = useRef(terminalWidth);
  width.current = terminalWidth;
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      controller.current?.abort();
    };
  }, []);

  const run = useCallback(
    (sql: string) => {
      const abort = new AbortController();
      controller.current = abort;
      void (async () => {
        let failure: string | undefined;
        try {
          for await (const event of client.execute(sql, { signal: abort.signal })) {
            if (!mounted.current) break;
            dispatch({ type: 'clientEvent', event, terminalWidth: width.current });
          }
        } catch (err) {
          // The client reports user errors as events; a throw is a transport failure or a bug.
          failure = err instanceof Error ? err.message : String(err);
        }
        if (controller.current === abort) controller.current = null;
        if (mounted.current) dispatch({ type: 'runFinished', terminalWidth: width.current, ...(failure !== undefined ? { failure } : {}) });
      })();
    },
    [client, dispatch],
  );

  const cancel = useCallback(() => {
    controller.current?.abort();
  }, []);

  return useMemo(() => ({ run, cancel }), [run, cancel]);
}
