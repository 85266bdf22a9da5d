/**
 * `npm run bench:store`: the topic store's throughput and acknowledge latency, against raw LMDB
 * puts of the same bytes in the same batches with the same durability, in one run.
 *
 * For each record size (100 B, 1 KB) and partition count (1, 6): one producer appends batches of
 * BATCH_RECORDS records round robin over the partitions, keeping IN_FLIGHT appends outstanding
 * (like a Kafka producer's max.in.flight), and times each append from call to acknowledgement
 * (durable: fsync on). Then one consumer reads every partition from offset 0 to the end.
 * The raw baseline writes the same values under 16-byte keys, one lmdb-js transaction per batch,
 * IN_FLIGHT outstanding, overlappingSync off (the store's durability).
 * MB/s counts record values only. Every case runs REPEATS times, store and raw alternating, and
 * reports medians. The last line is JSON (1 KB records, 1 partition).
 * Environment: BENCH_STORE_MB (values per case, default 16), BENCH_STORE_REPEATS (default 3).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { open } from 'lmdb';
import { openLmdbTopicStore } from '../../src/store/lmdb/index.js';
import { INITIAL_MAP_SIZE } from '../../src/store/lmdb/lmdb-topic-store.js';
import { recordKey } from '../../src/store/lmdb/record-key.js';
import type { ProducerRecord } from '../../src/store/topic-store.js';
import type { Durability } from '../../src/store/lmdb/index.js';

const BATCH_RECORDS = 100;
const IN_FLIGHT = 4;
/** Bytes of values written per case (so every case takes a similar, short time). */
const BYTES_PER_CASE = Number(process.env.BENCH_STORE_MB ?? 16) * 1024 * 1024;
/**
 * Each case runs this many times, store and raw LMDB alternating, and reports medians (latencies
 * pooled): on a shared machine the disk's fsync time swings between runs.
 */
const REPEATS = Number(process.env.BENCH_STORE_REPEATS ?? 3);
const READ_CHUNK = 1_000;
const MB = 1024 * 1024;

interface ProduceResult {
  readonly seconds: number;
  readonly latenciesMs: number[];
}

interface CaseResult {
  readonly recordBytes: number;
  readonly partitions: number;
  readonly records: number;
  readonly produceMbS: number;
  readonly produceRecS: number;
  readonly consumeMbS: number;
  readonly consumeRecS: number;
  readonly rawMbS: number;
  readonly p50AckMs: number;
  readonly p99AckMs: number;
  /** The same percentile for a raw transaction: the physical floor of acknowledge latency. */
  readonly rawP99Ms: number;
  readonly latenciesMs: readonly number[];
  readonly rawLatenciesMs: readonly number[];
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Calls `append(i)` for i in [0, batches), at most IN_FLIGHT outstanding; times each. */
async function pipelined(batches: number, append: (i: number) => Promise<unknown>): Promise<ProduceResult> {
  const latenciesMs: number[] = [];
  const started = performance.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < batches) {
      const i = next++;
      const t0 = performance.now();
      await append(i);
      latenciesMs.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return { seconds: (performance.now() - started) / 1000, latenciesMs };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'streamsql-bench-'));
}

