/**
 * CST `statement` → AST Statement (frozen). Value checks that the grammar cannot express
 * (`LIMIT -1`, `DECIMAL(2, 5)`) throw UserError here; parse.ts turns them into diagnostics.
 */
import type { CstNode, IToken } from 'chevrotain';
import type {
  ColumnDef,
  CreateAsSelect,
  CreateSource,
  CreateType,
  DropType,
  Duration,
  InsertSelect,
  JoinClause,
  JoinType,
  WindowSpec,
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
import { UserError, type Span } from './diagnostic.js';
import { has, node, nodes, nodeSpan, optNode, optToken, token, type BuildContext } from './cst.js';
import { identifierName, identifierRaw, stringValue } from './identifiers.js';
import { buildConstant, signedNumberText } from './cst-to-literal.js';
import { buildExpr, buildValueExpr } from './cst-to-expr.js';
import { buildType, isBuiltInTypeName } from './cst-to-type.js';
import { INVALID_STATEMENT } from './error-codes.js';
import { MS_PER_UNIT } from './time-units.js';

export function buildStatement(ctx: BuildContext, n: CstNode): Statement {
  const [key, children] = Object.entries(n.children)[0]!;
  const s = children[0] as CstNode;
  switch (key) {
    case 'query':
      return buildQuery(ctx, s);
    case 'createStatement': {
      const inner = optNode(s, 'createSource');
      return inner ? buildCreateSource(ctx, inner, nodeSpan(ctx, s)) : buildCreateType(ctx, node(s, 'createType'), nodeSpan(ctx, s));
    }
    case 'dropStatement': {
      const inner = optNode(s, 'dropSource');
      return inner ? buildDropSource(ctx, inner, nodeSpan(ctx, s)) : buildDropType(ctx, node(s, 'dropType'), nodeSpan(ctx, s));
    }
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
    case 'assertStatement':
      return has(s, 'SCHEMA') ? buildAssertSchema(ctx, s) : buildAssertTopic(ctx, s);
    case 'terminateQuery': {
      const id = optNode(s, 'queryId');
      return Object.freeze({ kind: 'Terminate', ...(id ? { queryId: identifierRaw(id).toUpperCase() } : {}), span: nodeSpan(ctx, s) });
    }
    case 'alterSource':
      return Object.freeze({
        kind: 'AlterSource',
        ...sourceTypeAndName(ctx, s),
        columns: Object.freeze(
          nodes(s, 'alterColumn').map((c) =>
            Object.freeze({ name: identifierName(node(c, 'name')), type: buildType(ctx, node(c, 'type')), span: nodeSpan(ctx, c) }),
          ),
        ),
        span: nodeSpan(ctx, s),
      });
    case 'pauseResumeQuery': {
      const id = optNode(s, 'queryId');
      const action = token(s, 'action').image.toUpperCase() === 'PAUSE' ? 'PAUSE' : 'RESUME';
      return Object.freeze({ kind: 'PauseResume', action, ...(id ? { queryId: identifierRaw(id).toUpperCase() } : {}), span: nodeSpan(ctx, s) });
    }
    case 'explainStatement': {
      const id = optNode(s, 'queryId');
      const q = optNode(s, 'query');
      return Object.freeze({
        kind: 'Explain',
        ...(id ? { queryId: identifierRaw(id).toUpperCase() } : {}),
        ...(q ? { statement: buildQuery(ctx, q) } : {}),
        span: nodeSpan(ctx, s),
      });
    }
    default:
      throw new Error(`CST invariant: unexpected statement ${key}`);
  }
}

function sourceType(n: CstNode): SourceType {
  return has(node(n, 'sourceType'), 'STREAM') ? 'STREAM' : 'TABLE';
}

function buildCreateType(ctx: BuildContext, n: CstNode, span: Span): CreateType {
  const name = node(n, 'name');
  const typeName = identifierName(name);
  if (isBuiltInTypeName(typeName)) {
    throw new UserError(INVALID_STATEMENT, `Cannot register custom type '${typeName}': it is the name of a built-in type.`, nodeSpan(ctx, name));
  }
  return Object.freeze({ kind: 'CreateType', name: typeName, nameSpan: nodeSpan(ctx, name), type: buildType(ctx, node(n, 'type')), ifNotExists: has(n, 'IF'), span });
}

function buildDropType(ctx: BuildContext, n: CstNode, span: Span): DropType {
  const name = node(n, 'name');
  return Object.freeze({ kind: 'DropType', name: identifierName(name), nameSpan: nodeSpan(ctx, name), ifExists: has(n, 'IF'), span });
}

/** `span` is the whole statement's, CREATE included. */
function buildCreateSource(ctx: BuildContext, n: CstNode, span: Span): CreateSource | CreateAsSelect {
  const name = node(n, 'name');
  const elements = optNode(n, 'tableElements');
  const columns = elements ? nodes(elements, 'tableElement').map((e) => buildColumn(ctx, e)) : [];
  const props = optNode(n, 'tableProperties');
  const properties = props ? nodes(props, 'tableProperty').map((p) => buildProperty(ctx, p)) : [];
  const query = optNode(n, 'query');
  if (query) {
    if (elements) throw new UserError(INVALID_STATEMENT, 'CREATE ... AS SELECT takes its columns from the query: remove the column list.', nodeSpan(ctx, elements));
    if (has(n, 'SOURCE')) throw new UserError(INVALID_STATEMENT, 'CREATE SOURCE cannot be used with AS SELECT.', span);
    return Object.freeze({
      kind: 'CreateAsSelect',
      sourceType: sourceType(n),
      name: identifierName(name),
      nameSpan: nodeSpan(ctx, name),
      orReplace: has(n, 'OR'),
      ifNotExists: has(n, 'IF'),
      properties: Object.freeze(properties),
      query: buildQuery(ctx, query),
      span,
    });
  }
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
    span,
  });
}

