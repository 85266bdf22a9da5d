/** Expressions as text in error messages, in ksqlDB's ExpressionFormatter style: `(ID = '10')`, `(1 + null)`. */
import type { Expr } from '../../sql/ast.js';
import { typeToString as typeText } from '../../types/sql-type.js';

const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;

export function formatExpr(e: Expr): string {
  switch (e.kind) {
    case 'Lambda':
      return `(${e.params.join(', ')}) => ${formatExpr(e.body)}`;
    case 'NullLiteral':
      return 'null';
    case 'BooleanLiteral':
      return String(e.value);
    case 'IntegerLiteral':
    case 'DecimalLiteral':
    case 'DoubleLiteral':
      return e.text;
    case 'StringLiteral':
      return quote(e.value);
    case 'ColumnRef':
      return e.source === undefined ? e.name : `${e.source}.${e.name}`;
    case 'Dereference':
      return `${formatExpr(e.base)}->${e.field}`;
    case 'Subscript':
      return `${formatExpr(e.base)}[${formatExpr(e.index)}]`;
    case 'Unary':
      return e.op === 'NOT' ? `(NOT ${formatExpr(e.operand)})` : `${e.op}${formatExpr(e.operand)}`;
    case 'Binary':
      return `(${formatExpr(e.left)} ${e.op} ${formatExpr(e.right)})`;
    case 'IsNull':
      return `(${formatExpr(e.operand)} IS ${e.negated ? 'NOT ' : ''}NULL)`;
    case 'Like':
      return `(${formatExpr(e.operand)} ${e.negated ? 'NOT ' : ''}LIKE ${formatExpr(e.pattern)}${e.escape ? ` ESCAPE ${formatExpr(e.escape)}` : ''})`;
    case 'Between':
      return `(${formatExpr(e.operand)} ${e.negated ? 'NOT ' : ''}BETWEEN ${formatExpr(e.low)} AND ${formatExpr(e.high)})`;
    case 'InList':
      return `(${formatExpr(e.operand)} ${e.negated ? 'NOT ' : ''}IN (${e.list.map(formatExpr).join(', ')}))`;
    case 'Case': {
      const head = e.operand ? `CASE ${formatExpr(e.operand)}` : 'CASE';
      const whens = e.whens.map((w) => ` WHEN ${formatExpr(w.when)} THEN ${formatExpr(w.then)}`).join('');
      return `(${head}${whens}${e.else ? ` ELSE ${formatExpr(e.else)}` : ''} END)`;
    }
    case 'Cast':
      return `CAST(${formatExpr(e.operand)} AS ${typeText(e.type)})`;
    case 'FunctionCall':
      return `${e.name}(${e.star ? '*' : `${e.distinct ? 'DISTINCT ' : ''}${e.args.map(formatExpr).join(', ')}`})`;
    case 'ArrayConstructor':
      return `ARRAY[${e.items.map(formatExpr).join(', ')}]`;
    case 'MapConstructor':
      return `MAP(${e.entries.map((x) => `${formatExpr(x.key)}:=${formatExpr(x.value)}`).join(', ')})`;
    case 'StructConstructor':
      return `STRUCT(${e.fields.map((f) => `${f.name}:=${formatExpr(f.value)}`).join(', ')})`;
  }
}
