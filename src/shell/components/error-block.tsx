/** An error as the client rendered it (message, source line, caret), in red. */
import { Text } from 'ink';
import type { ClientError } from '../../client/client.js';

export function ErrorBlock({ error }: { readonly error: ClientError }) {
  return <Text color="red">{error.rendered}</Text>;
}
