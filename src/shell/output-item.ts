/** The transcript's items: what the app prints once, through Ink's <Static>. */
import type { ClientError } from '../client/client.js';
import type { StatementResult } from '../client/results.js';

/**
 * What goes to Ink's <Static> (printed once, never redrawn). Query rows are kept as cell text
 * with the widths frozen when the first rows arrived, so every block of a table lines up.
 */
export type OutputItem =
  | { readonly kind: 'echo'; readonly id: number; readonly text: string }
  | { readonly kind: 'result'; readonly id: number; readonly result: StatementResult }
  | { readonly kind: 'error'; readonly id: number; readonly error: ClientError }
  | { readonly kind: 'text'; readonly id: number; readonly lines: readonly string[] }
  | { readonly kind: 'notice'; readonly id: number; readonly text: string }
  | { readonly kind: 'gridHeader'; readonly id: number; readonly columns: readonly string[]; readonly widths: readonly number[] }
  | { readonly kind: 'gridRows'; readonly id: number; readonly rows: readonly (readonly string[])[]; readonly widths: readonly number[] }
  | { readonly kind: 'gridEnd'; readonly id: number; readonly widths: readonly number[] }
  | { readonly kind: 'queryEnd'; readonly id: number; readonly reason: 'limit' | 'cancelled' | 'complete'; readonly rowCount: number };

/** Distributes Omit over the union, so an item can be built without its id. */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
export type NewOutputItem = WithoutId<OutputItem>;
