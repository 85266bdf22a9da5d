/** The output's width in columns, updated on resize. */
import { useStdout } from 'ink';
import { useEffect, useState } from 'react';
import { DEFAULT_TERMINAL_WIDTH } from '../table-layout.js';

export function useTerminalWidth(): number {
  const { stdout } = useStdout();
  const [width, setWidth] = useState(() => stdout.columns || DEFAULT_TERMINAL_WIDTH);
  useEffect(() => {
    const onResize = (): void => setWidth(stdout.columns || DEFAULT_TERMINAL_WIDTH);
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return width;
}
