/**
 * Once <Static> has printed the pending items (it writes them during the commit), drop them
 * from state so a long-running push query does not keep every row in memory.
 */
import { useEffect, type Dispatch } from 'react';
import type { OutputItem, ShellAction } from '../state.js';

export function useTranscriptFlush(transcript: readonly OutputItem[], dispatch: Dispatch<ShellAction>): void {
  useEffect(() => {
    if (transcript.length > 0) dispatch({ type: 'transcriptFlushed', count: transcript.length });
  }, [transcript, dispatch]);
}