async function rawLmdb(batch: readonly ProducerRecord[], batches: number, durability: Durability): Promise<ProduceResult> {
  const dir = tempDir();
  try {
    const root = open({ path: dir, overlappingSync: durability === 'relaxed', mapSize: INITIAL_MAP_SIZE, maxDbs: 8, compression: false });
    const db = root.openDB<Buffer, Buffer>({ name: 'records', encoding: 'binary', keyEncoding: 'binary' });
    let offset = 0;
    const result = await pipelined(batches, () =>
      root.transaction(() => {
        for (const r of batch) db.put(recordKey(1, 0, offset++), r.value as Buffer);
      }),
    );
    await root.close();
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Runs a case REPEATS times and keeps the medians; latencies are pooled. */
async function runCase(recordBytes: number, partitions: number, durability: Durability = 'fsync'): Promise<CaseResult> {
  const runs: CaseResult[] = [];
  for (let i = 0; i < REPEATS; i++) runs.push(await runOnce(recordBytes, partitions, durability));
  const pick = (f: (r: CaseResult) => number): number => median(runs.map(f));
  return {
    recordBytes,
    partitions,
    records: runs[0]!.records,
    produceMbS: pick((r) => r.produceMbS),
    produceRecS: pick((r) => r.produceRecS),
    consumeMbS: pick((r) => r.consumeMbS),
    consumeRecS: pick((r) => r.consumeRecS),
    rawMbS: pick((r) => r.rawMbS),
    p50AckMs: percentile(runs.flatMap((r) => r.latenciesMs).sort((a, b) => a - b), 50),
    p99AckMs: percentile(runs.flatMap((r) => r.latenciesMs).sort((a, b) => a - b), 99),
    rawP99Ms: percentile(runs.flatMap((r) => r.rawLatenciesMs).sort((a, b) => a - b), 99),
    latenciesMs: [],
    rawLatenciesMs: [],
  };
}

async function runOnce(recordBytes: number, partitions: number, durability: Durability): Promise<CaseResult> {
  const batches = Math.max(1, Math.round(BYTES_PER_CASE / (recordBytes * BATCH_RECORDS)));
  const records = batches * BATCH_RECORDS;
  const batch: ProducerRecord[] = Array.from({ length: BATCH_RECORDS }, (_, i) => ({
    key: Buffer.from(`key-${i}`),
    value: Buffer.alloc(recordBytes, i % 256),
    timestamp: 1_700_000_000_000 + i,
  }));
  const dir = tempDir();
  try {
    const store = await openLmdbTopicStore(dir, { cleanupIntervalMs: 0, durability });
    await store.createTopic('bench', { partitions, replicationFactor: 1, retentionMs: -1, cleanupPolicy: 'delete' });
    const produced = await pipelined(batches, (i) => store.append('bench', i % partitions, batch));

    const readStart = performance.now();
    let read = 0;
    for (let p = 0; p < partitions; p++) {
      const { end } = store.offsets('bench', p);
      for (let from = 0; from < end; ) {
        const got = await store.read('bench', p, from, READ_CHUNK);
        read += got.length;
        from = got[got.length - 1]!.offset + 1;
      }
    }
    const readSeconds = (performance.now() - readStart) / 1000;
    if (read !== records) throw new Error(`read ${read} records, produced ${records}`);
    await store.close();

    const raw = await rawLmdb(batch, batches, durability);
    const bytes = records * recordBytes;
    const sorted = [...produced.latenciesMs].sort((a, b) => a - b);
    return {
      recordBytes,
      partitions,
      records,
      produceMbS: bytes / MB / produced.seconds,
      produceRecS: records / produced.seconds,
      consumeMbS: bytes / MB / readSeconds,
      consumeRecS: records / readSeconds,
      rawMbS: bytes / MB / raw.seconds,
      p50AckMs: percentile(sorted, 50),
      p99AckMs: percentile(sorted, 99),
      rawP99Ms: percentile([...raw.latenciesMs].sort((a, b) => a - b), 99),
      latenciesMs: produced.latenciesMs,
      rawLatenciesMs: raw.latenciesMs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const round = (n: number, digits = 1): number => Number(n.toFixed(digits));

function printRow(r: CaseResult, note: string): void {
  console.log(
    [
      String(r.recordBytes).padEnd(6),
      String(r.partitions).padEnd(5),
      String(r.records).padEnd(8),
      String(Math.round(r.produceRecS)).padStart(14),
      r.produceMbS.toFixed(1).padStart(6),
      String(Math.round(r.consumeRecS)).padStart(15),
      r.consumeMbS.toFixed(1).padStart(6),
      r.rawMbS.toFixed(1).padStart(15),
      (r.produceMbS / r.rawMbS).toFixed(2).padStart(12),
      r.p50AckMs.toFixed(2).padStart(11),
      r.p99AckMs.toFixed(2).padStart(7),
      r.rawP99Ms.toFixed(2).padStart(11),
    ].join(' ') + note,
  );
}

async function main(): Promise<void> {
  console.log(`store bench: batches of ${BATCH_RECORDS} records, ${IN_FLIGHT} appends in flight, fsync on unless noted, ${BYTES_PER_CASE / MB} MB of values per case, median of ${REPEATS} runs`);
  console.log('record  parts  records   produce rec/s  MB/s   consume rec/s  MB/s    raw-lmdb MB/s  produce/raw  ack p50 ms  p99 ms  raw p99 ms');
  let headline: CaseResult | undefined;
  for (const recordBytes of [100, 1024]) {
    for (const partitions of [1, 6]) {
      const r = await runCase(recordBytes, partitions);
      if (recordBytes === 1024 && partitions === 1) headline = r;
      printRow(r, '');
    }
  }
  // For comparison only (not the headline): the same 1 KB case acknowledged before the fsync.
  printRow(await runCase(1024, 1, 'relaxed'), ' (relaxed durability)');
  const h = headline!;
  console.log(
    JSON.stringify({
      produce_mb_s: round(h.produceMbS),
      consume_mb_s: round(h.consumeMbS),
      raw_lmdb_mb_s: round(h.rawMbS),
      produce_vs_raw: round(h.produceMbS / h.rawMbS, 2),
      p99_ack_ms: round(h.p99AckMs, 2),
    }),
  );
}

await main();
