/**
 * Meta commands are the shell's own words (help, history, clear, exit/quit), typed without a
 * trailing `;` (one is allowed), as in ksqlDB's CLI. One command per file; they return what to
 * do as a value and the app performs it.
 */
import type { KeyBinding } from '../keys.js';

export type MetaOutcome =
  | { readonly kind: 'print'; readonly lines: readonly string[] }
  | { readonly kind: 'clearScreen' }
  | { readonly kind: 'quit' };

export interface MetaCommandContext {
  /** History before this command was added. */
  readonly history: readonly string[];
  readonly commands: readonly MetaCommand[];
  readonly keyBindings: readonly KeyBinding[];
}

export interface MetaCommand {
  /** Lower-case words that invoke it; the first is the name help shows. */
  readonly names: readonly string[];
  readonly description: string;
  run(args: string, ctx: MetaCommandContext): MetaOutcome;
}
