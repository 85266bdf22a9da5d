/** The meta command registry and the matcher that recognises one in the input. */
import { clearCommand } from './clear.js';
import { exitCommand } from './exit.js';
import { helpCommand } from './help.js';
import { historyCommand } from './history.js';
import type { MetaCommand } from './meta-command.js';

export type { MetaCommand, MetaCommandContext, MetaOutcome } from './meta-command.js';

export const META_COMMANDS: readonly MetaCommand[] = [helpCommand, historyCommand, clearCommand, exitCommand];

/**
 * The input is a meta command when its first word names one (case-insensitive); an optional
 * trailing `;` is dropped. No SQL statement starts with these words, so there is no ambiguity.
 */
export function findMetaCommand(text: string, commands: readonly MetaCommand[] = META_COMMANDS): { command: MetaCommand; args: string } | undefined {
  const trimmed = text.trim().replace(/;\s*$/, '').trim();
  const match = /^(\S+)\s*([\s\S]*)$/.exec(trimmed);
  if (!match) return undefined;
  const word = match[1]!.toLowerCase();
  const command = commands.find((c) => c.names.includes(word));
  return command ? { command, args: match[2]! } : undefined;
}
