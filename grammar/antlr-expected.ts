/**
 * ksqlDB's parser is ANTLR's: when a token does not fit, ANTLR reports the set of tokens it
 * expected at the state where it noticed, and ksqlDB shows that set when it is short
 * (`Expecting {',', ')'}`). This file computes the same set from our Chevrotain grammar and
 * prints it as ANTLR's vocabulary does (decisions/0053-antlr-expected-sets.md).
 *
 * ANTLR notices a bad token at the first decision (an optional block, a loop's entry) or match
 * that cannot be skipped, and expects what may come there. Chevrotain notices it at the token it
 * tried to match after leaving the optional parts, so the set is that token plus what the optional
 * parts right before it could have started, kept only where the tokens read so far allow it.
 */
import {
  Alternation,
  Alternative,
  EOF,
  NonTerminal,
  Option,
  Repetition,
  RepetitionMandatory,
  RepetitionMandatoryWithSeparator,
  RepetitionWithSeparator,
  Rule,
  Terminal,
  Lexer,
  type IProduction,
  type IToken,
  type TokenType,
} from 'chevrotain';
import * as T from './lexer.js';

/** The parts of the parser this needs (passed in: the parser module imports this one). */
export interface GrammarView {
  getGAstProductions(): Record<string, Rule>;
  computeContentAssist(ruleName: string, precedingInput: IToken[]): { nextTokenType: TokenType }[];
}

/** The tokens ANTLR would expect where the token `expected` of rule `ruleName` was missing. */
export function expectedAtMismatch(grammar: GrammarView, ruleName: string, expected: TokenType, before: readonly IToken[]): TokenType[] {
  const rule = grammar.getGAstProductions()[ruleName];
  const candidates = new Set<TokenType>([expected]);
  if (rule) for (const t of tokensSkippedBefore(grammar, rule.definition, expected)) candidates.add(t);
  const possible = grammar.computeContentAssist('singleStatement', [...before]).map((p) => p.nextTokenType);
  return [...candidates].filter((c) => c === expected || possible.some((p) => p === c || covers(p, c) || covers(c, p)));
}

/** Whether token type `member` belongs to the category `category`. */
function covers(category: TokenType, member: TokenType): boolean {
  return (member.CATEGORIES ?? []).includes(category);
}

/**
 * For every occurrence of `target` in a rule: the first tokens of the optional elements just
 * before it (a skipped OPTION, the next round of a loop), back to the last mandatory element.
 */
function tokensSkippedBefore(grammar: GrammarView, definition: readonly IProduction[], target: TokenType): TokenType[] {
  const found: TokenType[] = [];
  const visit = (sequence: readonly IProduction[]): void => {
    sequence.forEach((p, i) => {
      if (p instanceof Terminal && p.terminalType === target) {
        for (let j = i - 1; j >= 0; j--) {
          const before = sequence[j]!;
          found.push(...continuations(grammar, before));
          if (!isOptional(before)) break;
        }
      }
      if (p instanceof Alternation) p.definition.forEach((alt) => visit(innerOf(alt)));
      else if ('definition' in p && !(p instanceof NonTerminal)) visit((p as { definition: IProduction[] }).definition);
    });
  };
  visit(definition);
  return found;
}

/**
 * Whether rule `ruleName` has a loop that must run once and starts with one of `tokens` itself
 * (not through a sub-rule): ANTLR matches such a token as a set, so a wrong token there is a
 * mismatch; a loop over a sub-rule fails inside the sub-rule's decision instead.
 */
export function isTokenLoop(grammar: GrammarView, ruleName: string, tokens: readonly TokenType[]): boolean {
  const rule = grammar.getGAstProductions()[ruleName];
  let found = false;
  const visit = (sequence: readonly IProduction[]): void => {
    for (const p of sequence) {
      if (p instanceof RepetitionMandatory || p instanceof RepetitionMandatoryWithSeparator) {
        const head = p.definition[0];
        if (head instanceof Terminal && tokens.includes(head.terminalType)) found = true;
      }
      if (!(p instanceof NonTerminal) && !(p instanceof Terminal)) visit(innerOf(p));
    }
  };
  if (rule) visit(rule.definition);
  return found;
}

/** Tokens that could have continued `p` right after it was matched or skipped. */
function continuations(grammar: GrammarView, p: IProduction): TokenType[] {
  if (p instanceof RepetitionMandatoryWithSeparator || p instanceof RepetitionWithSeparator) return [p.separator];
  if (p instanceof Option || p instanceof Repetition || p instanceof RepetitionMandatory) return firstTokens(grammar, p.definition);
  return [];
}

