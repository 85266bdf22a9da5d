/**
 * `streamsql consume TOPIC [--from-beginning] [--group G] [--partition P [--offset O]] [--max N]
 * [--format FMT]`: prints records, like kcat -C -e: it reads up to the end offsets seen at start
 * and exits (while the tool holds the data dir nothing else can append; following a live log
 * comes with the server). Where each partition starts:
 *   --offset O (with --partition)   exactly O; outside [start, end] is an error
 *   --group G                       the group's committed offset; below the log start → the start
 *                                   (a note on stderr); none → as without a group
 *   --from-beginning                the log start offset; otherwise the end offset
 * With --group the offsets read are committed after every batch printed.
 */
import type { ToolStore } from './tool-store.js';
import type { OutOfRangePolicy } from '../../store/topic-store.js';
import { compileFormat, DEFAULT_FORMAT, type RecordFormatter } from './record-format.js';
import { intFlag, onePositional, parseToolArgs, runTool, Stdout, ToolError, withStore, TOOL_TARGET_HELP } from './tool-runner.js';

/** Records per read. */
export const CONSUME_BATCH = 1_000;

export const CONSUME_USAGE = `Usage: streamsql consume TOPIC [options]

Options:
${TOOL_TARGET_HELP}
  --from-beginning        start at the log start offset (default: at the end)
  --group G               start at G's committed offsets and commit what was printed
  --partition P           read partition P only
  --offset O              with --partition: start at offset O (also: beginning, end)
  --max N                 stop after N records
  --format FMT            kcat-style: %k key, %v value, %t topic, %p partition, %o offset,
                          %T timestamp, %h headers, %K/%S key/value size, %%, \\n \\t
                          (default '%k\\t%v\\n')
`;

export async function consumeCommand(argv: readonly string[]): Promise<number> {
  return runTool('consume', async () => {
    const parsed = parseToolArgs(argv, {
      'from-beginning': { type: 'boolean' },
      group: { type: 'string' },
      partition: { type: 'string' },
      offset: { type: 'string' },
      max: { type: 'string' },
      format: { type: 'string' },
    });
    if (parsed === 'help') {
      process.stdout.write(CONSUME_USAGE);
      return 0;
    }
    const v = parsed.values;
    const format = compileFormat(typeof v.format === 'string' ? v.format : DEFAULT_FORMAT);
    if (typeof format === 'string') throw new ToolError(format);
    const partition = intFlag('partition', v.partition);
    const offset = typeof v.offset === 'string' ? v.offset : undefined;
    if (offset !== undefined && partition === undefined) throw new ToolError('--offset needs --partition');
    if (offset !== undefined && !/^(\d+|beginning|end)$/.test(offset)) {
      throw new ToolError(`--offset expects an offset, beginning or end, got '${offset}'`);
    }
    const opts: ConsumeOptions = {
      topic: onePositional(parsed, 'topic'),
      fromBeginning: v['from-beginning'] === true,
      group: typeof v.group === 'string' ? v.group : undefined,
      partition,
      offset,
      max: intFlag('max', v.max, 1) ?? Number.POSITIVE_INFINITY,
      format,
    };
    return withStore(parsed, (store) => consume(store, opts));
  });
}

interface ConsumeOptions {
  readonly topic: string;
  readonly fromBeginning: boolean;
  readonly group: string | undefined;
  readonly partition: number | undefined;
  readonly offset: string | undefined;
  readonly max: number;
  readonly format: RecordFormatter;
}

interface Position {
  readonly partition: number;
  next: number;
  readonly stop: number;
  /** 'error' only for an offset the user gave explicitly. */
  readonly outOfRange: OutOfRangePolicy;
}

async function consume(store: ToolStore, opts: ConsumeOptions): Promise<number> {
  const description = await store.describeTopic(opts.topic);
  if (description === undefined) throw new ToolError(`Topic '${opts.topic}' does not exist`);
  const n = description.config.partitions;
  if (opts.partition !== undefined && opts.partition >= n) {
    throw new ToolError(`Topic '${opts.topic}' has no partition ${opts.partition}; it has ${n}`);
  }
  const committed = opts.group === undefined ? new Map<number, number>() : await store.committedOffsets(opts.group, opts.topic);
  const positions: Position[] = [];
  for (let p = 0; p < n; p++) {
    if (opts.partition !== undefined && p !== opts.partition) continue;
    const pos = await startPosition(store, opts, p, committed.get(p));
    // An explicit offset outside the log fails now, with the store's message (valid range included).
    if (pos.outOfRange === 'error') await store.read(opts.topic, p, pos.next, 1, { outOfRange: 'error' });
    positions.push(pos);
  }
  const out = new Stdout();
  let printed = 0;
  for (const pos of positions) {
    while (pos.next < pos.stop && printed < opts.max && !out.closed) {
      const want = Math.min(CONSUME_BATCH, pos.stop - pos.next, opts.max - printed);
      const records = await store.read(opts.topic, pos.partition, pos.next, want, { outOfRange: pos.outOfRange });
      if (records.length === 0) break;
      let text = '';
      for (const r of records) {
        if (r.offset >= pos.stop) break;
        text += opts.format(opts.topic, r);
        printed++;
        pos.next = r.offset + 1;
      }
      await out.write(text);
      if (opts.group !== undefined) await store.commitOffsets(opts.group, opts.topic, new Map([[pos.partition, pos.next]]));
    }
  }
  return 0;
}

async function startPosition(store: ToolStore, opts: ConsumeOptions, partition: number, committed: number | undefined): Promise<Position> {
  const { start, end } = await store.offsets(opts.topic, partition);
  const at = (next: number, outOfRange: OutOfRangePolicy = 'earliest'): Position => ({ partition, next, stop: end, outOfRange });
  if (opts.offset !== undefined) {
    if (opts.offset === 'beginning') return at(start);
    if (opts.offset === 'end') return at(end);
    return at(Number(opts.offset), 'error');
  }
  if (committed !== undefined) {
    if (committed < start) {
      process.stderr.write(
        `streamsql consume: group '${opts.group}' committed offset ${committed} of partition ${partition} is below the log start ${start} (retention); resetting to ${start}\n`,
      );
      return at(start);
    }
    return at(Math.min(committed, end));
  }
  return at(opts.fromBeginning ? start : end);
}
