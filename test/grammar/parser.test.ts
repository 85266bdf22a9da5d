import { describe, expect, it } from 'vitest';
import { buildValidatedParser, sqlParser } from '../../grammar/parser.js';

describe('parser', () => {
  // The shared instance skips Chevrotain's validations to start fast; this is where they run.
  it('passes every Chevrotain grammar validation (no ambiguity, no left recursion)', () => {
    const validated = buildValidatedParser();
    expect(validated.definitionErrors).toEqual([]);
    expect(Object.keys(validated.getGAstProductions()).sort()).toEqual(Object.keys(sqlParser.getGAstProductions()).sort());
  });
});
