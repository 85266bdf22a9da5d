/** SHOW STREAMS and SHOW TABLES share one layout; only the first header differs. */
import type { SourceInfo } from '../../client/results.js';
import { listTable } from '../table-layout.js';

export function renderSourceList(nameHeader: string, sources: readonly SourceInfo[], width: number): string[] {
  return listTable(
    [nameHeader, 'Kafka Topic', 'Key Format', 'Value Format', 'Windowed'],
    sources.map((s) => [s.name, s.topic, s.keyFormat, s.valueFormat, String(s.isWindowed)]),
    width,
  );
}
