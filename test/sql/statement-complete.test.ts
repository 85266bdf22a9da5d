import { describe, expect, it } from 'vitest';
import { isStatementComplete } from '../../src/sql/split.js';

describe('isStatementComplete', () => {
  it.each([
    ['select 1;', true],
    ['select 1;  \n', true],
    ['select 1; -- trailing comment', true],
    ['select 1; /* note */', true],
    ["select 'it''s';", true],
    ['select `a;b` from s;', true],
    ['', false],
    ['   ', false],
    ['select 1', false],
    ["select ';", false],
    ["select 'a;'", false],
    ['select `a;`', false],
    ['select "a;"', false],
    ['select 1 -- ;', false],
    ['select 1 /* ; */', false],
    ['select 1; /* unterminated', false],
    ['select 1; select 2', false],
    ['select 1;\nselect 2;', true],
  ])('%j → %s', (text, expected) => {
    expect(isStatementComplete(text)).toBe(expected);
  });
});
