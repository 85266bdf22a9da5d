import type { TablesListResult } from '../../client/results.js';
import { renderSourceList } from './source-list.js';

export function renderTablesList(r: TablesListResult, width: number): string[] {
  return renderSourceList('Table Name', r.tables, width);
}
