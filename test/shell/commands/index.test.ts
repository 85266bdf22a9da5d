import { describe, expect, it } from 'vitest';
import { findMetaCommand, META_COMMANDS, type MetaCommandContext } from '../../../src/shell/commands/index.js';
import { KEY_BINDINGS } from '../../../src/shell/keys.js';

const ctx = (history: readonly string[] = []): MetaCommandContext => ({ history, commands: META_COMMANDS, keyBindings: KEY_BINDINGS });

describe('meta commands', () => {
  it('are found by their first word, any case, with or without ;', () => {
    expect(findMetaCommand('help')?.command.names[0]).toBe('help');
    expect(findMetaCommand('  HISTORY ;  ')?.command.names[0]).toBe('history');
    expect(findMetaCommand('Quit')?.command.names[0]).toBe('exit');
    expect(findMetaCommand('exit;')?.command.names[0]).toBe('exit');
    expect(findMetaCommand('clear')?.command.names[0]).toBe('clear');
    expect(findMetaCommand('select 1;')).toBeUndefined();
    expect(findMetaCommand('helpme')).toBeUndefined();
  });

  it('help lists every command and every key binding', () => {
    const out = findMetaCommand('help')!.command.run('', ctx());
    expect(out.kind).toBe('print');
    const text = out.kind === 'print' ? out.lines.join('\n') : '';
    for (const c of META_COMMANDS) expect(text).toContain(c.names.join(', '));
    for (const k of KEY_BINDINGS) expect(text).toContain(k.label);
  });

  it('history numbers entries and indents continuation lines', () => {
    const out = findMetaCommand('history')!.command.run('', ctx(['a;', 'select 1,\n2;']));
    expect(out).toEqual({ kind: 'print', lines: ['1  a;', '2  select 1,', '   2;'] });
    expect(findMetaCommand('history')!.command.run('', ctx())).toEqual({ kind: 'print', lines: ['(history is empty)'] });
  });

  it('clear and exit return their outcomes', () => {
    expect(findMetaCommand('clear')!.command.run('', ctx())).toEqual({ kind: 'clearScreen' });
    expect(findMetaCommand('exit')!.command.run('', ctx())).toEqual({ kind: 'quit' });
  });
});
