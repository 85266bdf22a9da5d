/** After a query: ksqlDB CLI's "Limit Reached" / "Query terminated", then how many rows came. */
import { Text } from 'ink';

export function queryEndLines(reason: 'limit' | 'cancelled' | 'complete', rowCount: number): string[] {
  const lines = reason === 'limit' ? ['Limit Reached', 'Query terminated'] : ['Query terminated'];
  return [...lines, `${rowCount} ${rowCount === 1 ? 'row' : 'rows'}`];
}

export function QueryEndBlock({ reason, rowCount }: { readonly reason: 'limit' | 'cancelled' | 'complete'; readonly rowCount: number }) {
  const lines = queryEndLines(reason, rowCount);
  return (
    <>
      <Text>{lines.slice(0, -1).join('\n')}</Text>
      <Text dimColor>{lines[lines.length - 1]}</Text>
    </>
  );
}
