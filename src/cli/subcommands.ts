/**
 * `streamsql <subcommand> ...`: commands other than the shell (topic tools, the server). Each
 * entry loads its module lazily, so the shell's start-up does not pay for the others.
 */
export type Subcommand = (argv: readonly string[]) => Promise<number>;

export const SUBCOMMANDS: Readonly<Record<string, () => Promise<Subcommand>>> = {
  // e.g. topics: async () => (await import('./tools/topics-command.js')).topicsCommand,
  serve: async () => (await import('../server/serve-command.js')).serveCommand,
  topics: async () => (await import('./tools/topics-command.js')).topicsCommand,
  produce: async () => (await import('./tools/produce-command.js')).produceCommand,
  consume: async () => (await import('./tools/consume-command.js')).consumeCommand,
  groups: async () => (await import('./tools/groups-command.js')).groupsCommand,
};

export function findSubcommand(argv: readonly string[]): { load: () => Promise<Subcommand>; rest: readonly string[] } | undefined {
  const name = argv[0];
  if (name === undefined || name.startsWith('-') || !Object.hasOwn(SUBCOMMANDS, name)) return undefined;
  return { load: SUBCOMMANDS[name]!, rest: argv.slice(1) };
}
