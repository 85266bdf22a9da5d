/**
 * Turns output rows of a persistent query into records of its sink topic: key columns through the
 * key serde, value columns through the value serde, partition by murmur2 of the key bytes (as
 * Kafka's producer would), timestamp from the row's trailing ROWTIME column.
 */
import type { SourceDef } from '../analyze/catalog.js';
import { partitionForKey } from '../store/partitioner.js';
import type { PartitionWrite, ProducerRecord } from '../store/topic-store.js';
import { sourceSerdes } from './source/row-decoder.js';

export interface SinkWriter {
  /** Rows are [...key columns, ...value columns, ROWTIME]. Returns writes grouped by partition. */
  toWrites(rows: readonly (readonly unknown[])[], onError: (err: unknown, row: readonly unknown[]) => void): PartitionWrite[];
}

export function createSinkWriter(sink: SourceDef, partitions: number): SinkWriter {
  const { key, value } = sourceSerdes(sink);
  const nKey = sink.keyColumns.length;
  const nValue = sink.valueColumns.length;
  let roundRobin = 0;
  return {
    toWrites(rows, onError) {
      const byPartition = new Map<number, ProducerRecord[]>();
      for (const row of rows) {
        let keyBytes: Uint8Array | null;
        let valueBytes: Uint8Array | null;
        try {
          keyBytes = nKey === 0 ? null : key.serialize(row.slice(0, nKey));
          valueBytes = value.serialize(row.slice(nKey, nKey + nValue));
        } catch (err) {
          onError(err, row);
          continue;
        }
        const partition = keyBytes === null ? roundRobin++ % partitions : partitionForKey(keyBytes, partitions);
        let list = byPartition.get(partition);
        if (!list) byPartition.set(partition, (list = []));
        list.push({ key: keyBytes, value: valueBytes, timestamp: Number(row[nKey + nValue]) });
      }
      return [...byPartition].map(([partition, records]) => ({ topic: sink.topic, partition, records }));
    },
  };
}
