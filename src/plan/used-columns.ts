/**
 * Which row positions an expression reads. A join keeps the rows it may still join with in state
 * (and writes them to its changelog); positions nothing after it reads are stored as NULL, so a
 * row keeps only what the query uses (Nexmark q4 kept every bid's url and padding for the whole
 * join window: most of its state bytes and much of its GC).
 */
import type { TypedExpr } from '../analyze/typed-expr.js';

/** Adds every column position `e` reads to `into` (lambda parameters too: they lie past the row). */
export function addUsedColumns(e: TypedExpr, into: Set<number>): void {
  if (e.kind === 'Column') into.add(e.index);
  for (const x of operandsOf(e)) if (x !== undefined) addUsedColumns(x, into);
}

/** An expression's operands; every kind returns, so a new kind does not compile until listed. */
function operandsOf(e: TypedExpr): readonly (TypedExpr | undefined)[] {
  switch (e.kind) {
    case 'Constant':
    case 'Column':
      return [];
    case 'Call':
      return e.args;
    case 'HigherOrder':
      return [e.collection, e.init, ...e.lambdas.map((l) => l.body)];
    case 'Cast':
    case 'Negate':
    case 'Not':
    case 'IsNull':
    case 'Dereference':
      return [e.kind === 'Dereference' ? e.base : e.operand];
    case 'Arithmetic':
    case 'Comparison':
    case 'IsDistinct':
    case 'And':
    case 'Or':
      return [e.left, e.right];
    case 'Concat':
      return e.parts;
    case 'Like':
      return [e.operand, e.pattern, e.escape];
    case 'Between':
      return [e.operand, e.low, e.high];
    case 'In':
      return [e.operand, ...e.list];
    case 'Case':
      return [...e.whens.flatMap((w) => [w.when, w.then]), e.else];
    case 'Subscript':
      return [e.base, e.index];
    case 'ArrayConstructor':
      return e.items;
    case 'MapConstructor':
      return e.entries.flatMap((x) => [x.key, x.value]);
    case 'StructConstructor':
      return e.fields.map((f) => f.value);
  }
}
