/**
 * Parsed statements by template (statement-template.ts), so that a server answering the same
 * query with other literals — `SELECT * FROM users WHERE id = '...'` 200 times a second — lexes
 * and parses it once. Lexing and parsing were about half of a pull query's engine CPU and
 * allocation (docs/decisions/0060-statement-cache.md).
 *
 * A hit rebuilds the statement from the cached one: the literal nodes of the template's slots get
 * the new literals, and every span after a literal moves by the difference in their lengths, so the
 * statement is the one the parser would build for the new text (error carets included). Analysis
 * and planning still run per statement: they depend on the literals (types, keys to look up).
 *
 * Before a template is trusted, a probe text (every slot's literal made one character longer) is
 * parsed and compared with the statement rebuilt for it; any difference — a literal the parser
 * reads other than as one literal node, spans that do not move as computed — marks the template
 * as never cached. The cache is emptied whenever the catalog changes (custom types change parsing).
 */
import type { Literal, Statement, StatementKind } from '../sql/ast.js';
import type { CustomTypeLookup } from '../sql/cst.js';
import type { Position } from '../sql/diagnostic.js';
import { parseStatements, splitStatements } from '../sql/parse.js';
import { stringLiteralValue, templateOf, type LiteralKind, type TemplateLiteral } from './statement-template.js';

/** Templates kept (least recently used dropped first). Each holds one statement's AST. */
export const MAX_CACHED_TEMPLATES = 512;

/** The statement kinds worth caching: the ones a server runs over and over with new literals. */
const CACHED_KINDS: ReadonlySet<StatementKind> = new Set<StatementKind>(['Query', 'InsertValues']);

const LITERAL_NODE_KIND: Record<LiteralKind, Literal['kind']> = { S: 'StringLiteral', I: 'IntegerLiteral', D: 'DecimalLiteral', E: 'DoubleLiteral' };

export interface CachedStatement {
  readonly statement: Statement;
  /** The statement's text (the script without leading and trailing blanks and comments). */
  readonly text: string;
}

/** Parses a script of one statement (the cache's probe), or undefined if it is not exactly one valid statement. */
export type ParseOne = (script: string) => Statement | undefined;

/** The session's way of parsing a script, for one statement: split, then parse at its place. */
export function parseOneWith(customType: CustomTypeLookup): ParseOne {
  return (script) => {
    const split = splitStatements(script);
    if (split.length !== 1) return undefined;
    const parsed = parseStatements(split[0]!.text, split[0]!.start, { customType });
    return parsed.diagnostics.length === 0 && parsed.statements.length === 1 ? parsed.statements[0]!.statement : undefined;
  };
}

interface Entry {
  /** The literals of the text the entry was made from, and the statement parsed from it. */
  readonly literals: readonly TemplateLiteral[];
  readonly statement: Statement;
  /** Per literal: its node in `statement`, or undefined when the literal is part of the template (must match). */
  readonly nodes: readonly (Literal | undefined)[];
  /** The objects of `statement` a rebuild copies: literal nodes, positions that can move, and their ancestors. */
  readonly copied: ReadonlySet<object>;
  /** Statement text = script.slice(textStart, script.length - textTrailing). */
  readonly textStart: number;
  readonly textTrailing: number;
}

const NEVER = 'never' as const;

export class StatementCache {
  private readonly entries = new Map<string, Entry | typeof NEVER>();
  private version: number;

  constructor(private readonly catalogVersion: () => number) {
    this.version = catalogVersion();
  }

  get size(): number {
    return this.entries.size;
  }

  /** The statement of a single-statement `script` whose template is cached, rebuilt for its literals. */
  lookup(script: string): CachedStatement | undefined {
    const found = this.find(script);
    if (!found) return undefined;
    const [entry, literals] = found;
    return { statement: rebuild(entry, literals), text: textIn(entry, script) };
  }

