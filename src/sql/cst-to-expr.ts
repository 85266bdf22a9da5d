/**
 * CST expression rules → AST Expr. Each precedence level is a repetition in the grammar
 * (`a + b - c` is one additiveExpression with three operands); here it folds left, which gives
 * SQL's left associativity. Operator tokens of one level share a category, so their CST list is
 * already in source order.
 */
import type { CstNode, IToken } from 'chevrotain';
import * as T from '../../grammar/lexer.js';
import type { BinaryOp, ComparisonOp, Expr, Literal, WhenClause } from './ast.js';
import { cover } from './positions.js';
import { has, node, nodes, nodeSpan, optNode, optToken, token, tokens, tokenSpan, tokensSpan, type BuildContext } from './cst.js';
import { identifierName } from './identifiers.js';
import { buildLiteral, literalFromToken } from './cst-to-literal.js';
import { buildType } from './cst-to-type.js';

export function buildExpr(ctx: BuildContext, n: CstNode): Expr {
  return buildOr(ctx, node(n, 'orExpression'));
}

/** A value expression (no AND/OR/NOT or predicate at the top): GROUP BY and PARTITION BY items. */
export function buildValueExpr(ctx: BuildContext, n: CstNode): Expr {
  return buildConcat(ctx, n);
}

function foldLeft(ctx: BuildContext, operands: readonly Expr[], ops: readonly BinaryOp[]): Expr {
  let left = operands[0]!;
  for (let i = 1; i < operands.length; i++) {
    const right = operands[i]!;
    left = Object.freeze({ kind: 'Binary', op: ops[i - 1]!, left, right, span: cover(left.span, right.span) });
  }
  return left;
}

function buildOr(ctx: BuildContext, n: CstNode): Expr {
  const operands = nodes(n, 'operands').map((c) => buildAnd(ctx, c));
  return foldLeft(ctx, operands, operands.map(() => 'OR'));
}

function buildAnd(ctx: BuildContext, n: CstNode): Expr {
  const operands = nodes(n, 'operands').map((c) => buildNot(ctx, c));
  return foldLeft(ctx, operands, operands.map(() => 'AND'));
}

function buildNot(ctx: BuildContext, n: CstNode): Expr {
  const not = optToken(n, 'NOT');
  if (!not) return buildPredicated(ctx, node(n, 'predicated'));
  const operand = buildNot(ctx, node(n, 'notExpression'));
  return Object.freeze({ kind: 'Unary', op: 'NOT', operand, span: cover(tokenSpan(ctx, not), operand.span) });
}

function comparisonOp(t: IToken): ComparisonOp {
  switch (t.tokenType) {
    case T.Eq:
      return '=';
    case T.Neq:
      return '<>'; // `!=` too
    case T.Lt:
      return '<';
    case T.Lte:
      return '<=';
    case T.Gt:
      return '>';
    case T.Gte:
      return '>=';
    default:
      throw new Error(`CST invariant: ${t.tokenType.name} is not a comparison operator`);
  }
}

function buildPredicated(ctx: BuildContext, n: CstNode): Expr {
  const operand = buildConcat(ctx, node(n, 'operand'));
  const span = nodeSpan(ctx, n);
  const cmp = optToken(n, 'ComparisonOperator');
  if (cmp) {
    const right = buildConcat(ctx, node(n, 'right'));
    return Object.freeze({ kind: 'Binary', op: comparisonOp(cmp), left: operand, right, span });
  }
  const negated = has(n, 'NOT');
  const distinctFrom = optNode(n, 'distinctFrom');
  if (distinctFrom) {
    const right = buildConcat(ctx, distinctFrom);
    return Object.freeze({ kind: 'Binary', op: negated ? 'IS NOT DISTINCT FROM' : 'IS DISTINCT FROM', left: operand, right, span });
  }
  if (has(n, 'IS')) return Object.freeze({ kind: 'IsNull', operand, negated, span });
  if (has(n, 'BETWEEN')) {
    const low = buildConcat(ctx, node(n, 'low'));
    const high = buildConcat(ctx, node(n, 'high'));
    return Object.freeze({ kind: 'Between', operand, low, high, negated, span });
  }
  if (has(n, 'LIKE')) {
    const pattern = buildConcat(ctx, node(n, 'pattern'));
    const escapeToken = optToken(n, 'escape');
    const escape = escapeToken ? literalFromToken(escapeToken, tokenSpan(ctx, escapeToken)) : undefined;
    return Object.freeze({ kind: 'Like', operand, pattern, ...(escape ? { escape } : {}), negated, span });
  }
  if (has(n, 'IN')) {
    const list = Object.freeze(nodes(n, 'list').map((c) => buildExpr(ctx, c)));
    return Object.freeze({ kind: 'InList', operand, list, negated, span });
  }
  return operand;
}

