import type { VariablesResult } from '../../client/results.js';
import { listTable } from '../table-layout.js';

export function renderVariables(r: VariablesResult, width: number): string[] {
  return listTable(['Variable Name', 'Value'], r.variables.map((v) => [v.name, v.value]), width);
}
