import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/conformance/main.js';

/** Hand-written cases in ksqlDB's QTT format (with the // comments and trailing commas it allows). */
const STREAM_CASES = `{
  // one of each outcome
  "tests": [
    {
      "name": "passes: records read back through a stream's serdes",
      "statements": ["CREATE STREAM S (K BIGINT KEY, V INT) WITH (kafka_topic='t', value_format='JSON', partitions=1);"],
      "inputs": [
        {"topic": "t", "key": 1, "value": {"V": 10}, "timestamp": 5},
        {"topic": "t", "key": 2, "value": {"V": 2.0}},
      ],
      "outputs": [
        {"topic": "t", "key": 1, "value": {"V": 10}, "timestamp": 5},
        {"topic": "t", "key": 2, "value": {"V": 2}, "timestamp": 0}
      ],
      "post": {"sources": [{"name": "S", "type": "stream", "schema": "K BIGINT KEY, V INT"}]}
    },
    {
      "name": "fails: a value differs",
      "statements": ["CREATE STREAM S (K BIGINT KEY, V INT) WITH (kafka_topic='t', value_format='JSON', partitions=1);"],
      "inputs": [{"topic": "t", "key": 1, "value": {"V": 10}}],
      "outputs": [{"topic": "t", "key": 1, "value": {"V": 11}}]
    },
    {
      "name": "skipped: needs AVRO",
      "format": ["AVRO"],
      "statements": ["CREATE STREAM S (K BIGINT KEY, V INT) WITH (kafka_topic='t', value_format='{FORMAT}');"],
      "inputs": [], "outputs": []
    },
    {
      "name": "expected exception",
      "statements": ["CREATE STREAM S (K BIGINT KEY, V INT) WITH (kafka_topic='t', value_format='FOO');"],
      "expectedException": {"type": "io.confluent.ksql.util.KsqlStatementException", "message": "Unknown format: FOO"}
    },
    {
      "name": "disabled",
      "enabled": false,
      "statements": ["CREATE STREAM S (K BIGINT KEY, V INT) WITH (kafka_topic='t', value_format='JSON');"]
    }
  ]
}`;

const REST_CASES = `{
  "tests": [
    {
      "name": "push query with limit",
      "statements": [
        "CREATE STREAM S (K STRING KEY, V INT) WITH (kafka_topic='t', value_format='JSON', partitions=1);",
        "SELECT K, V FROM S EMIT CHANGES LIMIT 2;"
      ],
      "inputs": [
        {"topic": "t", "key": "a", "value": {"V": 1}},
        {"topic": "t", "key": "b", "value": {"V": 2}}
      ],
      "responses": [
        {"admin": {"@type": "currentStatus", "statementText": "{STATEMENT}"}},
        {"query": [
          {"header": {"schema": "\`K\` STRING, \`V\` INTEGER"}},
          {"row": {"columns": ["a", 1]}},
          {"row": {"columns": ["b", 2]}},
          {"finalMessage": "Limit Reached"}
        ]}
      ]
    },
    {
      "name": "pull query by key on a source table: keys marked in the header, no final message",
      "statements": [
        "CREATE SOURCE TABLE T (K STRING PRIMARY KEY, V INT) WITH (kafka_topic='tt', value_format='JSON', partitions=1);",
        "SELECT * FROM T WHERE K = 'b';"
      ],
      "inputs": [
        {"topic": "tt", "key": "a", "value": {"V": 1}},
        {"topic": "tt", "key": "b", "value": {"V": 2}},
        {"topic": "tt", "key": "b", "value": {"V": 3}}
      ],
      "responses": [
        {"admin": {"@type": "currentStatus"}},
        {"query": [
          {"header": {"schema": "\`K\` STRING KEY, \`V\` INTEGER"}},
          {"row": {"columns": ["b", 3]}}
        ]}
      ]
    }
  ]
}`;

let root: string;
let streamDir: string;
let restDir: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'conformance-test-'));
  streamDir = join(root, 'query-validation-tests');
  restDir = join(root, 'rest-query-validation-tests');
  await mkdir(streamDir);
  await mkdir(restDir);
  await writeFile(join(streamDir, 'cases.json'), STREAM_CASES);
  await writeFile(join(restDir, 'rest.json'), REST_CASES);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function run(args: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await main([...args, '--workers', '0'], (l) => lines.push(...l.split('\n')));
  return { code, lines };
}

describe('conformance runner', () => {
  it('counts passed, failed and skipped cases and ends with the JSON summary line', async () => {
    const { code, lines } = await run(['--dir', streamDir, '--json', '--verbose']);
    expect(code).toBe(0);
    const summary = JSON.parse(lines[lines.length - 1]!) as unknown;
    expect(summary).toEqual({
      total: 5,
      passed: 2,
      failed: 1,
      skipped: 2,
      by_file: { 'cases.json': { passed: 2, failed: 1, skipped: 2 } },
    });
    // --verbose names the failing case and its first difference.
    const fail = lines.findIndex((l) => l.startsWith('FAIL cases.json :: fails: a value differs'));
    expect(fail).toBeGreaterThanOrEqual(0);
    expect(lines[fail + 1]).toContain('value.V: expected 11 but got 10');
  });

  it('runs REST cases (admin results, then the query header, rows and final message)', async () => {
    const { lines } = await run(['--dir', restDir, '--json']);
    const summary = JSON.parse(lines[lines.length - 1]!) as unknown;
    expect(summary).toMatchObject({ total: 2, passed: 2, failed: 0, skipped: 0 });
    // The same cases again through a real server over HTTP, counted apart.
    expect(summary).toMatchObject({ rest: { total: 2, passed: 2, failed: 0, skipped: 0, by_file: { 'rest.json': { passed: 2, failed: 0, skipped: 0 } } } });
    expect(lines.some((l) => l.startsWith('rest over HTTP: total 2  passed 2'))).toBe(true);
  });

  it('--no-http runs the REST cases in-process only', async () => {
    const { lines } = await run(['--dir', restDir, '--json', '--no-http']);
    expect(JSON.parse(lines[lines.length - 1]!)).not.toHaveProperty('rest');
  });

  it('filters by --file and --case, across repeated --dir', async () => {
    const { lines } = await run(['--dir', streamDir, '--dir', restDir, '--file', 'cases', '--case', 'fails', '--json']);
    expect(JSON.parse(lines[lines.length - 1]!)).toMatchObject({ total: 1, passed: 0, failed: 1, skipped: 0 });
  });

  it('writes the markdown table with --markdown', async () => {
    const md = join(root, 'out.md');
    await run(['--dir', streamDir, '--markdown', md]);
    const text = await readFile(md, 'utf8');
    expect(text).toContain('| cases.json | 2 | 1 | 2 | 66.7% |');
    expect(text).toContain('| format: AVRO | 1 |');
  });

  it('reports an unparseable file as a failure instead of crashing', async () => {
    const dir = join(root, 'broken');
    await mkdir(dir);
    await writeFile(join(dir, 'bad.json'), '{ "tests": [ { "name": ');
    const { lines } = await run(['--dir', dir, '--json']);
    expect(JSON.parse(lines[lines.length - 1]!)).toMatchObject({ total: 1, failed: 1 });
  });

  it('rejects unknown arguments with exit code 2', async () => {
    expect((await run(['--nope'])).code).toBe(2);
  });
});
