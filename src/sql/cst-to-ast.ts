/**
 * CST `statement` → AST Statement (frozen). Value checks that the grammar cannot express
 * (`LIMIT -1`, `DECIMAL(2, 5)`) throw UserError here; parse.ts turns them into diagnostics.
 */
import type { CstNode, IToken } from 'chevrotain';
import type {
  ColumnDef,
  CreateSource,
  DropSource,
  InsertValues,
  Print,
  Property,
  Query,
  SelectItem,
  Show,
  ShowWhat,
  SourceType,
  Statement,
} from './ast.js';
import { UserError } from './diagnostic.js';
import { has, node, nodes, nodeSpan, optNode, optToken, token, type BuildContext } from './cst.js';
import { identifierName, identifierRaw, stringValue } from './identifiers.js';
import { buildConstant, signedNumberText } from './cst-to-literal.js';
import { buildExpr } from './cst-to-expr.js';
import { buildType } from './cst-to-type.js';
import { INVALID_STATEMENT } from './error-codes.js';

export function buildStatement(ctx: BuildContext, n: CstNode): Statement {
  const [key, children] = Object.entries(n.children)[0]!;
  const s = children[0] as CstNode;
  switch (key) {
    case 'query':
      return buildQuery(ctx, s);
    case 'createSource':
      return buildCreateSource(ctx, s);
    case 'dropSource':
      return buildDropSource(ctx, s);
    case 'insertValues':
      return buildInsertValues(ctx, s);
    case 'showStatement':
      return buildShow(ctx, s);
    case 'describeStatement': {
      const name = node(s, 'name');
      return Object.freeze({
        kind: 'Describe',
        name: identifierName(name),
        nameSpan: nodeSpan(ctx, name),
        extended: has(s, 'EXTENDED'),
        span: nodeSpan(ctx, s),
      });
    }
    case 'setProperty':
      return Object.freeze({
        kind: 'SetProperty',
        name: stringValue(token(s, 'name')),
        value: stringValue(token(s, 'value')),
        span: nodeSpan(ctx, s),
      });
    case 'unsetProperty':
      return Object.freeze({ kind: 'UnsetProperty', name: stringValue(token(s, 'name')), span: nodeSpan(ctx, s) });
    case 'defineVariable':
      return Object.freeze({
        kind: 'DefineVariable',
        name: identifierRaw(node(s, 'name')),
        value: stringValue(token(s, 'value')),
        span: nodeSpan(ctx, s),
      });
    case 'undefineVariable':
      return Object.freeze({ kind: 'UndefineVariable', name: identifierRaw(node(s, 'name')), span: nodeSpan(ctx, s) });
    case 'runScript':
      return Object.freeze({ kind: 'RunScript', path: stringValue(token(s, 'path')), span: nodeSpan(ctx, s) });
    case 'printTopic':
      return buildPrint(ctx, s);
    default:
      throw new Error(`CST invariant: unexpected statement ${key}`);
  }
}

function sourceType(n: CstNode): SourceType {
  return has(node(n, 'sourceType'), 'STREAM') ? 'STREAM' : 'TABLE';
}

function buildCreateSource(ctx: BuildContext, n: CstNode): CreateSource {
  const name = node(n, 'name');
  const elements = optNode(n, 'tableElements');
  const columns = elements ? nodes(elements, 'tableElement').map((e) => buildColumn(ctx, e)) : [];
  const props = optNode(n, 'tableProperties');
  const properties = props ? nodes(props, 'tableProperty').map((p) => buildProperty(ctx, p)) : [];
  return Object.freeze({
    kind: 'CreateSource',
    sourceType: sourceType(n),
    name: identifierName(name),
    nameSpan: nodeSpan(ctx, name),
    orReplace: has(n, 'OR'),
    ifNotExists: has(n, 'IF'),
    isSource: has(n, 'SOURCE'),
    columns: Object.freeze(columns),
    properties: Object.freeze(properties),
    span: nodeSpan(ctx, n),
  });
}

function buildColumn(ctx: BuildContext, n: CstNode): ColumnDef {
  const primaryKey = has(n, 'PRIMARY');
  return Object.freeze({
    name: identifierName(node(n, 'name')),
    type: buildType(ctx, node(n, 'type')),
    key: has(n, 'KEY') && !primaryKey,
    primaryKey,
    span: nodeSpan(ctx, n),
  });
}

