import type { QueriesListResult } from '../../client/results.js';
import { listTable } from '../table-layout.js';

export function renderQueriesList(r: QueriesListResult, width: number): string[] {
  const lines = listTable(
    ['Query ID', 'Query Type', 'Status', 'Sink Name', 'Sink Kafka Topic', 'Query String'],
    r.queries.map((q) => [q.id, q.queryType, q.state, q.sinks.join(', '), q.sinkKafkaTopics.join(', '), q.queryString]),
    width,
  );
  return [...lines, 'For detailed information on a Query run: EXPLAIN <Query ID>;'];
}
