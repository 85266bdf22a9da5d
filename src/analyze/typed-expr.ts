/**
 * Typed, resolved expressions: what the analyzer hands to the planner and the expression compiler.
 * A closed union; every node carries its result `type`. Operands are already coerced: both sides
 * of an Arithmetic or Comparison have the node's operand type (implicit widening is an explicit
 * Cast node), columns are resolved to row indexes and functions to their implementation.
 *
 * Adding a kind must not compile until the compiler's `switch` handles it.
 */
import type { ArithmeticOp, ComparisonOp } from '../sql/ast.js';
import type { Span } from '../sql/diagnostic.js';
import type { SqlType } from '../types/sql-type.js';

interface Node {
  readonly type: SqlType;
  /** Where the expression came from, for error messages at run time. */
  readonly span?: Span;
}

/** A literal (or a folded constant). value follows the representation in sql-type.ts. */
export interface Constant extends Node {
  readonly kind: 'Constant';
  readonly value: unknown;
}

export interface Column extends Node {
  readonly kind: 'Column';
  readonly index: number;
  readonly name: string;
}

/** A scalar function call; `impl` is called with evaluated arguments. */
export interface Call extends Node {
  readonly kind: 'Call';
  readonly name: string;
  readonly args: readonly TypedExpr[];
  readonly impl: (args: readonly unknown[]) => unknown;
  /** If false, a null argument makes the result null without calling impl. */
  readonly acceptsNulls: boolean;
}

/** TRANSFORM / FILTER / REDUCE over an ARRAY or MAP; lambda params sit at row[base + i]. */
export interface HigherOrder extends Node {
  readonly kind: 'HigherOrder';
  readonly fn: 'TRANSFORM' | 'FILTER' | 'REDUCE';
  readonly collection: TypedExpr;
  readonly init?: TypedExpr;
  readonly lambdas: readonly { readonly body: TypedExpr; readonly base: number }[];
}

/** CAST(x AS T), also inserted for implicit widening (`implicit`). Converts operand.type → type. */
export interface Cast extends Node {
  readonly kind: 'Cast';
  readonly operand: TypedExpr;
  readonly implicit: boolean;
}

/** + - * / % on numbers; both operands have type `type`. */
export interface Arithmetic extends Node {
  readonly kind: 'Arithmetic';
  readonly op: ArithmeticOp;
  readonly left: TypedExpr;
  readonly right: TypedExpr;
}

export interface Negate extends Node {
  readonly kind: 'Negate';
  readonly operand: TypedExpr;
}

/** String (or bytes) concatenation: `a || b`, `a + b` on strings. */
export interface Concat extends Node {
  readonly kind: 'Concat';
  readonly parts: readonly TypedExpr[];
}

/** Both operands have type `operandType`; type is BOOLEAN. */
export interface Comparison extends Node {
  readonly kind: 'Comparison';
  readonly op: ComparisonOp;
  readonly left: TypedExpr;
  readonly right: TypedExpr;
  readonly operandType: SqlType;
}

/** `a IS [NOT] DISTINCT FROM b`: equality where NULL equals NULL; never NULL itself. */
export interface IsDistinct extends Node {
  readonly kind: 'IsDistinct';
  readonly negated: boolean;
  readonly left: TypedExpr;
  readonly right: TypedExpr;
  readonly operandType: SqlType;
}

export interface And extends Node {
  readonly kind: 'And';
  readonly left: TypedExpr;
  readonly right: TypedExpr;
}

export interface Or extends Node {
  readonly kind: 'Or';
  readonly left: TypedExpr;
  readonly right: TypedExpr;
}

export interface Not extends Node {
  readonly kind: 'Not';
  readonly operand: TypedExpr;
}

export interface IsNull extends Node {
  readonly kind: 'IsNull';
  readonly operand: TypedExpr;
  readonly negated: boolean;
}

export interface Like extends Node {
  readonly kind: 'Like';
  readonly operand: TypedExpr;
  readonly pattern: TypedExpr;
  readonly escape?: TypedExpr;
  readonly negated: boolean;
}

/** operand, low and high share `operandType`. */
export interface Between extends Node {
  readonly kind: 'Between';
  readonly operand: TypedExpr;
  readonly low: TypedExpr;
  readonly high: TypedExpr;
  readonly negated: boolean;
  readonly operandType: SqlType;
}

/** operand and every list item share `operandType`; NULL items are dropped by the analyzer. */
export interface In extends Node {
  readonly kind: 'In';
  readonly operand: TypedExpr;
  readonly list: readonly TypedExpr[];
  readonly negated: boolean;
  readonly operandType: SqlType;
}

/** Searched CASE; a simple CASE is rewritten into comparisons. Missing ELSE yields NULL. */
export interface Case extends Node {
  readonly kind: 'Case';
  readonly whens: readonly { readonly when: TypedExpr; readonly then: TypedExpr }[];
  readonly else?: TypedExpr;
}

/** arr[i] (1-based, negative from the end, out of range → NULL) or map[key]. */
export interface Subscript extends Node {
  readonly kind: 'Subscript';
  readonly base: TypedExpr;
  readonly index: TypedExpr;
}

/** struct->field */
export interface Dereference extends Node {
  readonly kind: 'Dereference';
  readonly base: TypedExpr;
  readonly field: string;
}

export interface ArrayConstructor extends Node {
  readonly kind: 'ArrayConstructor';
  readonly items: readonly TypedExpr[];
}

export interface MapConstructor extends Node {
  readonly kind: 'MapConstructor';
  readonly entries: readonly { readonly key: TypedExpr; readonly value: TypedExpr }[];
}

export interface StructConstructor extends Node {
  readonly kind: 'StructConstructor';
  readonly fields: readonly { readonly name: string; readonly value: TypedExpr }[];
}

export type TypedExpr =
  | HigherOrder
  | Constant
  | Column
  | Call
  | Cast
  | Arithmetic
  | Negate
  | Concat
  | Comparison
  | IsDistinct
  | And
  | Or
  | Not
  | IsNull
  | Like
  | Between
  | In
  | Case
  | Subscript
  | Dereference
  | ArrayConstructor
  | MapConstructor
  | StructConstructor;

export type TypedExprKind = TypedExpr['kind'];
