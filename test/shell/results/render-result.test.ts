import { describe, expect, it } from 'vitest';
import type { StatementResult } from '../../../src/client/results.js';
import { renderResult } from '../../../src/shell/results/render-result.js';

const base = { statementText: 'x', warnings: [] };

describe('renderResult', () => {
  it('currentStatus: the message in a table, warnings after', () => {
    const r: StatementResult = { '@type': 'currentStatus', ...base, commandId: 'c', commandStatus: { status: 'SUCCESS', message: 'Stream created' }, warnings: [{ message: 'careful' }] };
    expect(renderResult(r, 80)).toEqual([' Message        ', '----------------', ' Stream created ', '----------------', 'WARNING: careful']);
  });

  it('streams and tables lists', () => {
    const source = { name: 'S', topic: 't', keyFormat: 'KAFKA', valueFormat: 'JSON', isWindowed: false };
    const streams = renderResult({ '@type': 'streams', ...base, streams: [{ ...source, type: 'STREAM' }] }, 80);
    expect(streams[0]).toBe(' Stream Name | Kafka Topic | Key Format | Value Format | Windowed ');
    expect(streams[2]).toBe(' S           | t           | KAFKA      | JSON         | false    ');
    const tables = renderResult({ '@type': 'tables', ...base, tables: [{ ...source, type: 'TABLE' }] }, 80);
    expect(tables[0]).toMatch(/^ Table Name \|/);
  });

  it('topics, queries, properties, variables', () => {
    expect(renderResult({ '@type': 'kafka_topics', ...base, topics: [{ name: 'orders', replicaInfo: [1, 1] }] }, 80)[2]).toBe(' orders      | 2          | 1 1                ');
    const q = renderResult({ '@type': 'queries', ...base, queries: [{ id: 'CSAS_1', queryType: 'PERSISTENT', state: 'RUNNING', sinks: ['S2'], sinkKafkaTopics: ['S2'], queryString: 'CREATE STREAM S2 AS SELECT * FROM S;' }] }, 200);
    expect(q[2]).toContain('CSAS_1   | PERSISTENT | RUNNING | S2');
    expect(q[q.length - 1]).toBe('For detailed information on a Query run: EXPLAIN <Query ID>;');
    const p = renderResult({ '@type': 'properties', ...base, properties: [{ name: 'auto.offset.reset', scope: 'KSQL', value: 'earliest' }, { name: 'b', scope: 'KSQL', value: '1' }], overwrittenProperties: ['auto.offset.reset'], defaultProperties: [] }, 80);
    expect(p[2]).toBe(' auto.offset.reset | KSQL  | SESSION | earliest ');
    expect(p[3]).toBe(' b                 | KSQL  | SERVER  | 1        ');
    expect(renderResult({ '@type': 'variables', ...base, variables: [{ name: 'x', value: '1' }] }, 80)).toEqual([' Variable Name | Value ', '-----------------------', ' x             | 1     ', '-----------------------']);
  });

  it('sourceDescription: name, then fields with the key marked', () => {
    const d = { name: 'S', type: 'STREAM' as const, fields: [{ name: 'K', schema: { type: 'STRING' }, type: 'KEY' as const }, { name: 'V', schema: { type: 'INTEGER' } }], topic: 't', keyFormat: 'KAFKA', valueFormat: 'JSON', partitions: 1, replication: 1, timestamp: '', statement: 'CREATE STREAM S ...', extended: false };
    const lines = renderResult({ '@type': 'sourceDescription', ...base, sourceDescription: d }, 80);
    expect(lines[0]).toBe('Name                 : S');
    expect(lines).toContain(' K     | STRING  (key) ');
    expect(lines).toContain(' V     | INTEGER       ');
    expect(lines[lines.length - 1]).toMatch(/DESCRIBE <Stream,Table> EXTENDED;$/);
    const ext = renderResult({ '@type': 'sourceDescription', ...base, sourceDescription: { ...d, type: 'TABLE', extended: true } }, 80);
    expect(ext).toContain('Kafka topic          : t (partitions: 1, replication: 1)');
    expect(ext.some((l) => l.includes('(primary key)'))).toBe(true);
  });

  it('property_changed uses the ksqlDB CLI wording; DEFINE prints nothing', () => {
    const pc = (statementText: string, value: string | null, previous: string | null): string[] =>
      renderResult({ '@type': 'property_changed', statementText, name: 'auto.offset.reset', value, previous }, 80);
    expect(pc("SET 'auto.offset.reset'='earliest';", 'earliest', null)).toEqual(["Successfully changed local property 'auto.offset.reset' to 'earliest'."]);
    expect(pc("SET 'auto.offset.reset'='latest';", 'latest', 'earliest')).toEqual(["Successfully changed local property 'auto.offset.reset' from 'earliest' to 'latest'."]);
    expect(pc("UNSET 'auto.offset.reset';", null, 'latest')).toEqual(["Successfully unset local property 'auto.offset.reset' (value was 'latest')."]);
    expect(pc("DEFINE x = '1';", '1', null)).toEqual([]);
  });
});
