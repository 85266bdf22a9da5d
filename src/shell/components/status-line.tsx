/** The bottom line: where we are connected, the version, and the running query with its row count. */
import { Text } from 'ink';

export interface StatusLineProps {
  readonly target: string;
  readonly version: string;
  readonly running: boolean;
  readonly queryId: string | null;
  readonly rowCount: number;
  readonly cancelling: boolean;
}

export function statusText(p: StatusLineProps): string {
  const parts = [p.target, `v${p.version}`];
  if (!p.running) parts.push('idle');
  else {
    parts.push(p.queryId === null ? 'running' : `query ${p.queryId}`, `${p.rowCount} ${p.rowCount === 1 ? 'row' : 'rows'}`);
    parts.push(p.cancelling ? 'stopping…' : 'Ctrl-C to stop');
  }
  return parts.join(' │ ');
}

export function StatusLine(p: StatusLineProps) {
  return (
    <Text dimColor wrap="truncate-end">
      {statusText(p)}
    </Text>
  );
}
