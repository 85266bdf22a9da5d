import { describe, expect, it } from 'vitest';
import { commandForKey, KEY_BINDINGS, keyPresses, typedLines } from '../../src/shell/keys.js';

describe('key table', () => {
  it('maps keys to named commands', () => {
    expect(commandForKey('', { return: true })).toBe('submit');
    expect(commandForKey('', { return: true, meta: true })).toBe('newline');
    expect(commandForKey('\n', {})).toBe('newline');
    expect(commandForKey('', { leftArrow: true })).toBe('cursorLeft');
    expect(commandForKey('', { rightArrow: true })).toBe('cursorRight');
    expect(commandForKey('', { home: true })).toBe('lineStart');
    expect(commandForKey('a', { ctrl: true })).toBe('lineStart');
    expect(commandForKey('', { end: true })).toBe('lineEnd');
    expect(commandForKey('e', { ctrl: true })).toBe('lineEnd');
    expect(commandForKey('', { backspace: true })).toBe('deleteBackward');
    expect(commandForKey('', { delete: true })).toBe('deleteBackward');
    expect(commandForKey('', { upArrow: true })).toBe('cursorUp');
    expect(commandForKey('', { downArrow: true })).toBe('cursorDown');
    expect(commandForKey('c', { ctrl: true })).toBe('interrupt');
    expect(commandForKey('d', { ctrl: true })).toBe('endOfInput');
    expect(commandForKey('u', { ctrl: true })).toBe('clearInput');
    expect(commandForKey('l', { ctrl: true })).toBe('clearScreen');
  });

  it('leaves plain letters unbound', () => {
    expect(commandForKey('c', {})).toBeUndefined();
    expect(commandForKey('d', {})).toBeUndefined();
    expect(commandForKey('x', { ctrl: true })).toBeUndefined();
  });

  it('binds every command exactly once, each with a label and description for help', () => {
    const commands = KEY_BINDINGS.map((b) => b.command);
    expect(new Set(commands).size).toBe(commands.length);
    for (const b of KEY_BINDINGS) {
      expect(b.label).not.toBe('');
      expect(b.description).not.toBe('');
    }
  });

  it('types printable text, splits pastes into lines, ignores control keys', () => {
    expect(typedLines('a', {})).toEqual(['a']);
    expect(typedLines('select 1,\r2;\r', {})).toEqual(['select 1,', '2;', '']);
    expect(typedLines('a\r\nb\nc', {})).toEqual(['a', 'b', 'c']);
    expect(typedLines('x\ty', {})).toEqual(['xy']);
    expect(typedLines('x', { ctrl: true })).toBeUndefined();
    expect(typedLines('x', { meta: true })).toBeUndefined();
    expect(typedLines('', {})).toBeUndefined();
    expect(typedLines('\x07', {})).toBeUndefined();
  });

  it('cuts a chunk of several keys at its control keys, each as Ink reports it alone', () => {
    // Enter then Ctrl-C in one read of a slow process: the Ctrl-C must not be dropped as text.
    expect(keyPresses('\r\x03', {})).toEqual([{ input: '\r', key: {} }, { input: 'c', key: { ctrl: true } }]);
    expect(keyPresses('ab\x7fc\x08\x15', {})).toEqual([
      { input: 'ab', key: {} },
      { input: '', key: { delete: true } },
      { input: 'c', key: {} },
      { input: '', key: { backspace: true } },
      { input: 'u', key: { ctrl: true } },
    ]);
    expect(keyPresses('\x03\x03', {}).map((p) => commandForKey(p.input, p.key))).toEqual(['interrupt', 'interrupt']);
    // Pastes keep their line breaks and tabs as text; single keys pass through untouched.
    expect(keyPresses('select 1,\r\n2;\tx\r', {})).toEqual([{ input: 'select 1,\r\n2;\tx\r', key: {} }]);
    expect(keyPresses('c', { ctrl: true })).toEqual([{ input: 'c', key: { ctrl: true } }]);
    expect(keyPresses('\x7f', { delete: true })).toEqual([{ input: '\x7f', key: { delete: true } }]);
  });
});
