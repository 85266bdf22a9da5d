/** Compiles TRANSFORM / FILTER / REDUCE: the lambda body runs on the row extended by its params. */
import type { HigherOrder } from '../../analyze/typed-expr.js';
import { javaHashMapOrder } from '../../functions/java-hash-map.js';
import type { CompiledExpr } from './index.js';

export function compileHigherOrder(
  e: HigherOrder,
  compile: (x: HigherOrder['collection']) => CompiledExpr,
  compileBody: (x: HigherOrder['collection']) => CompiledExpr,
): CompiledExpr {
  const collection = compile(e.collection);
  const init = e.init ? compile(e.init) : undefined;
  const lambdas = e.lambdas.map((l) => ({ body: compileBody(l.body), base: l.base }));
  const call = (l: (typeof lambdas)[number], row: readonly unknown[], params: readonly unknown[]): unknown => {
    const ext = row.slice(0, l.base);
    for (const p of params) ext.push(p ?? null);
    return l.body(ext);
  };
  const isMap = e.collection.type.kind === 'MAP';
  switch (e.fn) {
    case 'TRANSFORM':
      return (row) => {
        const c = collection(row);
        if (c === null || c === undefined) return null;
        if (!isMap) return (c as unknown[]).map((v) => call(lambdas[0]!, row, [v]));
        const out = new Map<unknown, unknown>();
        for (const [k, v] of c as Map<unknown, unknown>) out.set(call(lambdas[0]!, row, [k, v]), call(lambdas[1]!, row, [k, v]));
        return out;
      };
    case 'FILTER':
      return (row) => {
        const c = collection(row);
        if (c === null || c === undefined) return null;
        if (!isMap) return (c as unknown[]).filter((v) => call(lambdas[0]!, row, [v]) === true);
        return new Map([...(c as Map<unknown, unknown>)].filter(([k, v]) => call(lambdas[0]!, row, [k, v]) === true));
      };
    case 'REDUCE':
      return (row) => {
        const c = collection(row);
        let acc = init!(row);
        if (c === null || c === undefined) return acc;
        if (!isMap) for (const v of c as unknown[]) acc = call(lambdas[0]!, row, [acc, v]);
        // Over a map, ksqlDB folds in its HashMap's order.
        else for (const [k, v] of javaHashMapOrder(c as Map<unknown, unknown>)) acc = call(lambdas[0]!, row, [acc, k, v]);
        return acc;
      };
  }
}