function buildColumn(ctx: BuildContext, n: CstNode): ColumnDef {
  const primaryKey = has(n, 'PRIMARY');
  return Object.freeze({
    name: identifierName(node(n, 'name')),
    type: buildType(ctx, node(n, 'type')),
    key: has(n, 'KEY') && !primaryKey,
    primaryKey,
    ...(has(n, 'HEADERS') ? { header: Object.freeze({}) } : {}),
    ...(has(n, 'headerKey') ? { header: Object.freeze({ key: stringValue(token(n, 'headerKey')) }) } : {}),
    span: nodeSpan(ctx, n),
  });
}

function buildProperty(ctx: BuildContext, n: CstNode): Property {
  const nameNode = optNode(n, 'name');
  // Property names are case-insensitive in ksqlDB, quoted or not.
  const name = nameNode ? identifierName(nameNode).toUpperCase() : stringValue(token(n, 'quotedName')).toUpperCase();
  return Object.freeze({ name, value: buildConstant(ctx, node(n, 'constant')), span: nodeSpan(ctx, n) });
}

/** `STREAM|TABLE name` of DROP and ALTER. */
function sourceTypeAndName(ctx: BuildContext, n: CstNode): { sourceType: SourceType; name: string; nameSpan: Span } {
  const name = node(n, 'name');
  return { sourceType: sourceType(n), name: identifierName(name), nameSpan: nodeSpan(ctx, name) };
}

function buildDropSource(ctx: BuildContext, n: CstNode, span: Span): DropSource {
  return Object.freeze({
    kind: 'DropSource',
    ...sourceTypeAndName(ctx, n),
    ifExists: has(n, 'IF'),
    deleteTopic: has(n, 'DELETE'),
    span,
  });
}