function buildConcat(ctx: BuildContext, n: CstNode): Expr {
  const operands = nodes(n, 'operands').map((c) => buildAdditive(ctx, c));
  return foldLeft(ctx, operands, operands.map(() => '||'));
}

function buildAdditive(ctx: BuildContext, n: CstNode): Expr {
  const operands = nodes(n, 'operands').map((c) => buildMultiplicative(ctx, c));
  const ops = tokens(n, 'AdditiveOperator').map((t): BinaryOp => (t.tokenType === T.Plus ? '+' : '-'));
  return foldLeft(ctx, operands, ops);
}

function multiplicativeOp(t: IToken): BinaryOp {
  return t.tokenType === T.Star ? '*' : t.tokenType === T.Slash ? '/' : '%';
}

function buildMultiplicative(ctx: BuildContext, n: CstNode): Expr {
  const operands = nodes(n, 'operands').map((c) => buildUnary(ctx, c));
  return foldLeft(ctx, operands, tokens(n, 'MultiplicativeOperator').map(multiplicativeOp));
}

function isUnsignedNumber(e: Expr): e is Extract<Literal, { text: string }> {
  return (e.kind === 'IntegerLiteral' || e.kind === 'DecimalLiteral' || e.kind === 'DoubleLiteral') && !e.text.startsWith('-');
}

function buildUnary(ctx: BuildContext, n: CstNode): Expr {
  const sign = optToken(n, 'AdditiveOperator');
  if (!sign) return buildPostfix(ctx, node(n, 'postfixExpression'));
  const operand = buildUnary(ctx, node(n, 'unaryExpression'));
  const span = cover(tokenSpan(ctx, sign), operand.span);
  const op = sign.tokenType === T.Plus ? '+' : '-';
  // `-5` is one literal, as in ksqlDB's grammar: keeps -2147483648 an INTEGER.
  if (op === '-' && isUnsignedNumber(operand)) return Object.freeze({ ...operand, text: '-' + operand.text, span });
  return Object.freeze({ kind: 'Unary', op, operand, span });
}

function buildPostfix(ctx: BuildContext, n: CstNode): Expr {
  let base = buildPrimary(ctx, node(n, 'primaryExpression'));
  const brackets = tokens(n, 'LBracket');
  const closers = tokens(n, 'RBracket');
  const indexes = nodes(n, 'index');
  const arrows = tokens(n, 'Arrow');
  const fields = nodes(n, 'field');
  const suffixes = [
    ...brackets.map((t, i) => ({ offset: t.startOffset, subscript: true as const, i })),
    ...arrows.map((t, i) => ({ offset: t.startOffset, subscript: false as const, i })),
  ].sort((a, b) => a.offset - b.offset);
  for (const s of suffixes) {
    if (s.subscript) {
      const index = buildExpr(ctx, indexes[s.i]!);
      const span = cover(base.span, tokenSpan(ctx, closers[s.i]!));
      base = Object.freeze({ kind: 'Subscript', base, index, span });
    } else {
      const f = fields[s.i]!;
      base = Object.freeze({ kind: 'Dereference', base, field: identifierName(f), span: cover(base.span, nodeSpan(ctx, f)) });
    }
  }
  return base;
}

