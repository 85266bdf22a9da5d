/** Running queries (for SHOW QUERIES and ids). Time-independent, counter-based ids. */
import type { QueryInfo } from './results.js';

export class QueryRegistry {
  private next = 1;
  private readonly running = new Map<string, QueryInfo>();

  /** `prefix`: ksqlDB names a scalable push query's id SCALABLE_PUSH_QUERY_... */
  startTransient(sourceName: string, queryString: string, prefix = 'transient'): string {
    const id = `${prefix}_${sourceName}_${this.next++}`;
    this.running.set(id, { id, queryString, sinks: [], sinkKafkaTopics: [], queryType: 'PUSH', state: 'RUNNING' });
    return id;
  }

  finish(id: string): void {
    this.running.delete(id);
  }

  list(): QueryInfo[] {
    return [...this.running.values()];
  }
}
