/** `currentStatus` (CREATE, DROP, TERMINATE, INSERT ...): the message in a one-cell table, as ksqlDB's CLI. */
import type { CommandStatusResult } from '../../client/results.js';
import { listTable } from '../table-layout.js';

export function renderCommandStatus(r: CommandStatusResult, width: number): string[] {
  return listTable(['Message'], [[r.commandStatus.message]], width);
}
