import type { MetaCommand } from './meta-command.js';

export const exitCommand: MetaCommand = {
  names: ['exit', 'quit'],
  description: 'leave the shell (also Ctrl-D on empty input)',
  run: () => ({ kind: 'quit' }),
};