  /** The text of the one statement of `script` when its template is cached (what splitStatements would give). */
  textOf(script: string): string | undefined {
    const found = this.find(script);
    return found && textIn(found[0], script);
  }

  private find(script: string): [Entry, readonly TemplateLiteral[]] | undefined {
    this.checkVersion();
    const template = templateOf(script);
    if (!template) return undefined;
    const entry = this.entries.get(template.key);
    if (entry === undefined || entry === NEVER) return undefined;
    for (let i = 0; i < entry.literals.length; i++) {
      if (entry.nodes[i] === undefined && template.literals[i]!.raw !== entry.literals[i]!.raw) return undefined;
    }
    this.entries.delete(template.key); // most recently used last
    this.entries.set(template.key, entry);
    return [entry, template.literals];
  }

  /**
   * Remembers `statement`, parsed from `script` (its only statement, whose text — as
   * splitStatements gives it — starts at `textStart`), unless its kind is not cached or its template fails the probe (`parse`).
   */
  remember(script: string, statement: Statement, textStart: number, text: string, parse: ParseOne): void {
    this.checkVersion();
    if (!CACHED_KINDS.has(statement.kind)) return;
    const template = templateOf(script);
    if (!template || this.entries.has(template.key)) return;
    const entry = makeEntry(template.literals, statement, textStart, script.length - textStart - text.length);
    this.entries.set(template.key, probe(entry, script, parse) ? entry : NEVER);
    if (this.entries.size > MAX_CACHED_TEMPLATES) this.entries.delete(this.entries.keys().next().value!);
  }

  private checkVersion(): void {
    const now = this.catalogVersion();
    if (now === this.version) return;
    this.version = now;
    this.entries.clear();
  }
}

function textIn(entry: Entry, script: string): string {
  return script.slice(entry.textStart, script.length - entry.textTrailing);
}

function makeEntry(literals: readonly TemplateLiteral[], statement: Statement, textStart: number, textTrailing: number): Entry {
  const byPlace = new Map<string, Literal>();
  walk(statement, (o) => {
    if (isLiteralNode(o)) byPlace.set(`${o.span.start.offset}:${o.span.end.offset}`, o);
  });
  const nodes = literals.map((l) => {
    const n = byPlace.get(`${l.start}:${l.end}`);
    return n && n.kind === LITERAL_NODE_KIND[l.kind] && literalText(n) === literalValue(l.kind, l.raw) ? n : undefined;
  });
  const firstSlot = literals.find((_, i) => nodes[i] !== undefined)?.start ?? Infinity;
  const slotNodes = new Set<object>(nodes.filter((n) => n !== undefined));
  const copied = new Set<object>();
  const marked = new Map<object, boolean>();
  const mark = (o: unknown): boolean => {
    if (typeof o !== 'object' || o === null) return false;
    const known = marked.get(o);
    if (known !== undefined) return known;
    let needed = slotNodes.has(o) || (isPosition(o) && o.offset >= firstSlot);
    for (const child of Object.values(o)) if (mark(child)) needed = true;
    if (needed) copied.add(o);
    marked.set(o, needed);
    return needed;
  };
  mark(statement);
  return { literals, statement, nodes, copied, textStart, textTrailing };
}

