import { schemaInfoText, type TypesListResult } from '../../client/results.js';
import { listTable } from '../table-layout.js';

export function renderTypesList(r: TypesListResult, width: number): string[] {
  return listTable(['Type Name', 'Schema'], Object.entries(r.types).map(([name, s]) => [name, schemaInfoText(s)]), width);
}
