/**
 * The shell's root component: wires the reducer to the hooks that do I/O and lays out the
 * screen — printed transcript (<Static>), then either the live query header or the input, then
 * the status line.
 */
import { Box, Static } from 'ink';
import { useCallback, useReducer } from 'react';
import type { Client } from '../client/client.js';
import { InputPrompt } from './components/input-prompt.js';
import { LiveHeader } from './components/live-header.js';
import { StatusLine } from './components/status-line.js';
import { TranscriptItem } from './components/transcript-item.js';
import { HISTORY_LIMIT } from './history-file.js';
import { useHistoryPersistence } from './hooks/use-history-persistence.js';
import { useKeyCommands } from './hooks/use-key-commands.js';
import { useShellEffects } from './hooks/use-shell-effects.js';
import { useStatementRunner } from './hooks/use-statement-runner.js';
import { useTerminalWidth } from './hooks/use-terminal-width.js';
import { useTranscriptFlush } from './hooks/use-transcript-flush.js';
import { initialShellState, shellReducer } from './state.js';

export interface AppProps {
  readonly client: Client;
  readonly historyFile: string;
  /** History as loaded from `historyFile` (loaded by the caller, so the first frame has it). */
  readonly initialHistory: readonly string[];
  readonly historyLimit?: number;
}

export function App({ client, historyFile, initialHistory, historyLimit = HISTORY_LIMIT }: AppProps) {
  const [state, dispatch] = useReducer(shellReducer, undefined, () => initialShellState(initialHistory, historyLimit));
  const width = useTerminalWidth();
  const runner = useStatementRunner(client, dispatch, width);
  const notice = useCallback((text: string) => dispatch({ type: 'notice', text }), []);
  useKeyCommands(dispatch);
  useShellEffects(state.effects, runner, dispatch);
  useTranscriptFlush(state.transcript, dispatch);
  useHistoryPersistence(historyFile, state.history.entries, historyLimit, notice);

  const r = state.running;
  return (
    <Box flexDirection="column">
      <Static key={state.transcriptEpoch} items={[...state.transcript]}>
        {(item) => (
          <Box key={item.id} flexDirection="column">
            <TranscriptItem item={item} width={width} />
          </Box>
        )}
      </Static>
      {r === null ? <InputPrompt buffer={state.input} /> : null}
      {r !== null && r.columns !== null && r.columns.length > 0 && r.widths === null ? <LiveHeader columns={r.columns} width={width} /> : null}
      <StatusLine
        target={client.target}
        version={client.version}
        running={r !== null}
        queryId={r?.queryId ?? null}
        rowCount={r?.rowCount ?? 0}
        cancelling={r?.cancelling ?? false}
      />
    </Box>
  );
}
