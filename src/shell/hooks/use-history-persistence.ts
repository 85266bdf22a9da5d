/** Writes the history file whenever the entries change (not on the first render: nothing new yet). */
import { useEffect, useRef } from 'react';
import { saveHistory } from '../history-file.js';

export function useHistoryPersistence(path: string, entries: readonly string[], limit: number, onError: (message: string) => void): void {
  const loaded = useRef(entries);
  const reported = useRef(false);
  useEffect(() => {
    if (entries === loaded.current) return;
    const error = saveHistory(path, entries, limit);
    // Say it once: a read-only home directory should not repeat the warning after every statement.
    if (error !== undefined && !reported.current) {
      reported.current = true;
      onError(error);
    }
  }, [path, entries, limit, onError]);
}
