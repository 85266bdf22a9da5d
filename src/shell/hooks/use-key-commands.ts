/** Turns key presses into reducer actions through the binding table; typing and pastes insert text. */
import { useInput } from 'ink';
import { useCallback, type Dispatch } from 'react';
import { commandForKey, keyPresses, typedLines, type KeyPress } from '../keys.js';
import type { ShellAction } from '../state.js';

export function useKeyCommands(dispatch: Dispatch<ShellAction>): void {
  const onInput = useCallback(
    (chunk: string, chunkKey: KeyPress) => {
      // Several keys may arrive in one read (Enter then Ctrl-C): each is pressed in turn.
      for (const { input, key } of keyPresses(chunk, chunkKey)) {
        const command = commandForKey(input, key);
        if (command !== undefined) {
          dispatch({ type: 'key', command });
          continue;
        }
        const lines = typedLines(input, key) ?? [];
        lines.forEach((text, i) => {
          if (i > 0) dispatch({ type: 'key', command: 'submit' });
          if (text !== '') dispatch({ type: 'type', text });
        });
      }
    },
    [dispatch],
  );
  useInput(onInput);
}
