import type { MetaCommand } from './meta-command.js';

export const clearCommand: MetaCommand = {
  names: ['clear'],
  description: 'clear the screen',
  run: () => ({ kind: 'clearScreen' }),
};
