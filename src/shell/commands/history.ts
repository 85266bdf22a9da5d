import type { MetaCommand } from './meta-command.js';

export const historyCommand: MetaCommand = {
  names: ['history'],
  description: 'list previous statements',
  run(_args, ctx) {
    const numberWidth = String(ctx.history.length).length;
    const lines = ctx.history.flatMap((entry, i) => {
      const [first = '', ...rest] = entry.split('\n');
      const indent = ' '.repeat(numberWidth + 2);
      return [`${String(i + 1).padStart(numberWidth)}  ${first}`, ...rest.map((l) => indent + l)];
    });
    return { kind: 'print', lines: lines.length > 0 ? lines : ['(history is empty)'] };
  },
};
