/**
 * The scalar-function registry. A function family is one file exporting a list; adding a function
 * to a family is one entry there plus one test; a new family is one file plus one line below.
 */
import { typeToString } from '../types/sql-type.js';
import { AMBIGUOUS, type ArgType, type Overload, type ScalarFunction } from './function.js';
import { ARRAY_FUNCTIONS } from './arrays.js';
import { BYTES_FUNCTIONS } from './bytes.js';
import { CONVERSION_FUNCTIONS } from './conversions.js';
import { DATETIME_ADD_FUNCTIONS } from './datetime-add.js';
import { DATETIME_FORMAT_FUNCTIONS } from './datetime-format.js';
import { DATETIME_FUNCTIONS } from './datetime.js';
import { GREATEST_LEAST_FUNCTIONS } from './greatest-least.js';
import { JSON_FUNCTIONS } from './json.js';
import { MAP_FUNCTIONS } from './maps.js';
import { MASK_FUNCTIONS } from './mask.js';
import { MATH_DOUBLE_FUNCTIONS } from './math-double.js';
import { MATH_FUNCTIONS } from './math.js';
import { NULL_FUNCTIONS } from './nulls.js';
import { REGEX_FUNCTIONS } from './regex.js';
import { SPLIT_FUNCTIONS } from './split.js';
import { STRING_EDIT_FUNCTIONS } from './string-edit.js';
import { STRING_FUNCTIONS } from './strings.js';
import { URL_FUNCTIONS } from './url.js';

const FAMILIES: readonly (readonly ScalarFunction[])[] = [
  STRING_FUNCTIONS,
  STRING_EDIT_FUNCTIONS,
  SPLIT_FUNCTIONS,
  REGEX_FUNCTIONS,
  MASK_FUNCTIONS,
  BYTES_FUNCTIONS,
  MATH_FUNCTIONS,
  MATH_DOUBLE_FUNCTIONS,
  GREATEST_LEAST_FUNCTIONS,
  NULL_FUNCTIONS,
  ARRAY_FUNCTIONS,
  MAP_FUNCTIONS,
  CONVERSION_FUNCTIONS,
  DATETIME_FUNCTIONS,
  DATETIME_FORMAT_FUNCTIONS,
  DATETIME_ADD_FUNCTIONS,
  JSON_FUNCTIONS,
  URL_FUNCTIONS,
];

const BY_NAME: ReadonlyMap<string, ScalarFunction> = (() => {
  const m = new Map<string, ScalarFunction>();
  for (const fam of FAMILIES) {
    for (const f of fam) {
      if (m.has(f.name)) throw new Error(`assertion: function ${f.name} registered twice`);
      m.set(f.name, f);
    }
  }
  return m;
})();

export type FunctionResolution =
  | { readonly ok: true; readonly fn: ScalarFunction; readonly overload: Overload }
  | { readonly ok: false; readonly code: 'UNKNOWN_FUNCTION' | 'FUNCTION_ARGUMENTS'; readonly message: string };

export function getFunction(name: string): ScalarFunction | undefined {
  return BY_NAME.get(name.toUpperCase());
}

export function listFunctions(): readonly ScalarFunction[] {
  return [...BY_NAME.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Resolves `name(argTypes)`; argument type null is an untyped NULL literal. Messages follow ksqlDB. */
export function resolveFunction(name: string, argTypes: readonly ArgType[]): FunctionResolution {
  const fn = getFunction(name);
  if (!fn) return { ok: false, code: 'UNKNOWN_FUNCTION', message: `Can't find any functions with the name '${name}'` };
  const overload = fn.resolve(argTypes);
  const list = argTypes.map((t) => (t === null ? 'null' : typeToString(t))).join(', ');
  const shown = fn.declaredName ?? name;
  if (overload === AMBIGUOUS) {
    return {
      ok: false,
      code: 'FUNCTION_ARGUMENTS',
      message:
        `Function '${shown}' cannot be resolved due to ambiguous method parameters (${list}).\n` +
        `Use CAST() to explicitly cast your parameters to one of the supported function calls.\nValid function calls are:\n${fn.signatures.join('\n')}`,
    };
  }
  if (!overload) {
    return {
      ok: false,
      code: 'FUNCTION_ARGUMENTS',
      message: `Function '${shown}' does not accept parameters (${list}).\nValid alternatives are:\n${fn.signatures.join('\n')}`,
    };
  }
  return { ok: true, fn, overload };
}
