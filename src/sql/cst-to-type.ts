/**
 * CST `type` → SqlType. Base types are identifiers (as in ksqlDB); VARCHAR and INT are aliases.
 * Any other name is a custom type (CREATE TYPE), replaced by its definition here.
 */
import type { CstNode } from 'chevrotain';
import { UserError } from './diagnostic.js';
import * as SqlTypes from '../types/sql-type.js';
import type { SqlType } from '../types/sql-type.js';
import { has, node, nodes, nodeSpan, type BuildContext } from './cst.js';
import { identifierName } from './identifiers.js';
import { INVALID_STATEMENT } from './error-codes.js';
import { signedNumberText } from './cst-to-literal.js';

const BASE_TYPES: ReadonlyMap<string, SqlType> = new Map([
  ['BOOLEAN', SqlTypes.BOOLEAN],
  ['INT', SqlTypes.INTEGER],
  ['INTEGER', SqlTypes.INTEGER],
  ['BIGINT', SqlTypes.BIGINT],
  ['DOUBLE', SqlTypes.DOUBLE],
  ['STRING', SqlTypes.STRING],
  ['VARCHAR', SqlTypes.STRING],
  ['BYTES', SqlTypes.BYTES],
  ['TIMESTAMP', SqlTypes.TIMESTAMP],
  ['DATE', SqlTypes.DATE],
  ['TIME', SqlTypes.TIME],
]);

/** Largest DECIMAL precision accepted: a named bound on decimal arithmetic, far above real schemas. */
export const MAX_DECIMAL_PRECISION = 1000;

/** The built-in type a name stands for (custom types cannot take these names). */
export function isBuiltInTypeName(name: string): boolean {
  return BASE_TYPES.has(name.toUpperCase()) || ['ARRAY', 'MAP', 'STRUCT', 'DECIMAL'].includes(name.toUpperCase());
}

export function buildType(ctx: BuildContext, n: CstNode): SqlType {
  if (has(n, 'ARRAY')) return SqlTypes.array(buildType(ctx, node(n, 'element')));
  if (has(n, 'MAP')) return SqlTypes.map(buildType(ctx, node(n, 'key')), buildType(ctx, node(n, 'value')));
  if (has(n, 'STRUCT')) {
    return SqlTypes.struct(
      nodes(n, 'structFieldType').map((f) => Object.freeze({ name: identifierName(node(f, 'name')), type: buildType(ctx, node(f, 'type')) })),
    );
  }
  if (has(n, 'DECIMAL')) return buildDecimal(ctx, n);
  const name = identifierName(node(n, 'name'));
  const t = BASE_TYPES.get(name.toUpperCase()) ?? ctx.customType?.(name);
  if (!t) throw new UserError(INVALID_STATEMENT, `Unknown type '${name}'`, nodeSpan(ctx, n));
  // Type parameters of base types (VARCHAR(STRING), VARCHAR(10)) are accepted and ignored, as
  // ksqlDB does; the grammar admits only a number or STRING (its typeParameter).
  return t;
}

function buildDecimal(ctx: BuildContext, n: CstNode): SqlType {
  const span = nodeSpan(ctx, n);
  const precision = Number(signedNumberText(node(n, 'precision')));
  const scale = Number(signedNumberText(node(n, 'scale')));
  if (!Number.isInteger(precision) || !Number.isInteger(scale)) {
    throw new UserError(INVALID_STATEMENT, 'DECIMAL precision and scale must be integers', span);
  }
  if (precision < 1) throw new UserError(INVALID_STATEMENT, `DECIMAL precision must be >= 1: DECIMAL(${precision}, ${scale})`, span);
  if (precision > MAX_DECIMAL_PRECISION) {
    throw new UserError(INVALID_STATEMENT, `DECIMAL precision must be <= ${MAX_DECIMAL_PRECISION}: DECIMAL(${precision}, ${scale})`, span);
  }
  if (scale < 0) throw new UserError(INVALID_STATEMENT, `DECIMAL scale must be >= 0: DECIMAL(${precision}, ${scale})`, span);
  if (scale > precision) {
    throw new UserError(INVALID_STATEMENT, `DECIMAL scale must not exceed precision: DECIMAL(${precision}, ${scale})`, span);
  }
  return SqlTypes.decimal(precision, scale);
}
