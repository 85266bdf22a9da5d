import { describe, expect, it } from 'vitest';
import * as e from '../../src/shell/line-editor.js';

const at = (text: string, cursor: number): e.EditBuffer => ({ text, cursor });

describe('line editor', () => {
  it('inserts and deletes at the cursor', () => {
    expect(e.insertText(at('ac', 1), 'b')).toEqual(at('abc', 2));
    expect(e.deleteBackward(at('abc', 2))).toEqual(at('ac', 1));
    expect(e.deleteBackward(at('abc', 0))).toEqual(at('abc', 0));
    expect(e.deleteForward(at('abc', 1))).toEqual(at('ac', 1));
    expect(e.deleteForward(at('abc', 3))).toEqual(at('abc', 3));
  });

  it('moves left and right within bounds', () => {
    expect(e.moveLeft(at('ab', 1))).toEqual(at('ab', 0));
    expect(e.moveLeft(at('ab', 0))).toEqual(at('ab', 0));
    expect(e.moveRight(at('ab', 1))).toEqual(at('ab', 2));
    expect(e.moveRight(at('ab', 2))).toEqual(at('ab', 2));
  });

  it('home and end act on the current line', () => {
    const text = 'select a,\n  b from s;';
    expect(e.moveLineStart(at(text, 14))).toEqual(at(text, 10));
    expect(e.moveLineEnd(at(text, 12))).toEqual(at(text, text.length));
    expect(e.moveLineStart(at(text, 4))).toEqual(at(text, 0));
    expect(e.moveLineEnd(at(text, 4))).toEqual(at(text, 9));
  });

  it('up and down keep the column, and give way to history at the edges', () => {
    const text = 'abcdef\nxy\nlonger';
    expect(e.moveLineUp(at(text, 2))).toBeUndefined();
    expect(e.moveLineUp(at(text, 8))).toEqual(at(text, 1));
    expect(e.moveLineUp(at(text, 14))).toEqual(at(text, 9)); // column 4 clamps to the end of "xy"
    expect(e.moveLineDown(at(text, 5))).toEqual(at(text, 9));
    expect(e.moveLineDown(at(text, 8))).toEqual(at(text, 11));
    expect(e.moveLineDown(at(text, 12))).toBeUndefined();
  });

  it('reports the cursor line and column', () => {
    expect(e.cursorPosition(at('ab\ncd', 4))).toEqual({ line: 1, column: 1 });
    expect(e.cursorPosition(at('', 0))).toEqual({ line: 0, column: 0 });
  });
});
