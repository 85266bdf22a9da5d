/**
 * `streamsql produce TOPIC [--key-separator SEP] [--partition P] [--acks]`: one record per stdin
 * line, like kafka-console-producer. With a separator, `key SEP value` (a line without the
 * separator is a value with a null key); empty lines are skipped. Keys are placed by Kafka's
 * partitioner (murmur2), null keys round robin.
 *
 * Each stdin chunk becomes one append per partition, all issued in the same event turn, so the
 * store commits them in one transaction (group commit). At most MAX_IN_FLIGHT chunks wait for
 * their commit at once (memory stays bounded; stdin is paused meanwhile). With --acks each
 * record's `partition<TAB>offset` is printed, in input order, once its transaction is durable.
 */
import { partitionForKey, roundRobinChooser } from '../../store/partitioner.js';
import type { ToolStore } from './tool-store.js';
import type { ProducerRecord } from '../../store/topic-store.js';
import { LineSplitter } from './line-splitter.js';
import { intFlag, onePositional, parseToolArgs, runTool, Stdout, ToolError, withStore, TOOL_TARGET_HELP } from './tool-runner.js';

/** Chunks whose appends may be uncommitted at once. */
export const MAX_IN_FLIGHT = 8;
/** Records per append call at most (a chunk of many short lines is split). */
export const MAX_RECORDS_PER_APPEND = 10_000;

export const PRODUCE_USAGE = `Usage: streamsql produce TOPIC [options] < lines

Options:
${TOOL_TARGET_HELP}
  --key-separator SEP     each line is KEY SEP VALUE (a line without SEP: value only, null key)
  --partition P           write every record to partition P
  --acks                  print partition<TAB>offset for each record once it is durable
`;

const encoder = new TextEncoder();

export async function produceCommand(argv: readonly string[]): Promise<number> {
  return runTool('produce', async () => {
    const parsed = parseToolArgs(argv, {
      'key-separator': { type: 'string' },
      partition: { type: 'string' },
      acks: { type: 'boolean' },
    });
    if (parsed === 'help') {
      process.stdout.write(PRODUCE_USAGE);
      return 0;
    }
    const topic = onePositional(parsed, 'topic');
    const separator = parsed.values['key-separator'] as string | undefined;
    if (separator === '') throw new ToolError('--key-separator must not be empty');
    const fixedPartition = intFlag('partition', parsed.values.partition);
    const acks = parsed.values.acks === true;
    return withStore(parsed, (store) => produce(store, topic, { separator, fixedPartition, acks }, process.stdin));
  });
}

interface ProduceOptions {
  readonly separator: string | undefined;
  readonly fixedPartition: number | undefined;
  readonly acks: boolean;
}

async function produce(store: ToolStore, topic: string, opts: ProduceOptions, input: AsyncIterable<Uint8Array>): Promise<number> {
  const description = await store.describeTopic(topic);
  if (description === undefined) throw new ToolError(`Topic '${topic}' does not exist`);
  const partitions = description.config.partitions;
  if (opts.fixedPartition !== undefined && opts.fixedPartition >= partitions) {
    throw new ToolError(`Topic '${topic}' has no partition ${opts.fixedPartition}; it has ${partitions}`);
  }
  const chooseNullKey = roundRobinChooser();
  const out = new Stdout();
  const splitter = new LineSplitter();
  const inFlight = new Set<Promise<void>>();
  let printed: Promise<void> = Promise.resolve();
  let failure: unknown;

  const send = (lines: readonly string[]): void => {
    const records: { partition: number; record: ProducerRecord }[] = [];
    for (const line of lines) {
      if (line.length === 0) continue;
      const record = toRecord(line, opts.separator);
      const partition =
        opts.fixedPartition ?? (record.key === null ? chooseNullKey(topic, partitions) : partitionForKey(record.key, partitions));
      records.push({ partition, record });
    }
    for (let i = 0; i < records.length; i += MAX_RECORDS_PER_APPEND) {
      const acked = appendChunk(store, topic, records.slice(i, i + MAX_RECORDS_PER_APPEND));
      // Acks print in input order: each chunk's lines wait for the previous chunk's.
      const previous = printed;
      printed = acked.then(async (lines) => {
        await previous;
        if (opts.acks) await out.write(lines);
      });
      const tracked: Promise<void> = printed.then(
        () => void inFlight.delete(tracked),
        (err: unknown) => {
          inFlight.delete(tracked);
          failure ??= err;
        },
      );
      inFlight.add(tracked);
    }
  };

  for await (const chunk of input) {
    send(splitter.push(chunk));
    while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
    if (failure !== undefined) break;
  }
  if (failure === undefined) send(splitter.end());
  await Promise.allSettled([...inFlight]);
  if (failure !== undefined) throw failure;
  return 0;
}

/** Appends one chunk (one append per partition, same event turn) → ack lines in input order. */
async function appendChunk(store: ToolStore, topic: string, records: readonly { partition: number; record: ProducerRecord }[]): Promise<string> {
  const byPartition = new Map<number, ProducerRecord[]>();
  const indexInPartition: number[] = [];
  for (const { partition, record } of records) {
    let list = byPartition.get(partition);
    if (!list) byPartition.set(partition, (list = []));
    indexInPartition.push(list.length);
    list.push(record);
  }
  const bases = new Map<number, number>();
  await Promise.all(
    [...byPartition].map(async ([partition, list]) => {
      bases.set(partition, (await store.append(topic, partition, list)).baseOffset);
    }),
  );
  return records.map(({ partition }, i) => `${partition}\t${bases.get(partition)! + indexInPartition[i]!}\n`).join('');
}

function toRecord(line: string, separator: string | undefined): ProducerRecord {
  const at = separator === undefined ? -1 : line.indexOf(separator);
  if (at < 0) return { key: null, value: encoder.encode(line) };
  return { key: encoder.encode(line.slice(0, at)), value: encoder.encode(line.slice(at + separator!.length)) };
}
