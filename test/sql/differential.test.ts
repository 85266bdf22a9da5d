/**
 * Differential test: node-sql-parser is an independent SQL parser (PEG.js, written by other
 * people from other grammars). For standard-SQL expressions both parsers must agree on operator
 * precedence and associativity. Each AST is printed in a fully parenthesised normal form and the
 * two strings are compared. See docs/decisions/node-sql-parser.md for why it is only an oracle.
 *
 * node-sql-parser has precedence bugs of its own (it folds AND/OR left to right in WHERE, and
 * binds `||` tighter than `+`); those expressions are not compared with it but pinned below to
 * the standard / ksqlDB (SqlBase.g4) reading.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Expr, Statement } from '../../src/sql/ast.js';
import { parseStatements } from '../../src/sql/parse.js';

// node-sql-parser is CommonJS without detectable named exports; load it the CommonJS way.
const require = createRequire(import.meta.url);
const { Parser } = require('node-sql-parser') as typeof import('node-sql-parser');
const oracle = new Parser();
/** The dialect whose `||` is string concatenation and whose column refs are plain strings. */
const ORACLE_DIALECT = 'FlinkSQL';

// ---------------------------------------------------------------- our AST → normal form

function isNumericLiteral(e: Expr): e is Extract<Expr, { kind: 'IntegerLiteral' | 'DecimalLiteral' | 'DoubleLiteral' }> {
  return e.kind === 'IntegerLiteral' || e.kind === 'DecimalLiteral' || e.kind === 'DoubleLiteral';
}

/** Fully parenthesised; a minus sign glued to a number literal is printed as a signed literal. */
export function normalizeOurs(e: Expr): string {
  switch (e.kind) {
    case 'NullLiteral':
      return 'NULL';
    case 'BooleanLiteral':
      return e.value ? 'TRUE' : 'FALSE';
    case 'IntegerLiteral':
    case 'DecimalLiteral':
    case 'DoubleLiteral':
      return String(Number(e.text));
    case 'StringLiteral':
      return `'${e.value}'`;
    case 'ColumnRef':
      return e.source === undefined ? e.name : `${e.source}.${e.name}`;
    case 'Dereference':
      return `(${normalizeOurs(e.base)}->${e.field})`;
    case 'Subscript':
      return `${normalizeOurs(e.base)}[${normalizeOurs(e.index)}]`;
    case 'Unary':
      if (e.op === '-' && isNumericLiteral(e.operand)) return String(-Number(e.operand.text));
      return `(${e.op} ${normalizeOurs(e.operand)})`;
    case 'Binary':
      return `(${normalizeOurs(e.left)} ${e.op} ${normalizeOurs(e.right)})`;
    case 'IsNull':
      return `(${normalizeOurs(e.operand)} IS ${e.negated ? 'NOT ' : ''}NULL)`;
    case 'Like':
      return `(${normalizeOurs(e.operand)} ${e.negated ? 'NOT ' : ''}LIKE ${normalizeOurs(e.pattern)})`;
    case 'Between':
      return `(${normalizeOurs(e.operand)} ${e.negated ? 'NOT ' : ''}BETWEEN ${normalizeOurs(e.low)} AND ${normalizeOurs(e.high)})`;
    case 'InList':
      return `(${normalizeOurs(e.operand)} ${e.negated ? 'NOT ' : ''}IN (${e.list.map(normalizeOurs).join(', ')}))`;
    case 'Case': {
      const operand = e.operand ? ` ${normalizeOurs(e.operand)}` : '';
      const whens = e.whens.map((w) => ` WHEN ${normalizeOurs(w.when)} THEN ${normalizeOurs(w.then)}`).join('');
      const otherwise = e.else ? ` ELSE ${normalizeOurs(e.else)}` : '';
      return `CASE${operand}${whens}${otherwise} END`;
    }
    case 'Cast':
      return `CAST(${normalizeOurs(e.operand)} AS ${e.type.kind})`;
    case 'FunctionCall':
      if (e.star) return `${e.name}(*)`;
      return `${e.name}(${e.distinct ? 'DISTINCT ' : ''}${e.args.map(normalizeOurs).join(', ')})`;
    case 'ArrayConstructor':
      return `ARRAY[${e.items.map(normalizeOurs).join(', ')}]`;
    case 'MapConstructor':
      return `MAP(${e.entries.map((x) => `${normalizeOurs(x.key)} := ${normalizeOurs(x.value)}`).join(', ')})`;
    case 'StructConstructor':
      return `STRUCT(${e.fields.map((x) => `${x.name} := ${normalizeOurs(x.value)}`).join(', ')})`;
  }
}

