import type { MetaCommand } from './meta-command.js';

export const helpCommand: MetaCommand = {
  names: ['help'],
  description: 'show this help',
  run(_args, ctx) {
    const commands = ctx.commands.map((c) => `  ${c.names.join(', ').padEnd(16)} ${c.description}`);
    const keys = ctx.keyBindings.map((k) => `  ${k.label.padEnd(18)} ${k.description}`);
    return {
      kind: 'print',
      lines: [
        'Type SQL statements ending with a semicolon (;) to run them; Enter before the ; starts a new line.',
        '',
        'Shell commands:',
        ...commands,
        '',
        'Keys:',
        ...keys,
      ],
    };
  },
};
