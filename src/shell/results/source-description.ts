/** DESCRIBE: a few `Label : value` lines, then the fields as a table, as ksqlDB's CLI lays it out. */
import type { SourceDescriptionResult } from '../../client/results.js';
import { listTable } from '../table-layout.js';

const LABEL_WIDTH = 21;

export function renderSourceDescription(r: SourceDescriptionResult, width: number): string[] {
  const d = r.sourceDescription;
  const field = (label: string, value: string): string => `${label.padEnd(LABEL_WIDTH)}: ${value}`;
  const head = [field('Name', d.name)];
  if (d.extended) {
    head.push(
      field('Type', d.type),
      field('Timestamp field', d.timestamp === '' ? 'Not set - using <ROWTIME>' : d.timestamp),
      field('Key format', d.keyFormat),
      field('Value format', d.valueFormat),
      field('Kafka topic', `${d.topic} (partitions: ${d.partitions}, replication: ${d.replication})`),
      field('Statement', d.statement),
    );
  }
  const keyNote = d.type === 'TABLE' ? '(primary key)' : '(key)';
  const rows = d.fields.map((f) => [f.name, f.type === 'KEY' ? `${f.schema.type}  ${keyNote}` : f.schema.type]);
  const tail = d.extended ? [] : ['For runtime statistics and query details run: DESCRIBE <Stream,Table> EXTENDED;'];
  return [...head, ...listTable(['Field', 'Type'], rows, width), ...tail];
}
