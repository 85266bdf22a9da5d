/**
 * MASK, MASK_LEFT, MASK_RIGHT, MASK_KEEP_LEFT, MASK_KEEP_RIGHT: upper-case letters become 'X',
 * lower-case 'x', digits 'n', anything else '-', unless other mask characters are given
 * (a NULL mask character leaves that class unmasked).
 */
import { ExpressionEvalError } from '../types/eval-error.js';
import { STRING } from '../types/sql-type.js';
import { scalar, type SignatureSpec } from './function.js';

/** Code point per class, or null to keep the class unmasked. */
type Masks = readonly [upper: number | null, lower: number | null, digit: number | null, other: number | null];

const DEFAULT_MASKS: Masks = ['X'.codePointAt(0)!, 'x'.codePointAt(0)!, 'n'.codePointAt(0)!, '-'.codePointAt(0)!];
const UPPER = /^\p{Lu}$/u;
const LOWER = /^\p{Ll}$/u;
const DIGIT = /^\p{Nd}$/u;

function maskChar(arg: unknown): number | null {
  if (arg === null || arg === undefined) return null;
  const s = arg as string;
  if (s.length !== 1) throw new ExpressionEvalError(`Invalid mask character. Must be only single character, but was '${s}'`);
  return s.codePointAt(0)!;
}

/** Java Masker: walks UTF-16 units, classifying the code point at each. */
function maskText(s: string, masks: Masks): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const cp = s.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const m = UPPER.test(ch) ? masks[0] : LOWER.test(ch) ? masks[1] : DIGIT.test(ch) ? masks[2] : masks[3];
    out += String.fromCodePoint(m ?? cp);
  }
  return out;
}

/** Which [start, end) range of s is masked, given n. */
type Range = (len: number, n: number) => readonly [number, number];

function maskFunction(name: string, description: string, range: Range | undefined): ReturnType<typeof scalar> {
  const nParams = range ? (['INTEGER'] as const) : ([] as const);
  const apply = (args: readonly unknown[], masks: Masks): unknown => {
    const [s, n] = args;
    if (range) {
      if (n === null || n === undefined) return null;
      if ((n as number) < 0) throw new ExpressionEvalError(`function ${name.toLowerCase()} requires a non-negative number of characters to mask or skip`);
    }
    if (s === null || s === undefined) return null;
    const str = s as string;
    const [a, b] = range ? range(str.length, n as number) : [0, str.length];
    return str.slice(0, a) + maskText(str.slice(a, b), masks) + str.slice(b);
  };
  const k = 1 + nParams.length;
  const specs: SignatureSpec[] = [
    { params: ['STRING', ...nParams], returns: STRING, acceptsNulls: true, impl: (args) => apply(args, DEFAULT_MASKS) },
    {
      params: ['STRING', ...nParams, 'STRING', 'STRING', 'STRING', 'STRING'],
      returns: STRING,
      acceptsNulls: true,
      impl: (args) => apply(args, [maskChar(args[k]), maskChar(args[k + 1]), maskChar(args[k + 2]), maskChar(args[k + 3])]),
    },
  ];
  const n = range ? ', INTEGER' : '';
  return scalar(name, description, [`${name}(STRING${n}) → STRING`, `${name}(STRING${n}, STRING upper, STRING lower, STRING digit, STRING other) → STRING`], specs);
}

export const MASK = maskFunction('MASK', 'Masks every character of a string.', undefined);
export const MASK_LEFT = maskFunction('MASK_LEFT', 'Masks the first n characters of a string.', (len, n) => [0, Math.min(n, len)]);
export const MASK_RIGHT = maskFunction('MASK_RIGHT', 'Masks the last n characters of a string.', (len, n) => [Math.max(len - n, 0), len]);
export const MASK_KEEP_LEFT = maskFunction('MASK_KEEP_LEFT', 'Masks all but the first n characters of a string.', (len, n) => [Math.min(n, len), len]);
export const MASK_KEEP_RIGHT = maskFunction('MASK_KEEP_RIGHT', 'Masks all but the last n characters of a string.', (len, n) => [0, Math.max(len - n, 0)]);

export const MASK_FUNCTIONS = [MASK, MASK_LEFT, MASK_RIGHT, MASK_KEEP_LEFT, MASK_KEEP_RIGHT];
