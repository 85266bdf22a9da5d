/** Regular-expression functions (Java pattern syntax): REGEXP_EXTRACT, REGEXP_EXTRACT_ALL, REGEXP_REPLACE, REGEXP_SPLIT_TO_ARRAY. */
import { array, STRING } from '../types/sql-type.js';
import { scalar } from './function.js';
import { allMatches, groupCount, javaPatternSplit, javaRegExp, javaReplaceAll, splitKeepingEmpty } from './java-regex.js';

const STRING_ARRAY = array(STRING);

function extract(pattern: string, input: string, group: number): string | null {
  const re = javaRegExp(pattern);
  if (group > groupCount(re)) return null;
  re.lastIndex = 0;
  const m = re.exec(input);
  return m?.[group] ?? null;
}

function extractAll(pattern: string, input: string, group: number): (string | null)[] | null {
  const re = javaRegExp(pattern);
  if (group > groupCount(re)) return null;
  return allMatches(input, re).map((m) => m[group] ?? null);
}

export const REGEXP_EXTRACT = scalar(
  'REGEXP_EXTRACT',
  'The first substring matching a pattern, or its n-th capturing group; NULL if none.',
  ['REGEXP_EXTRACT(STRING pattern, STRING input) → STRING', 'REGEXP_EXTRACT(STRING pattern, STRING input, INTEGER group) → STRING'],
  [
    { params: ['STRING', 'STRING'], returns: STRING, impl: ([p, s]) => extract(p as string, s as string, 0) },
    { params: ['STRING', 'STRING', 'INTEGER'], returns: STRING, impl: ([p, s, g]) => extract(p as string, s as string, g as number) },
  ],
);

export const REGEXP_EXTRACT_ALL = scalar(
  'REGEXP_EXTRACT_ALL',
  'Every substring matching a pattern, or the n-th capturing group of each match.',
  ['REGEXP_EXTRACT_ALL(STRING pattern, STRING input) → ARRAY<STRING>', 'REGEXP_EXTRACT_ALL(STRING pattern, STRING input, INTEGER group) → ARRAY<STRING>'],
  [
    { params: ['STRING', 'STRING'], returns: STRING_ARRAY, impl: ([p, s]) => extractAll(p as string, s as string, 0) },
    { params: ['STRING', 'STRING', 'INTEGER'], returns: STRING_ARRAY, impl: ([p, s, g]) => extractAll(p as string, s as string, g as number) },
  ],
);

export const REGEXP_REPLACE = scalar(
  'REGEXP_REPLACE',
  'Replaces every match of a pattern; the replacement may refer to groups as $1.',
  ['REGEXP_REPLACE(STRING input, STRING pattern, STRING replacement) → STRING'],
  [{ params: ['STRING', 'STRING', 'STRING'], returns: STRING, impl: ([s, p, r]) => javaReplaceAll(s as string, javaRegExp(p as string), r as string) }],
);

function regexpSplit(input: string, pattern: string): string[] {
  const re = javaRegExp(pattern);
  re.lastIndex = 0;
  const matchesEmpty = pattern === '' || new RegExp(`^(?:${re.source})$`, re.flags.replace('g', '')).test('');
  return matchesEmpty ? javaPatternSplit(input, re) : splitKeepingEmpty(input, re);
}

export const REGEXP_SPLIT_TO_ARRAY = scalar(
  'REGEXP_SPLIT_TO_ARRAY',
  'Splits a string around matches of a pattern, keeping empty pieces; an empty pattern splits into characters.',
  ['REGEXP_SPLIT_TO_ARRAY(STRING, STRING) → ARRAY<STRING>'],
  [{ params: ['STRING', 'STRING'], returns: STRING_ARRAY, impl: ([s, p]) => regexpSplit(s as string, p as string) }],
);

export const REGEX_FUNCTIONS = [REGEXP_EXTRACT, REGEXP_EXTRACT_ALL, REGEXP_REPLACE, REGEXP_SPLIT_TO_ARRAY];
