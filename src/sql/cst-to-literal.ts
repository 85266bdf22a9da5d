/** CST literal rules (`literal`, `constant`, `signedNumber`) → AST literals. */
import type { CstNode, IToken } from 'chevrotain';
import * as T from '../../grammar/lexer.js';
import type { Literal } from './ast.js';
import type { Span } from './diagnostic.js';
import { has, onlyToken, optToken, nodeSpan, node, tokenSpan, type BuildContext } from './cst.js';
import { stringValue } from './identifiers.js';

/** A literal from its (single) token; `sign` is '-' for a folded leading minus. */
export function literalFromToken(t: IToken, span: Span, sign = ''): Literal {
  switch (t.tokenType) {
    case T.Null:
      return Object.freeze({ kind: 'NullLiteral', span });
    case T.True:
      return Object.freeze({ kind: 'BooleanLiteral', value: true, span });
    case T.False:
      return Object.freeze({ kind: 'BooleanLiteral', value: false, span });
    case T.StringLiteral:
      return Object.freeze({ kind: 'StringLiteral', value: stringValue(t), span });
    case T.IntegerLiteral:
      return Object.freeze({ kind: 'IntegerLiteral', text: sign + t.image, span });
    case T.DecimalLiteral:
      return Object.freeze({ kind: 'DecimalLiteral', text: sign + t.image, span });
    case T.DoubleLiteral:
      return Object.freeze({ kind: 'DoubleLiteral', text: sign + t.image, span });
    default:
      throw new Error(`CST invariant: ${t.tokenType.name} is not a literal token`);
  }
}

export function buildLiteral(ctx: BuildContext, n: CstNode): Literal {
  const t = onlyToken(n);
  return literalFromToken(t, tokenSpan(ctx, t));
}

/** `constant`: a literal whose number may carry a minus (WITH property values). */
export function buildConstant(ctx: BuildContext, n: CstNode): Literal {
  if (has(n, 'signedNumber')) return buildSignedNumber(ctx, node(n, 'signedNumber'));
  return buildLiteral(ctx, n);
}

export function buildSignedNumber(ctx: BuildContext, n: CstNode): Literal {
  const minus = optToken(n, 'Minus');
  return literalFromToken(digitsToken(n), nodeSpan(ctx, n), minus ? '-' : '');
}

/** The text of a `signedNumber`, e.g. `-1`, `2.5`. */
export function signedNumberText(n: CstNode): string {
  const minus = optToken(n, 'Minus') ? '-' : '';
  return minus + digitsToken(n).image;
}

function digitsToken(n: CstNode): IToken {
  const t = optToken(n, 'IntegerLiteral') ?? optToken(n, 'DecimalLiteral') ?? optToken(n, 'DoubleLiteral');
  if (!t) throw new Error('CST invariant: signedNumber without digits');
  return t;
}
