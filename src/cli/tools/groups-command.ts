/**
 * `streamsql groups list | describe G`: consumer groups and their committed offsets, with the lag
 * per partition (end offset − committed offset), like kafka-consumer-groups --describe.
 * Members and assignments are not kept yet (no group membership in the store), so CONSUMER-ID is '-'.
 */
import type { ToolStore } from './tool-store.js';
import { onePositional, parseToolArgs, runTool, Stdout, ToolError, withStore, type ParsedTool, TOOL_TARGET_HELP } from './tool-runner.js';

export const GROUPS_USAGE = `Usage:
  streamsql groups list
  streamsql groups describe GROUP

Options:
${TOOL_TARGET_HELP}
`;

export async function groupsCommand(argv: readonly string[]): Promise<number> {
  return runTool('groups', async () => {
    const parsed = parseToolArgs(argv, {});
    if (parsed === 'help') {
      process.stdout.write(GROUPS_USAGE);
      return 0;
    }
    const [action, ...rest] = parsed.positionals;
    const args: ParsedTool = { ...parsed, positionals: rest };
    if (action !== 'list' && action !== 'describe') {
      throw new ToolError(action === undefined ? 'missing action: list or describe' : `unknown action '${action}'`);
    }
    const out = new Stdout();
    return withStore(parsed, async (store) => {
      if (action === 'list') {
        if (rest.length > 0) throw new ToolError('list takes no arguments');
        await out.write((await store.listGroups()).map((g) => `${g}\n`).join(''));
      } else {
        await out.write(await describeGroup(store, onePositional(args, 'group')));
      }
      return 0;
    });
  });
}

const HEADER = ['GROUP', 'TOPIC', 'PARTITION', 'CURRENT-OFFSET', 'LOG-END-OFFSET', 'LAG', 'CONSUMER-ID'];

async function describeGroup(store: ToolStore, group: string): Promise<string> {
  const offsets = await store.groupOffsets(group);
  if (offsets.length === 0) throw new ToolError(`Consumer group '${group}' does not exist`);
  // Every partition of every topic the group committed to; '-' where it committed nothing yet.
  const rows: string[][] = [];
  for (const topic of [...new Set(offsets.map((o) => o.topic))]) {
    const partitions = (await store.describeTopic(topic))!.config.partitions;
    for (let p = 0; p < partitions; p++) {
      const end = (await store.offsets(topic, p)).end;
      const committed = offsets.find((o) => o.topic === topic && o.partition === p)?.offset;
      const lag = committed === undefined ? '-' : String(Math.max(0, end - committed));
      rows.push([group, topic, String(p), committed === undefined ? '-' : String(committed), String(end), lag, '-']);
    }
  }
  return alignColumns([HEADER, ...rows]);
}

/** Left-aligned columns separated by two spaces, as the Kafka tools print them. */
export function alignColumns(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  ')).join('\n') + '\n';
}
