/**
 * Plain-text rendering of client events for `-e`/`-f` with `--output table` (the interactive
 * shell has its own Ink components). Rows stream: the header is printed once, at queryStart.
 */
import type { ClientEvent, ColumnInfo } from '../client/client.js';
import { toJsonText } from '../client/json-text.js';
import { schemaInfoText, type StatementResult } from '../client/results.js';

/** Narrowest column in a streamed table. */
const MIN_COLUMN_WIDTH = 10;

export class TextOutput {
  private widths: number[] = [];
  private rowCount = 0;

  constructor(private readonly write: (s: string) => void) {}

  event(e: ClientEvent): void {
    switch (e.type) {
      case 'result':
        this.write(renderResult(e.result));
        return;
      case 'queryStart':
        this.rowCount = 0;
        if (e.columns.length === 0) return; // PRINT
        this.widths = e.columns.map((c) => Math.max(MIN_COLUMN_WIDTH, c.name.length));
        this.write(this.rule() + this.line(e.columns.map((c: ColumnInfo) => c.name)) + this.rule());
        return;
      case 'rows':
        for (const row of e.rows) {
          this.write(this.line(row.map(cellText)));
          this.rowCount++;
        }
        return;
      case 'printLine':
        this.write(e.line + '\n');
        return;
      case 'queryEnd':
        if (this.widths.length > 0) this.write(this.rule());
        if (e.reason === 'limit') this.write('Limit Reached\n');
        this.write('Query terminated\n');
        this.widths = [];
        return;
      case 'error':
        return; // errors go to stderr, see main.ts
    }
  }

  private rule(): string {
    return '+' + this.widths.map((w) => '-'.repeat(w + 2)).join('+') + '+\n';
  }

  private line(cells: readonly string[]): string {
    return '|' + cells.map((c, i) => ` ${c.padEnd(this.widths[i] ?? 0)} `).join('|') + '|\n';
  }
}

export function cellText(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return v;
  return toJsonText(v);
}

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => ' ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' \n';
  const rule = '-'.repeat(widths.reduce((a, b) => a + b + 3, -1) + 2) + '\n';
  return line(headers) + rule + rows.map(line).join('') + rule;
}

export function renderResult(r: StatementResult): string {
  switch (r['@type']) {
    case 'currentStatus':
      return table(['Message'], [[r.commandStatus.message]]);
    case 'streams':
      return table(
        ['Stream Name', 'Kafka Topic', 'Key Format', 'Value Format', 'Windowed'],
        r.streams.map((s) => [s.name, s.topic, s.keyFormat, s.valueFormat, String(s.isWindowed)]),
      );
    case 'tables':
      return table(
        ['Table Name', 'Kafka Topic', 'Key Format', 'Value Format', 'Windowed'],
        r.tables.map((s) => [s.name, s.topic, s.keyFormat, s.valueFormat, String(s.isWindowed)]),
      );
    case 'kafka_topics':
      return table(['Kafka Topic', 'Partitions', 'Partition Replicas'], r.topics.map((t) => [t.name, String(t.replicaInfo.length), String(t.replicaInfo[0] ?? 0)]));
    case 'queries':
      return table(['Query ID', 'Query Type', 'Status', 'Sink Name', 'Sink Kafka Topic', 'Query String'], r.queries.map((q) => [q.id, q.queryType, q.state, q.sinks.join(','), q.sinkKafkaTopics.join(','), q.queryString]));
    case 'properties':
      return table(['Property', 'Scope', 'Level', 'Value'], r.properties.map((p) => [p.name, p.scope, r.overwrittenProperties.includes(p.name) ? 'SESSION' : 'DEFAULT', p.value]));
    case 'variables':
      return table(['Variable Name', 'Value'], r.variables.map((v) => [v.name, v.value]));
    case 'type_list':
      return table(['Type Name', 'Schema'], Object.entries(r.types).map(([name, s]) => [name, schemaInfoText(s)]));
    case 'sourceDescription': {
      const d = r.sourceDescription;
      const head = `\nName                 : ${d.name}\nType                 : ${d.type}\nKafka topic          : ${d.topic} (partitions: ${d.partitions}, replication: ${d.replication})\nKey format           : ${d.keyFormat}\nValue format         : ${d.valueFormat}\n${d.timestamp ? `Timestamp field      : ${d.timestamp}\n` : ''}\n`;
      return head + table(['Field', 'Type'], d.fields.map((f) => [f.name, f.schema.type + (f.type === 'KEY' ? '   (key)' : '')]));
    }
    case 'property_changed':
      return r.value === null
        ? `Successfully unset local property '${r.name}' (value was '${r.previous ?? ''}').\n`
        : `Successfully changed local property '${r.name}'${r.previous !== null ? ` from '${r.previous}'` : ''} to '${r.value}'.\n`;
  }
}
