import type { TopicsListResult } from '../../client/results.js';
import { listTable } from '../table-layout.js';

export function renderTopicsList(r: TopicsListResult, width: number): string[] {
  return listTable(
    ['Kafka Topic', 'Partitions', 'Partition Replicas'],
    r.topics.map((t) => [t.name, String(t.replicaInfo.length), t.replicaInfo.join(' ')]),
    width,
  );
}
