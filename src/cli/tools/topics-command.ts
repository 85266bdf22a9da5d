/**
 * `streamsql topics list | describe T | create T --partitions N [--config k=v ...] |
 *  alter T [--partitions N] [--config k=v ...] | delete T` — kafka-topics for the integrated store.
 */
import { kafkaConfigEntries } from '../../store/topic-config.js';
import type { ToolStore } from './tool-store.js';
import { configFlags } from './topic-config-flags.js';
import { intFlag, onePositional, parseToolArgs, runTool, Stdout, ToolError, withStore, type ParsedTool, TOOL_TARGET_HELP } from './tool-runner.js';

export const TOPICS_USAGE = `Usage:
  streamsql topics list
  streamsql topics describe TOPIC
  streamsql topics create TOPIC [--partitions N] [--config name=value ...]
  streamsql topics alter TOPIC [--partitions N] [--config name=value ...]
  streamsql topics delete TOPIC

Options:
${TOOL_TARGET_HELP}
  --partitions N          partition count (create: default 1; alter: can only grow)
  --config name=value     retention.ms, retention.bytes, cleanup.policy (delete|compact),
                          max.message.bytes, delete.retention.ms (repeatable)
`;

const ACTIONS = ['list', 'describe', 'create', 'alter', 'delete'] as const;
type Action = (typeof ACTIONS)[number];

export async function topicsCommand(argv: readonly string[]): Promise<number> {
  return runTool('topics', async () => {
    const parsed = parseToolArgs(argv, {
      partitions: { type: 'string' },
      config: { type: 'string', multiple: true },
    });
    if (parsed === 'help') {
      process.stdout.write(TOPICS_USAGE);
      return 0;
    }
    const [action, ...rest] = parsed.positionals;
    if (!ACTIONS.includes(action as Action)) {
      throw new ToolError(action === undefined ? 'missing action: list, describe, create, alter or delete' : `unknown action '${action}'`);
    }
    const args: ParsedTool = { ...parsed, positionals: rest };
    const out = new Stdout();
    return withStore(parsed, async (store) => {
      await out.write(await runAction(action as Action, args, store));
      return 0;
    });
  });
}

/** Performs one action and returns what to print. */
async function runAction(action: Action, args: ParsedTool, store: ToolStore): Promise<string> {
  switch (action) {
    case 'list':
      if (args.positionals.length > 0) throw new ToolError('list takes no arguments');
      return (await store.listTopics()).map((t) => `${t.name}\n`).join('');
    case 'describe':
      return describeTopic(store, onePositional(args, 'topic'));
    case 'create': {
      const name = onePositional(args, 'topic');
      const change = configFlags((args.values.config as string[] | undefined) ?? []);
      const partitions = intFlag('partitions', args.values.partitions, 1) ?? 1;
      await store.createTopic(name, { replicationFactor: 1, retentionMs: -1, cleanupPolicy: 'delete', ...change, partitions });
      return `Created topic ${name}.\n`;
    }
    case 'alter': {
      const name = onePositional(args, 'topic');
      const change = configFlags((args.values.config as string[] | undefined) ?? []);
      const partitions = intFlag('partitions', args.values.partitions, 1);
      if (partitions === undefined && Object.keys(change).length === 0) throw new ToolError('alter needs --partitions or --config');
      await store.alterTopic(name, { ...change, ...(partitions === undefined ? {} : { partitions }) });
      return `Altered topic ${name}.\n`;
    }
    case 'delete': {
      const name = onePositional(args, 'topic');
      await store.deleteTopic(name);
      return `Deleted topic ${name}.\n`;
    }
  }
}

/** kafka-topics --describe's layout, with offsets and sizes per partition. */
async function describeTopic(store: ToolStore, name: string): Promise<string> {
  const d = await store.describeTopic(name);
  if (d === undefined) throw new ToolError(`Topic '${name}' does not exist`);
  const configs = kafkaConfigEntries(d.config).map(([k, v]) => `${k}=${v}`).join(',');
  const lines = [`Topic: ${d.name}\tPartitionCount: ${d.config.partitions}\tReplicationFactor: ${d.config.replicationFactor}\tConfigs: ${configs}`];
  for (let p = 0; p < d.config.partitions; p++) {
    const { start, end } = await store.offsets(name, p);
    lines.push(`\tPartition: ${p}\tStartOffset: ${start}\tEndOffset: ${end}\tBytes: ${await store.partitionBytes(name, p)}`);
  }
  return lines.join('\n') + '\n';
}
