/**
 * ksqlDB's co-partitioning rule: the two sides of a join (other than a foreign-key join) must
 * read topics with as many partitions, since matching keys meet only in the same partition. A
 * chain of joins counts as its last right side (a repartition keeps its source's count). As
 * ksqlDB, a side is named by its leftmost source.
 */
import { UserError } from '../sql/diagnostic.js';
import type { AnalyzedQuery } from './query.js';

/** Throws ksqlDB's "Can't join `A` with `B` since the number of partitions don't match." error. */
export function checkJoinPartitions(query: Pick<AnalyzedQuery, 'source' | 'joins'>, partitionsOf: (topic: string) => number | undefined): void {
  const leftName = query.source.name;
  let leftPartitions = partitionsOf(query.source.topic);
  for (const join of query.joins ?? []) {
    const rightPartitions = partitionsOf(join.right.topic);
    if (!join.foreignKey && leftPartitions !== undefined && rightPartitions !== undefined && leftPartitions !== rightPartitions) {
      const right = join.right.name;
      throw new UserError(
        'PARTITION_MISMATCH',
        `Can't join \`${leftName}\` with \`${right}\` since the number of partitions don't match. ` +
          `\`${leftName}\` partitions = ${leftPartitions}; \`${right}\` partitions = ${rightPartitions}. ` +
          'Please repartition either one so that the number of partitions match.',
      );
    }
    leftPartitions = rightPartitions;
  }
}