/** The entry's statement with `literals` (the new text's, same template) in its slots. */
function rebuild(entry: Entry, literals: readonly TemplateLiteral[]): Statement {
  if (entry.copied.size === 0) return entry.statement;
  const deltas = literals.map((l, i) => l.raw.length - entry.literals[i]!.raw.length);
  const lines = entry.nodes.map((n) => n?.span.start.line ?? 0);
  const slotOf = new Map<object, number>();
  entry.nodes.forEach((n, i) => n && slotOf.set(n, i));
  const shift = (p: Position): Position => {
    let offset = p.offset;
    let column = p.column;
    for (let i = 0; i < deltas.length; i++) {
      if (deltas[i] === 0 || entry.literals[i]!.end > p.offset) continue;
      offset += deltas[i]!;
      if (lines[i] === p.line) column += deltas[i]!;
    }
    return Object.freeze({ offset, line: p.line, column });
  };
  const done = new Map<object, unknown>(); // a node shared in the tree stays shared
  const copy = (o: unknown): unknown => {
    if (typeof o !== 'object' || o === null || !entry.copied.has(o)) return o;
    const seen = done.get(o);
    if (seen !== undefined) return seen;
    let out: unknown;
    const slot = slotOf.get(o);
    if (slot !== undefined) out = literalNode((o as Literal).kind, literals[slot]!.raw, copy((o as Literal).span) as Literal['span']);
    else if (isPosition(o)) out = shift(o);
    else if (Array.isArray(o)) out = o.map(copy);
    else {
      const fields: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(o)) fields[k] = copy(v);
      out = fields;
    }
    if (Object.isFrozen(o)) Object.freeze(out);
    done.set(o, out);
    return out;
  };
  return copy(entry.statement) as Statement;
}

/**
 * Parses the script with every slot's literal one character longer and compares that statement
 * with the entry rebuilt for the same literals. True when they are equal, spans included.
 */
function probe(entry: Entry, script: string, parse: ParseOne): boolean {
  let text = '';
  let from = 0;
  const literals: TemplateLiteral[] = [];
  entry.literals.forEach((l, i) => {
    const raw = entry.nodes[i] === undefined ? l.raw : longer(l);
    text += script.slice(from, l.start);
    literals.push({ ...l, raw, start: text.length, end: text.length + raw.length });
    text += raw;
    from = l.end;
  });
  text += script.slice(from);
  const parsed = parse(text);
  return parsed !== undefined && templateOf(text)?.key === templateOf(script)?.key && sameTree(rebuild(entry, literals), parsed);
}

/** The literal one character longer and of the same kind. */
function longer(l: TemplateLiteral): string {
  return l.kind === 'S' ? l.raw.slice(0, -1) + "p'" : l.kind === 'E' ? l.raw + '1' : l.raw.replace(/^\d+/, (d) => d + '1');
}

function literalNode(kind: Literal['kind'], raw: string, span: Literal['span']): Literal {
  switch (kind) {
    case 'StringLiteral':
      return { kind, value: stringLiteralValue(raw), span };
    case 'IntegerLiteral':
    case 'DecimalLiteral':
    case 'DoubleLiteral':
      return { kind, text: raw, span };
    case 'NullLiteral':
    case 'BooleanLiteral':
      throw new Error(`statement cache: ${kind} is never a slot`); // slots are made from LITERAL_NODE_KIND only
  }
}

function literalValue(kind: LiteralKind, raw: string): string {
  return kind === 'S' ? stringLiteralValue(raw) : raw;
}

function literalText(n: Literal): string | undefined {
  return n.kind === 'StringLiteral' ? n.value : 'text' in n ? n.text : undefined;
}

function isLiteralNode(o: object): o is Literal {
  const kind = (o as { kind?: unknown }).kind;
  return (kind === 'StringLiteral' || kind === 'IntegerLiteral' || kind === 'DecimalLiteral' || kind === 'DoubleLiteral') && 'span' in o;
}

function isPosition(o: object): o is Position {
  const p = o as Partial<Position>;
  return typeof p.offset === 'number' && typeof p.line === 'number' && typeof p.column === 'number';
}

function walk(o: unknown, visit: (o: object) => void, seen = new Set<object>()): void {
  if (typeof o !== 'object' || o === null || seen.has(o)) return;
  seen.add(o);
  visit(o);
  for (const child of Object.values(o)) walk(child, visit, seen);
}

/** Structural equality of two ASTs (plain objects, arrays, primitives); anything else must be the same object. */
function sameTree(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Object.getPrototypeOf(a) !== Object.prototype && !Array.isArray(a)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i] || !sameTree((a as Record<string, unknown>)[ka[i]!], (b as Record<string, unknown>)[ka[i]!])) return false;
  }
  return true;
}
