/** What Enter does with the input: nothing yet (new line), a meta command, or a statement to run. */
import { findMetaCommand, type MetaCommand } from './commands/index.js';
import { isStatementComplete } from '../sql/split.js';

export type Submission =
  | { readonly kind: 'empty' }
  | { readonly kind: 'incomplete' }
  | { readonly kind: 'meta'; readonly command: MetaCommand; readonly args: string }
  | { readonly kind: 'statement'; readonly sql: string };

export function classifySubmission(text: string): Submission {
  if (text.trim() === '') return { kind: 'empty' };
  const meta = findMetaCommand(text);
  if (meta) return { kind: 'meta', ...meta };
  return isStatementComplete(text) ? { kind: 'statement', sql: text } : { kind: 'incomplete' };
}
