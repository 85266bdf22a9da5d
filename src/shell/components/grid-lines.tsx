/** Lines of a query's row grid (header, a block of rows, or the closing rule) as one Text. */
import { Text } from 'ink';

export function GridLines({ lines }: { readonly lines: readonly string[] }) {
  return <Text wrap="truncate-end">{lines.join('\n')}</Text>;
}
