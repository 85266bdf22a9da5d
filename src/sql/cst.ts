/**
 * Typed access to Chevrotain CST nodes. A missing child that the grammar guarantees is a bug in
 * the parser or here, so these assert rather than return errors.
 */
import type { CstElement, CstNode, IToken } from 'chevrotain';
import type { Span } from './diagnostic.js';
import type { LineIndex } from './positions.js';
import type { SqlType } from '../types/sql-type.js';

export function isNode(e: CstElement): e is CstNode {
  return (e as CstNode).children !== undefined;
}

export function nodes(n: CstNode, key: string): CstNode[] {
  return (n.children[key] ?? []).filter(isNode);
}

export function tokens(n: CstNode, key: string): IToken[] {
  return (n.children[key] ?? []).filter((e): e is IToken => !isNode(e));
}

export function optNode(n: CstNode, key: string): CstNode | undefined {
  return nodes(n, key)[0];
}

export function optToken(n: CstNode, key: string): IToken | undefined {
  return tokens(n, key)[0];
}

export function node(n: CstNode, key: string): CstNode {
  const c = optNode(n, key);
  if (!c) throw new Error(`CST invariant: ${n.name} has no child node ${key}`);
  return c;
}

export function token(n: CstNode, key: string): IToken {
  const t = optToken(n, key);
  if (!t) throw new Error(`CST invariant: ${n.name} has no token ${key}`);
  return t;
}

export function has(n: CstNode, key: string): boolean {
  return (n.children[key]?.length ?? 0) > 0;
}

/** The one token of a node whose rule consumes exactly one token (identifier, literal). */
export function onlyToken(n: CstNode): IToken {
  for (const list of Object.values(n.children)) {
    for (const e of list) if (!isNode(e)) return e;
  }
  throw new Error(`CST invariant: ${n.name} has no token`);
}

/** Positions and source text shared by the CST→AST functions of one parse. */
export interface BuildContext {
  readonly index: LineIndex;
  /** Custom types (CREATE TYPE) by name: expanded where they are named, as ksqlDB does. */
  readonly customType?: CustomTypeLookup;
}

/** Finds a custom type by its normalized name. */
export type CustomTypeLookup = (name: string) => SqlType | undefined;

export function nodeSpan(ctx: BuildContext, n: CstNode): Span {
  const loc = n.location;
  if (!loc || Number.isNaN(loc.startOffset)) throw new Error(`CST invariant: ${n.name} has no location`);
  return ctx.index.span(loc.startOffset, (loc.endOffset ?? loc.startOffset) + 1);
}

export function tokenSpan(ctx: BuildContext, t: IToken): Span {
  return ctx.index.span(t.startOffset, (t.endOffset ?? t.startOffset) + 1);
}

export function tokensSpan(ctx: BuildContext, first: IToken, last: IToken): Span {
  return ctx.index.span(first.startOffset, (last.endOffset ?? last.startOffset) + 1);
}
