/**
 * Generic walks over AST expressions: `mapExpr` rebuilds an expression bottom-up through a
 * replacement hook (used to turn aggregate calls and GROUP BY expressions into column references),
 * and `sameExpr` compares two expressions by structure, ignoring spans and identifier case.
 */
import type { Expr } from './ast.js';

/** Calls `replace` on each node top-down; a non-undefined result replaces the node (no descent). */
export function mapExpr(e: Expr, replace: (e: Expr) => Expr | undefined): Expr {
  const r = replace(e);
  if (r !== undefined) return r;
  const m = (x: Expr): Expr => mapExpr(x, replace);
  switch (e.kind) {
    case 'NullLiteral':
    case 'BooleanLiteral':
    case 'IntegerLiteral':
    case 'DecimalLiteral':
    case 'DoubleLiteral':
    case 'StringLiteral':
    case 'ColumnRef':
      return e;
    case 'Lambda':
      return { ...e, body: m(e.body) };
    case 'Dereference':
      return { ...e, base: m(e.base) };
    case 'Subscript':
      return { ...e, base: m(e.base), index: m(e.index) };
    case 'Unary':
      return { ...e, operand: m(e.operand) };
    case 'Binary':
      return { ...e, left: m(e.left), right: m(e.right) };
    case 'IsNull':
      return { ...e, operand: m(e.operand) };
    case 'Like':
      return { ...e, operand: m(e.operand), pattern: m(e.pattern), ...(e.escape ? { escape: m(e.escape) } : {}) };
    case 'Between':
      return { ...e, operand: m(e.operand), low: m(e.low), high: m(e.high) };
    case 'InList':
      return { ...e, operand: m(e.operand), list: e.list.map(m) };
    case 'Case':
      return {
        ...e,
        ...(e.operand ? { operand: m(e.operand) } : {}),
        whens: e.whens.map((w) => ({ when: m(w.when), then: m(w.then) })),
        ...(e.else ? { else: m(e.else) } : {}),
      };
    case 'Cast':
      return { ...e, operand: m(e.operand) };
    case 'FunctionCall':
      return { ...e, args: e.args.map(m) };
    case 'ArrayConstructor':
      return { ...e, items: e.items.map(m) };
    case 'MapConstructor':
      return { ...e, entries: e.entries.map((x) => ({ key: m(x.key), value: m(x.value) })) };
    case 'StructConstructor':
      return { ...e, fields: e.fields.map((f) => ({ name: f.name, value: m(f.value) })) };
  }
}

/** Visits every node (top-down). */
export function forEachExpr(e: Expr, visit: (e: Expr) => void): void {
  mapExpr(e, (x) => {
    visit(x);
    return undefined;
  });
}

/** A canonical text of an expression's structure: equal texts mean equal expressions. */
export function exprKey(e: Expr): string {
  // Qualifiers are dropped: with one source, `s.a` and `a` are the same column.
  return JSON.stringify(e, (k, v: unknown) => (k === 'span' || k === 'source' ? undefined : typeof v === 'bigint' ? v.toString() : v));
}

export function sameExpr(a: Expr, b: Expr): boolean {
  return exprKey(a) === exprKey(b);
}