function buildInsertValues(ctx: BuildContext, n: CstNode): InsertValues | InsertSelect {
  const target = node(n, 'target');
  const query = optNode(n, 'query');
  if (query) {
    const props = optNode(n, 'tableProperties');
    return Object.freeze({
      kind: 'InsertSelect',
      target: identifierName(target),
      targetSpan: nodeSpan(ctx, target),
      properties: Object.freeze(props ? nodes(props, 'tableProperty').map((p) => buildProperty(ctx, p)) : []),
      query: buildQuery(ctx, query),
      span: nodeSpan(ctx, n),
    });
  }
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

function buildRelation(ctx: BuildContext, relation: CstNode): Query['from'] {
  const alias = optNode(relation, 'alias');
  return Object.freeze({
    name: identifierName(node(relation, 'name')),
    ...(alias ? { alias: identifierName(alias) } : {}),
    span: nodeSpan(ctx, relation),
  });
}

function buildQuery(ctx: BuildContext, n: CstNode): Query {
  const where = optNode(n, 'where');
  const having = optNode(n, 'having');
  const limit = optNode(n, 'limit');
  const groupBy = optNode(n, 'groupBy');
  const partitionBy = nodes(n, 'partitionBy');
  const window = optNode(n, 'windowExpression');
  const emit = has(n, 'EMIT') ? (has(n, 'FINAL') ? 'FINAL' : 'CHANGES') : undefined;
  return Object.freeze({
    kind: 'Query',
    select: Object.freeze(nodes(n, 'selectItem').map((s) => buildSelectItem(ctx, s))),
    from: buildRelation(ctx, node(n, 'relation')),
    joins: Object.freeze(nodes(n, 'joinClause').map((j) => buildJoin(ctx, j))),
    ...(window ? { window: buildWindow(ctx, window) } : {}),
    ...(where ? { where: buildExpr(ctx, where) } : {}),
    ...(groupBy ? { groupBy: Object.freeze(nodes(groupBy, 'items').map((e) => buildValueExpr(ctx, e))) } : {}),
    ...(partitionBy.length > 0 || has(n, 'emptyPartitionBy') ? { partitionBy: Object.freeze(partitionBy.map((e) => buildValueExpr(ctx, e))) } : {}),
    ...(having ? { having: buildExpr(ctx, having) } : {}),
    ...(emit ? { emit } : {}),
    emitChanges: emit !== undefined,
    ...(limit ? { limit: limitValue(ctx, limit) } : {}),
    span: nodeSpan(ctx, n),
  });
}

function buildJoin(ctx: BuildContext, n: CstNode): JoinClause {
  const typeToken = optToken(n, 'joinType');
  const type = (typeToken ? typeToken.image.toUpperCase() : 'INNER') as JoinType;
  const single = optNode(n, 'within');
  const before = single ?? optNode(n, 'before');
  const after = single ?? optNode(n, 'after');
  let within: JoinClause['within'];
  if (before && after) {
    const grace = optNode(n, 'graceDuration');
    if (grace) expectWords(ctx, [node(n, 'grace'), node(n, 'period')], 'GRACE PERIOD');
    within = Object.freeze({
      before: buildDuration(ctx, before),
      after: buildDuration(ctx, after),
      ...(grace ? { grace: buildDuration(ctx, grace) } : {}),
      span: nodeSpan(ctx, before),
    });
  }
  return Object.freeze({
    type,
    right: buildRelation(ctx, node(n, 'relation')),
    on: buildExpr(ctx, node(n, 'on')),
    ...(within ? { within } : {}),
    span: nodeSpan(ctx, n),
  });
}

function buildDuration(ctx: BuildContext, n: CstNode): Duration {
  const unitNode = node(n, 'unit');
  const unit = identifierRaw(unitNode).toUpperCase().replace(/S$/, '');
  const perUnit = MS_PER_UNIT[unit];
  if (perUnit === undefined) {
    throw new UserError(INVALID_STATEMENT, `Unknown time unit: '${identifierRaw(unitNode)}'. Use MILLISECONDS, SECONDS, MINUTES, HOURS or DAYS.`, nodeSpan(ctx, unitNode));
  }
  const amount = countValue(ctx, node(n, 'amount'), 'A duration');
  return Object.freeze({ ms: amount * perUnit, span: nodeSpan(ctx, n) });
}

function expectWords(ctx: BuildContext, words: readonly CstNode[], expected: string): void {
  const got = words.map((w) => identifierRaw(w).toUpperCase()).join(' ');
  if (got !== expected) throw new UserError(INVALID_STATEMENT, `Expected ${expected}, got ${got}`, nodeSpan(ctx, words[0]!));
}

function buildWindow(ctx: BuildContext, n: CstNode): WindowSpec {
  const typeNode = node(n, 'windowType');
  const kind = identifierRaw(typeNode).toUpperCase();
  const params = new Map<string, Duration>();
  let gap: Duration | undefined;
  for (const p of nodes(n, 'windowParam')) {
    const d = buildDuration(ctx, node(p, 'duration'));
    const nameNode = optNode(p, 'name');
    if (!nameNode) {
      gap = d;
      continue;
    }
    const second = optNode(p, 'name2');
    const name = [identifierRaw(nameNode), has(p, 'BY') ? 'BY' : second ? identifierRaw(second) : ''].join(' ').trim().toUpperCase();
    if (!['SIZE', 'ADVANCE BY', 'RETENTION', 'GRACE PERIOD'].includes(name)) {
      throw new UserError(INVALID_STATEMENT, `Unknown window parameter: ${name}`, nodeSpan(ctx, p));
    }
    params.set(name, d);
  }
  const span = nodeSpan(ctx, n);
  const retention = params.get('RETENTION');
  const grace = params.get('GRACE PERIOD');
  const extra = { ...(retention ? { retention } : {}), ...(grace ? { grace } : {}), span };
  const size = params.get('SIZE');
  const need = (what: string, d: Duration | undefined): Duration => {
    if (!d) throw new UserError(INVALID_STATEMENT, `${kind} window requires ${what}.`, span);
    return d;
  };
  switch (kind) {
    case 'TUMBLING':
      return Object.freeze({ kind, size: need('SIZE', size), ...extra });
    case 'HOPPING':
      return Object.freeze({ kind, size: need('SIZE', size), advance: need('ADVANCE BY', params.get('ADVANCE BY')), ...extra });
    case 'SESSION':
      return Object.freeze({ kind, gap: need('a gap duration', gap ?? size), ...extra });
    default:
      throw new UserError(INVALID_STATEMENT, `Unknown window type: ${kind}. Use TUMBLING, HOPPING or SESSION.`, nodeSpan(ctx, typeNode));
  }
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

/**
 * A query's LIMIT: an integer, as ksqlDB's parser wants; a negative one is left to the analysis
 * (a pull query refuses it with its own message).
 */
function limitValue(ctx: BuildContext, n: CstNode): number {
  const text = signedNumberText(n);
  const value = Number(text);
  if (!/^-?\d+$/.test(text)) throw new UserError(INVALID_STATEMENT, 'Failed to prepare statement: Value must be integer for command: LIMIT', nodeSpan(ctx, n));
  if (Math.abs(value) > MAX_COUNT) throw new UserError(INVALID_STATEMENT, `LIMIT must be an integer of at most ${MAX_COUNT}, got ${text}`, nodeSpan(ctx, n));
  return value;
}

function buildSelectItem(ctx: BuildContext, n: CstNode): SelectItem {
  const span = nodeSpan(ctx, n);
  const expr = optNode(n, 'expression');
  if (expr) {
    if (optToken(n, 'structAll')) return Object.freeze({ kind: 'StructAll', expr: buildExpr(ctx, expr), span });
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

/** A `topicName` node's topic: a quoted string's value, or an identifier as written. */
function buildAssertTopic(ctx: BuildContext, s: CstNode): Statement {
  const props = optNode(s, 'tableProperties');
  const timeout = optNode(s, 'duration');
  return Object.freeze({
    kind: 'AssertTopic',
    topic: topicName(node(s, 'topicName')),
    exists: !has(s, 'NOT'),
    properties: Object.freeze(props ? nodes(props, 'tableProperty').map((p) => buildProperty(ctx, p)) : []),
    ...(timeout ? { timeout: buildDuration(ctx, timeout) } : {}),
    span: nodeSpan(ctx, s),
  });
}

/** Largest schema id: ksqlDB reads ASSERT SCHEMA's ID as a Java int. */
const MAX_SCHEMA_ID = 2 ** 31 - 1;

function buildAssertSchema(ctx: BuildContext, s: CstNode): Statement {
  const subject = optNode(s, 'subject');
  const idNode = optNode(s, 'id');
  if (!subject && !idNode) throw new UserError(INVALID_STATEMENT, 'ASSERT SCHEMA statements must include a subject name or an id', nodeSpan(ctx, s));
  let id: number | undefined;
  if (idNode) {
    const digits = optToken(idNode, 'IntegerLiteral');
    id = digits ? Number(digits.image) : NaN;
    if (!Number.isSafeInteger(id) || id > MAX_SCHEMA_ID) throw new UserError(INVALID_STATEMENT, 'ID must be an integer', nodeSpan(ctx, idNode));
  }
  const timeout = optNode(s, 'duration');
  return Object.freeze({
    kind: 'AssertSchema',
    ...(subject ? { subject: topicName(subject) } : {}),
    ...(id !== undefined ? { id } : {}),
    exists: !has(s, 'NOT'),
    ...(timeout ? { timeout: buildDuration(ctx, timeout) } : {}),
    span: nodeSpan(ctx, s),
  });
}

function topicName(n: CstNode): string {
  const quoted: IToken | undefined = optToken(n, 'quotedTopic');
  return quoted ? stringValue(quoted) : identifierRaw(node(n, 'topic'));
}

function buildPrint(ctx: BuildContext, n: CstNode): Print {
  const topic = topicName(node(n, 'topicName'));
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