function buildPrimary(ctx: BuildContext, n: CstNode): Expr {
  const [key, children] = Object.entries(n.children)[0]!;
  const child = children[0] as CstNode;
  switch (key) {
    case 'literal':
      return buildLiteral(ctx, child);
    case 'caseExpression':
      return buildCase(ctx, child);
    case 'castExpression':
      return Object.freeze({
        kind: 'Cast',
        operand: buildExpr(ctx, node(child, 'expression')),
        type: buildType(ctx, node(child, 'type')),
        span: nodeSpan(ctx, child),
      });
    case 'arrayConstructor':
      return Object.freeze({
        kind: 'ArrayConstructor',
        items: Object.freeze(nodes(child, 'items').map((c) => buildExpr(ctx, c))),
        span: nodeSpan(ctx, child),
      });
    case 'mapConstructor': {
      const values = nodes(child, 'values');
      const entries = nodes(child, 'keys').map((k, i) =>
        Object.freeze({ key: buildExpr(ctx, k), value: buildExpr(ctx, values[i]!) }),
      );
      return Object.freeze({ kind: 'MapConstructor', entries: Object.freeze(entries), span: nodeSpan(ctx, child) });
    }
    case 'structConstructor': {
      const values = nodes(child, 'values');
      const fields = nodes(child, 'names').map((k, i) =>
        Object.freeze({ name: identifierName(k), value: buildExpr(ctx, values[i]!) }),
      );
      return Object.freeze({ kind: 'StructConstructor', fields: Object.freeze(fields), span: nodeSpan(ctx, child) });
    }
    case 'functionCall':
      return Object.freeze({
        kind: 'FunctionCall',
        name: identifierName(node(child, 'name')).toUpperCase(),
        // Lambdas come last in every higher-order function, so they follow the other arguments.
        args: Object.freeze([
          ...nodes(child, 'args').map((c) => buildExpr(ctx, c)),
          ...nodes(child, 'lambdas').map(
            (l): Expr =>
              Object.freeze({
                kind: 'Lambda',
                params: Object.freeze(nodes(l, 'params').map((p) => identifierName(p))),
                body: buildExpr(ctx, node(l, 'body')),
                span: nodeSpan(ctx, l),
              }),
          ),
        ]),
        star: has(child, 'Star'),
        distinct: has(child, 'DISTINCT'),
        span: nodeSpan(ctx, child),
      });
    case 'columnReference': {
      const parts = nodes(child, 'parts');
      const span = nodeSpan(ctx, child);
      return parts.length === 2
        ? Object.freeze({ kind: 'ColumnRef', source: identifierName(parts[0]!), name: identifierName(parts[1]!), span })
        : Object.freeze({ kind: 'ColumnRef', name: identifierName(parts[0]!), span });
    }
    case 'parenthesized':
      return buildExpr(ctx, node(child, 'expression'));
    default:
      throw new Error(`CST invariant: unexpected primary expression ${key}`);
  }
}

function buildCase(ctx: BuildContext, n: CstNode): Expr {
  const operandNode = optNode(n, 'operand');
  const elseNode = optNode(n, 'else');
  const whens: WhenClause[] = nodes(n, 'whenClause').map((w) =>
    Object.freeze({ when: buildExpr(ctx, node(w, 'when')), then: buildExpr(ctx, node(w, 'then')) }),
  );
  return Object.freeze({
    kind: 'Case',
    ...(operandNode ? { operand: buildExpr(ctx, operandNode) } : {}),
    whens: Object.freeze(whens),
    ...(elseNode ? { else: buildExpr(ctx, elseNode) } : {}),
    span: tokensSpan(ctx, token(n, 'CASE'), token(n, 'END')),
  });
}
