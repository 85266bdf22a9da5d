/** A statement result, drawn by its '@type' renderer at the current terminal width. */
import { Text } from 'ink';
import type { StatementResult } from '../../client/results.js';
import { renderResult } from '../results/render-result.js';

export function ResultBlock({ result, width }: { readonly result: StatementResult; readonly width: number }) {
  const lines = renderResult(result, width);
  return lines.length === 0 ? null : <Text>{lines.join('\n')}</Text>;
}
