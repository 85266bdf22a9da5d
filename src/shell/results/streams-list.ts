import type { StreamsListResult } from '../../client/results.js';
import { renderSourceList } from './source-list.js';

export function renderStreamsList(r: StreamsListResult, width: number): string[] {
  return renderSourceList('Stream Name', r.streams, width);
}