function buildProperty(ctx: BuildContext, n: CstNode): Property {
  const nameNode = optNode(n, 'name');
  // Property names are case-insensitive in ksqlDB, quoted or not.
  const name = nameNode ? identifierName(nameNode).toUpperCase() : stringValue(token(n, 'quotedName')).toUpperCase();
  return Object.freeze({ name, value: buildConstant(ctx, node(n, 'constant')), span: nodeSpan(ctx, n) });
}

function buildDropSource(ctx: BuildContext, n: CstNode): DropSource {
  const name = node(n, 'name');
  return Object.freeze({
    kind: 'DropSource',
    sourceType: sourceType(n),
    name: identifierName(name),
    nameSpan: nodeSpan(ctx, name),
    ifExists: has(n, 'IF'),
    deleteTopic: has(n, 'DELETE'),
    span: nodeSpan(ctx, n),
  });
}

function buildInsertValues(ctx: BuildContext, n: CstNode): InsertValues {
  const target = node(n, 'target');
  const columnNodes = nodes(n, 'columns');
  const columns = columnNodes.map((c) => Object.freeze({ name: identifierName(c), span: nodeSpan(ctx, c) }));
  return Object.freeze({
    kind: 'InsertValues',
    target: identifierName(target),
    targetSpan: nodeSpan(ctx, target),
    ...(columnNodes.length > 0 ? { columns: Object.freeze(columns) } : {}),
    values: Object.freeze(nodes(n, 'values').map((v) => buildExpr(ctx, v))),
    span: nodeSpan(ctx, n),
  });
}

function buildQuery(ctx: BuildContext, n: CstNode): Query {
  const relation = node(n, 'relation');
  const alias = optNode(relation, 'alias');
  const where = optNode(n, 'where');
  const limit = optNode(n, 'limit');
  return Object.freeze({
    kind: 'Query',
    select: Object.freeze(nodes(n, 'selectItem').map((s) => buildSelectItem(ctx, s))),
    from: Object.freeze({
      name: identifierName(node(relation, 'name')),
      ...(alias ? { alias: identifierName(alias) } : {}),
      span: nodeSpan(ctx, relation),
    }),
    ...(where ? { where: buildExpr(ctx, where) } : {}),
    emitChanges: has(n, 'EMIT'),
    ...(limit ? { limit: countValue(ctx, limit, 'LIMIT') } : {}),
    span: nodeSpan(ctx, n),
  });
}

/** Largest LIMIT / INTERVAL accepted: beyond it a JS number no longer counts exactly. */
export const MAX_COUNT = Number.MAX_SAFE_INTEGER;

/** A non-negative integer `signedNumber` (LIMIT, INTERVAL). */
function countValue(ctx: BuildContext, n: CstNode, what: string): number {
  const text = signedNumberText(n);
  const value = Number(text);
  if (!/^\d+$/.test(text) || value > MAX_COUNT) {
    throw new UserError(INVALID_STATEMENT, `${what} must be a non-negative integer, got ${text}`, nodeSpan(ctx, n));
  }
  return value;
}

function buildSelectItem(ctx: BuildContext, n: CstNode): SelectItem {
  const span = nodeSpan(ctx, n);
  const expr = optNode(n, 'expression');
  if (expr) {
    const alias = optNode(n, 'alias');
    return Object.freeze({ kind: 'SelectExpr', expr: buildExpr(ctx, expr), ...(alias ? { alias: identifierName(alias) } : {}), span });
  }
  const source = optNode(n, 'source');
  return Object.freeze({ kind: 'AllColumns', ...(source ? { source: identifierName(source) } : {}), span });
}

function buildShow(ctx: BuildContext, n: CstNode): Show {
  const what = token(n, 'what').image.toUpperCase() as ShowWhat;
  return Object.freeze({ kind: 'Show', what, extended: has(n, 'EXTENDED'), span: nodeSpan(ctx, n) });
}

function buildPrint(ctx: BuildContext, n: CstNode): Print {
  const quoted: IToken | undefined = optToken(n, 'quotedTopic');
  const topic = quoted ? stringValue(quoted) : identifierRaw(node(n, 'topic'));
  const interval = optNode(n, 'interval');
  const limit = optNode(n, 'limit');
  return Object.freeze({
    kind: 'Print',
    topic,
    fromBeginning: has(n, 'BEGINNING'),
    ...(interval ? { interval: countValue(ctx, interval, 'INTERVAL') } : {}),
    ...(limit ? { limit: countValue(ctx, limit, 'LIMIT') } : {}),
    span: nodeSpan(ctx, n),
  });
}