function ourWhere(sql: string): Expr {
  const { statements, diagnostics } = parseStatements(sql);
  expect(diagnostics).toEqual([]);
  expect(statements).toHaveLength(1);
  const statement: Statement = statements[0]!.statement;
  if (statement.kind !== 'Query' || statement.where === undefined) throw new Error(`no WHERE in ${sql}`);
  return statement.where;
}

// ---------------------------------------------------------------- node-sql-parser AST → normal form

/** The parts of node-sql-parser's expression AST that the compared expressions use. */
interface OracleNode {
  readonly type: string;
  readonly operator?: string;
  readonly left?: OracleNode;
  readonly right?: OracleNode & { readonly value?: readonly OracleNode[] };
  readonly expr?: OracleNode | null;
  readonly value?: unknown;
  readonly table?: string | null;
  readonly column?: string | { readonly expr: { readonly value: string } };
  readonly name?: string | { readonly name: readonly { readonly value: string }[] };
  readonly args?: { readonly value?: readonly OracleNode[]; readonly expr?: OracleNode } | readonly OracleArm[];
}
interface OracleArm {
  readonly type: 'when' | 'else';
  readonly cond?: OracleNode;
  readonly result: OracleNode;
}

function oracleName(n: OracleNode): string {
  if (typeof n.name === 'string') return n.name.toUpperCase();
  return (n.name?.name ?? []).map((p) => p.value).join('.').toUpperCase();
}

function normalizeOracle(n: OracleNode): string {
  switch (n.type) {
    case 'binary_expr': {
      const op = n.operator!.toUpperCase() === '!=' ? '<>' : n.operator!.toUpperCase();
      const left = normalizeOracle(n.left!);
      if (op === 'BETWEEN' || op === 'NOT BETWEEN') {
        const [low, high] = n.right!.value!;
        return `(${left} ${op} ${normalizeOracle(low!)} AND ${normalizeOracle(high!)})`;
      }
      if (op === 'IN' || op === 'NOT IN') return `(${left} ${op} (${n.right!.value!.map(normalizeOracle).join(', ')}))`;
      if (op === 'IS' || op === 'IS NOT') return `(${left} ${op} ${normalizeOracle(n.right!)})`;
      return `(${left} ${op} ${normalizeOracle(n.right!)})`;
    }
    case 'unary_expr':
      return `(${n.operator!.toUpperCase()} ${normalizeOracle(n.expr!)})`;
    case 'column_ref': {
      const column = typeof n.column === 'string' ? n.column : n.column!.expr.value;
      return (n.table ? `${n.table}.` : '') + column.toUpperCase();
    }
    case 'number':
      return String(Number(n.value));
    case 'single_quote_string':
      return `'${String(n.value)}'`;
    case 'null':
      return 'NULL';
    case 'bool':
      return String(n.value).toUpperCase();
    case 'aggr_func':
    case 'function': {
      const name = oracleName(n);
      const args = n.args as { readonly value?: readonly OracleNode[]; readonly expr?: OracleNode } | undefined;
      if (args?.expr?.type === 'star') return `${name}(*)`;
      const list = args?.value ?? (args?.expr ? [args.expr] : []);
      // node-sql-parser reads `NOT (x)` as a call of a function named NOT.
      if (name === 'NOT' && list.length === 1) return `(NOT ${normalizeOracle(list[0]!)})`;
      return `${name}(${list.map(normalizeOracle).join(', ')})`;
    }
    case 'case': {
      const operand = n.expr ? ` ${normalizeOracle(n.expr)}` : '';
      const arms = (n.args as readonly OracleArm[])
        .map((a) => (a.type === 'when' ? ` WHEN ${normalizeOracle(a.cond!)} THEN ${normalizeOracle(a.result)}` : ` ELSE ${normalizeOracle(a.result)}`))
        .join('');
      return `CASE${operand}${arms} END`;
    }
    default:
      throw new Error(`normal form has no case for node-sql-parser node ${JSON.stringify(n)}`);
  }
}