function innerOf(p: IProduction): IProduction[] {
  return p instanceof Alternative || 'definition' in p ? (p as { definition: IProduction[] }).definition : [];
}

function isOptional(p: IProduction): boolean {
  return p instanceof Option || p instanceof Repetition || p instanceof RepetitionWithSeparator;
}

/** FIRST of a sequence (a sub-rule counts as never empty: none of ours can match nothing). */
function firstTokens(grammar: GrammarView, sequence: readonly IProduction[]): TokenType[] {
  const out: TokenType[] = [];
  for (const p of sequence) {
    if (p instanceof Terminal) out.push(p.terminalType);
    else if (p instanceof NonTerminal) out.push(...grammar.computeContentAssist(p.nonTerminalName, []).map((s) => s.nextTokenType));
    else if (p instanceof Alternation) p.definition.forEach((alt) => out.push(...firstTokens(grammar, innerOf(alt))));
    else if ('definition' in p) out.push(...firstTokens(grammar, (p as { definition: IProduction[] }).definition));
    if (!isOptional(p)) break;
  }
  return out;
}

// ---------------------------------------------------------------- ANTLR's vocabulary

/**
 * ANTLR numbers a grammar's tokens: first the literals written in its parser rules, in order of
 * first appearance in ksqlDB's SqlBase.g4, then its lexer rules in order (keywords, operators,
 * then the literal and identifier classes). A set prints in that order.
 */
const IMPLICIT_LITERALS: readonly TokenType[] = [T.Semicolon, T.Comma, T.LParen, T.RParen, T.Dot, T.LBracket, T.RBracket, T.Lt, T.Gt, T.StringKw, T.LambdaArrow];
const OPERATORS: readonly TokenType[] = [T.Eq, T.Neq, T.Lte, T.Gte, T.Plus, T.Minus, T.Star, T.Slash, T.Percent, T.Concat, T.Assign, T.Arrow];

/** Tokens without a literal spelling print with ANTLR's symbolic name. */
const SYMBOLIC_NAMES: ReadonlyMap<TokenType, string> = new Map([
  [T.StringLiteral, 'STRING'],
  [T.IntegerLiteral, 'INTEGER_VALUE'],
  [T.DecimalLiteral, 'DECIMAL_VALUE'],
  [T.DoubleLiteral, 'FLOATING_POINT_VALUE'],
  [T.Identifier, 'IDENTIFIER'],
  [T.QuotedIdentifier, 'QUOTED_IDENTIFIER'],
  [T.BacktickIdentifier, 'BACKQUOTED_IDENTIFIER'],
  [T.Neq, 'NEQ'],
]);

function rank(t: TokenType): number {
  if (t === EOF) return -1;
  const implicit = IMPLICIT_LITERALS.indexOf(t);
  if (implicit >= 0) return implicit;
  const keyword = T.KEYWORDS.indexOf(t);
  if (keyword >= 0) return 100 + keyword;
  const operator = OPERATORS.indexOf(t);
  if (operator >= 0) return 1000 + operator;
  const symbolic = [...SYMBOLIC_NAMES.keys()].indexOf(t);
  return 2000 + (symbolic >= 0 ? symbolic : 100);
}

function antlrName(t: TokenType): string {
  if (t === EOF) return '<EOF>';
  const symbolic = SYMBOLIC_NAMES.get(t);
  if (symbolic) return symbolic;
  const label = t.LABEL ?? t.name;
  return label.startsWith("'") ? label : `'${label}'`;
}

/** Token categories (no text of their own) stand for their members, as ANTLR lists each token. */
function expandCategories(types: readonly TokenType[]): TokenType[] {
  const out = new Set<TokenType>();
  for (const t of types) {
    const members = T.allTokens.filter((m) => covers(t, m) && m.PATTERN !== Lexer.NA);
    if (t.PATTERN === Lexer.NA && members.length > 0) members.forEach((m) => out.add(m));
    else out.add(t);
  }
  return [...out];
}

/** The set as ANTLR's IntervalSet prints it: one name alone, several in braces, in token order. */
export function antlrTokenSet(types: readonly TokenType[]): { text: string; size: number; hasEof: boolean } {
  const sorted = expandCategories(types).sort((a, b) => rank(a) - rank(b));
  const names = sorted.map(antlrName);
  const text = names.length === 1 ? names[0]! : `{${names.join(', ')}}`;
  return { text, size: names.length, hasEof: sorted.includes(EOF) };
}