function oracleWhere(sql: string): OracleNode {
  const ast = oracle.astify(sql, { database: ORACLE_DIALECT });
  const select = (Array.isArray(ast) ? ast[0] : ast) as unknown as { where: OracleNode };
  return select.where;
}

// ---------------------------------------------------------------- the cases

/** Standard-SQL WHERE expressions on which both parsers must agree. Upper-case names: ours upper-cases. */
const AGREED: readonly string[] = [
  'A + B * C',
  'A * B + C',
  'A - B - C',
  'A - B + C',
  'A / B / C',
  'A % B * C / D',
  '(A + B) * C',
  'A * (B + C)',
  '-A + B',
  '-A * B',
  'A - -1',
  '-1 + 2',
  '1.5 + 2 * 3',
  'A < B + 1',
  'A + 1 >= B * 2',
  'A <> B AND C != D',
  'A <= B OR C >= D',
  'A || B = C',
  'A || B || C',
  'NOT A = 1 AND B',
  'NOT A OR B',
  'A AND NOT B = C',
  'NOT (A OR B)',
  'A AND B AND C',
  'A OR B OR C',
  'A AND B OR C',
  'X IS NOT NULL AND Y IS NULL',
  'A + B LIKE C',
  "A LIKE B || 'x'",
  'A NOT LIKE B AND C',
  'A BETWEEN 1 + 1 AND 2 * 3',
  'A NOT BETWEEN B AND C OR D',
  'A IN (1 + 2, 3) AND B NOT IN (4)',
  'T.A = 1 AND T.B > 2',
  'F(A + B * C, D) = 1',
  'COUNT(*) > 1 + 2',
  'CASE WHEN A = 1 OR B THEN 1 + 2 ELSE 2 * 3 END = 3',
  "CASE A WHEN 1 THEN 'x' END IS NULL",
];

/**
 * Where node-sql-parser is known to be wrong, ours is pinned to the standard reading
 * (AND binds tighter than OR; in ksqlDB `||` binds looser than `+`).
 */
const PINNED: readonly (readonly [string, string])[] = [
  ['A OR B AND C', '(A OR (B AND C))'],
  ['A = B OR C = D AND E = F', '((A = B) OR ((C = D) AND (E = F)))'],
  ['A AND B OR C AND D', '((A AND B) OR (C AND D))'],
  ['X IS NOT NULL AND Y OR Z', '(((X IS NOT NULL) AND Y) OR Z)'],
  ['A || B + C', '(A || (B + C))'],
];

describe('differential: operator precedence agrees with node-sql-parser', () => {
  it('has a meaningful number of cases', () => {
    expect(AGREED.length).toBeGreaterThanOrEqual(30);
  });

  for (const where of AGREED) {
    it(where, () => {
      const sql = `SELECT X FROM T WHERE ${where};`;
      expect(normalizeOurs(ourWhere(sql))).toBe(normalizeOracle(oracleWhere(sql)));
    });
  }
});

describe('differential: expressions where node-sql-parser is wrong are pinned', () => {
  for (const [where, expected] of PINNED) {
    it(where, () => {
      expect(normalizeOurs(ourWhere(`SELECT X FROM T WHERE ${where};`))).toBe(expected);
    });
  }
});

describe('differential: the normal forms themselves', () => {
  // Guards against a normalizer that prints every tree the same way (which would make the
  // comparisons above pass vacuously).
  it('tell different groupings apart', () => {
    const a = normalizeOracle(oracleWhere('SELECT X FROM T WHERE (A + B) * C'));
    const b = normalizeOracle(oracleWhere('SELECT X FROM T WHERE A + (B * C)'));
    expect(a).toBe('((A + B) * C)');
    expect(b).toBe('(A + (B * C))');
    expect(normalizeOurs(ourWhere('SELECT X FROM T WHERE (A + B) * C;'))).toBe(a);
    expect(normalizeOurs(ourWhere('SELECT X FROM T WHERE A + (B * C);'))).toBe(b);
  });

  it('rejects chained comparisons that node-sql-parser accepts (ksqlDB predicates do not chain)', () => {
    expect(normalizeOracle(oracleWhere('SELECT X FROM T WHERE A = B = C'))).toBe('((A = B) = C)');
    const { statements, diagnostics } = parseStatements('SELECT X FROM T WHERE A = B = C;');
    expect(statements).toEqual([]);
    expect(diagnostics[0]?.code).toBe('SYNTAX_ERROR');
  });
});
