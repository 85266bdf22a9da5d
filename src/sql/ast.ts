/**
 * The AST: closed unions of immutable node kinds, each carrying its source span.
 * Identifiers are already normalized: unquoted identifiers are upper-cased (as ksqlDB does),
 * backtick-quoted ones keep their case. Keywords in `name`-like fields (function names,
 * property names of WITH) are upper-cased too; SET/DEFINE property names keep their text.
 *
 * Adding a kind here must not compile until every `switch` over `kind` handles it.
 */
import type { Span } from './diagnostic.js';
import type { SqlType } from '../types/sql-type.js';

// ---------------------------------------------------------------- expressions

export type Literal =
  | { readonly kind: 'NullLiteral'; readonly span: Span }
  | { readonly kind: 'BooleanLiteral'; readonly value: boolean; readonly span: Span }
  /** An integer literal; INTEGER if it fits in int32, else BIGINT (decided by the analyzer). */
  | { readonly kind: 'IntegerLiteral'; readonly text: string; readonly span: Span }
  /** `1.5` is a DECIMAL literal in ksqlDB; `1.5E3` is DOUBLE. */
  | { readonly kind: 'DecimalLiteral'; readonly text: string; readonly span: Span }
  | { readonly kind: 'DoubleLiteral'; readonly text: string; readonly span: Span }
  /** value has '' escapes already resolved. */
  | { readonly kind: 'StringLiteral'; readonly value: string; readonly span: Span };

export interface ColumnRef {
  readonly kind: 'ColumnRef';
  /** Qualifier, e.g. `c` in `c.page`; undefined if unqualified. */
  readonly source?: string;
  readonly name: string;
  readonly span: Span;
}

/** struct->field */
export interface Dereference {
  readonly kind: 'Dereference';
  readonly base: Expr;
  readonly field: string;
  readonly span: Span;
}

/** arr[1] (1-based, negative from the end) or map['k'] */
export interface Subscript {
  readonly kind: 'Subscript';
  readonly base: Expr;
  readonly index: Expr;
  readonly span: Span;
}

export type UnaryOp = '-' | '+' | 'NOT';
export interface Unary {
  readonly kind: 'Unary';
  readonly op: UnaryOp;
  readonly operand: Expr;
  readonly span: Span;
}

export type ArithmeticOp = '+' | '-' | '*' | '/' | '%';
export type ComparisonOp = '=' | '<>' | '<' | '<=' | '>' | '>=';
export type LogicalOp = 'AND' | 'OR';
/** NULL-safe (in)equality: `a IS DISTINCT FROM b` is TRUE or FALSE, never NULL. */
export type DistinctOp = 'IS DISTINCT FROM' | 'IS NOT DISTINCT FROM';
export type BinaryOp = ArithmeticOp | ComparisonOp | LogicalOp | DistinctOp | '||';
export interface Binary {
  readonly kind: 'Binary';
  /** `!=` is normalized to `<>`. */
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}

export interface IsNull {
  readonly kind: 'IsNull';
  readonly operand: Expr;
  readonly negated: boolean;
  readonly span: Span;
}

export interface Like {
  readonly kind: 'Like';
  readonly operand: Expr;
  readonly pattern: Expr;
  readonly escape?: Expr;
  readonly negated: boolean;
  readonly span: Span;
}

export interface Between {
  readonly kind: 'Between';
  readonly operand: Expr;
  readonly low: Expr;
  readonly high: Expr;
  readonly negated: boolean;
  readonly span: Span;
}

export interface InList {
  readonly kind: 'InList';
  readonly operand: Expr;
  readonly list: readonly Expr[];
  readonly negated: boolean;
  readonly span: Span;
}

export interface WhenClause {
  readonly when: Expr;
  readonly then: Expr;
}
/** Searched CASE (operand undefined) or simple CASE x WHEN v THEN ... */
export interface Case {
  readonly kind: 'Case';
  readonly operand?: Expr;
  readonly whens: readonly WhenClause[];
  readonly else?: Expr;
  readonly span: Span;
}

export interface Cast {
  readonly kind: 'Cast';
  readonly operand: Expr;
  readonly type: SqlType;
  readonly span: Span;
}

export interface FunctionCall {
  readonly kind: 'FunctionCall';
  /** Upper-cased function name. */
  readonly name: string;
  readonly args: readonly Expr[];
  /** COUNT(*) */
  readonly star: boolean;
  readonly distinct: boolean;
  readonly span: Span;
}

export interface ArrayConstructor {
  readonly kind: 'ArrayConstructor';
  readonly items: readonly Expr[];
  readonly span: Span;
}

export interface MapConstructor {
  readonly kind: 'MapConstructor';
  readonly entries: readonly { readonly key: Expr; readonly value: Expr }[];
  readonly span: Span;
}

export interface StructConstructor {
  readonly kind: 'StructConstructor';
  readonly fields: readonly { readonly name: string; readonly value: Expr }[];
  readonly span: Span;
}

/** `(x, y) => body`: only as an argument of a higher-order function. Params are upper-cased. */
export interface Lambda {
  readonly kind: 'Lambda';
  readonly params: readonly string[];
  readonly body: Expr;
  readonly span: Span;
}

export type Expr =
  | Lambda
  | Literal
  | ColumnRef
  | Dereference
  | Subscript
  | Unary
  | Binary
  | IsNull
  | Like
  | Between
  | InList
  | Case
  | Cast
  | FunctionCall
  | ArrayConstructor
  | MapConstructor
  | StructConstructor;

export type ExprKind = Expr['kind'];

// ---------------------------------------------------------------- statements

export interface ColumnDef {
  readonly name: string;
  readonly type: SqlType;
  /** KEY (streams) or PRIMARY KEY (tables). */
  readonly key: boolean;
  readonly primaryKey: boolean;
  /** HEADERS (all record headers: `{}`) or HEADER('k') (`{ key: 'k' }`). */
  readonly header?: { readonly key?: string };
  readonly span: Span;
}

/** A WITH (...) property: name upper-cased; value a literal. */
export interface Property {
  readonly name: string;
  readonly value: Literal;
  readonly span: Span;
}

export type SourceType = 'STREAM' | 'TABLE';

export interface CreateSource {
  readonly kind: 'CreateSource';
  readonly sourceType: SourceType;
  readonly name: string;
  readonly nameSpan: Span;
  readonly orReplace: boolean;
  readonly ifNotExists: boolean;
  /** CREATE SOURCE STREAM/TABLE (read-only source). */
  readonly isSource: boolean;
  readonly columns: readonly ColumnDef[];
  readonly properties: readonly Property[];
  readonly span: Span;
}

/** ALTER STREAM|TABLE name ADD [COLUMN] c type, ...: new value columns. */
export interface AlterSource {
  readonly kind: 'AlterSource';
  readonly sourceType: SourceType;
  readonly name: string;
  readonly nameSpan: Span;
  readonly columns: readonly { readonly name: string; readonly type: SqlType; readonly span: Span }[];
  readonly span: Span;
}

export interface DropSource {
  readonly kind: 'DropSource';
  readonly sourceType: SourceType;
  readonly name: string;
  readonly nameSpan: Span;
  readonly ifExists: boolean;
  readonly deleteTopic: boolean;
  readonly span: Span;
}

/** CREATE TYPE: `type` is resolved while parsing (custom types in it are already expanded). */
export interface CreateType {
  readonly kind: 'CreateType';
  readonly name: string;
  readonly nameSpan: Span;
  readonly type: SqlType;
  readonly ifNotExists: boolean;
  readonly span: Span;
}

export interface DropType {
  readonly kind: 'DropType';
  readonly name: string;
  readonly nameSpan: Span;
  readonly ifExists: boolean;
  readonly span: Span;
}

export interface InsertValues {
  readonly kind: 'InsertValues';
  readonly target: string;
  readonly targetSpan: Span;
  /** Explicit column list (names normalized); undefined means all columns in schema order. */
  readonly columns?: readonly { readonly name: string; readonly span: Span }[];
  readonly values: readonly Expr[];
  readonly span: Span;
}

export type SelectItem =
  | { readonly kind: 'AllColumns'; readonly source?: string; readonly span: Span }
  | { readonly kind: 'SelectExpr'; readonly expr: Expr; readonly alias?: string; readonly span: Span }
  /** `s->*`: every field of the struct `expr`, each a column named after its field. */
  | { readonly kind: 'StructAll'; readonly expr: Expr; readonly span: Span };

export interface Relation {
  readonly name: string;
  readonly alias?: string;
  readonly span: Span;
}

/** A duration in a WINDOW or WITHIN clause, in milliseconds (units are resolved by the parser). */
export interface Duration {
  readonly ms: number;
  readonly span: Span;
}

export type WindowSpec =
  | { readonly kind: 'TUMBLING'; readonly size: Duration; readonly retention?: Duration; readonly grace?: Duration; readonly span: Span }
  | { readonly kind: 'HOPPING'; readonly size: Duration; readonly advance: Duration; readonly retention?: Duration; readonly grace?: Duration; readonly span: Span }
  | { readonly kind: 'SESSION'; readonly gap: Duration; readonly retention?: Duration; readonly grace?: Duration; readonly span: Span };

export type JoinType = 'INNER' | 'LEFT' | 'RIGHT' | 'FULL';

export interface JoinClause {
  readonly type: JoinType;
  readonly right: Relation;
  readonly on: Expr;
  /** Stream-stream joins: WITHIN n (before = after = n) or WITHIN (before, after). */
  readonly within?: { readonly before: Duration; readonly after: Duration; readonly grace?: Duration; readonly span: Span };
  readonly span: Span;
}

export type EmitMode = 'CHANGES' | 'FINAL';

export interface Query {
  readonly kind: 'Query';
  readonly select: readonly SelectItem[];
  readonly from: Relation;
  readonly joins: readonly JoinClause[];
  readonly window?: WindowSpec;
  readonly where?: Expr;
  readonly groupBy?: readonly Expr[];
  readonly partitionBy?: readonly Expr[];
  readonly having?: Expr;
  /** EMIT CHANGES or EMIT FINAL: a push query (or, in CREATE AS SELECT, how results are emitted). */
  readonly emit?: EmitMode;
  /** Same as `emit !== undefined`, kept for readers that only care about push vs pull. */
  readonly emitChanges: boolean;
  readonly limit?: number;
  readonly span: Span;
}

/** CREATE [OR REPLACE] STREAM|TABLE [IF NOT EXISTS] name [WITH (...)] AS SELECT ... */
export interface CreateAsSelect {
  readonly kind: 'CreateAsSelect';
  readonly sourceType: SourceType;
  readonly name: string;
  readonly nameSpan: Span;
  readonly orReplace: boolean;
  readonly ifNotExists: boolean;
  readonly properties: readonly Property[];
  readonly query: Query;
  readonly span: Span;
}

/** INSERT INTO name [WITH (...)] SELECT ... */
export interface InsertSelect {
  readonly kind: 'InsertSelect';
  readonly target: string;
  readonly targetSpan: Span;
  readonly properties: readonly Property[];
  readonly query: Query;
  readonly span: Span;
}

/** TERMINATE queryId | TERMINATE ALL (queryId undefined). Query ids keep their text, upper-cased. */
export interface Terminate {
  readonly kind: 'Terminate';
  readonly queryId?: string;
  readonly span: Span;
}

/** PAUSE / RESUME queryId | ALL (queryId undefined): stop or continue consuming, state kept. */
export interface PauseResume {
  readonly kind: 'PauseResume';
  readonly action: 'PAUSE' | 'RESUME';
  readonly queryId?: string;
  readonly span: Span;
}

/** EXPLAIN queryId | EXPLAIN <query statement>. */
export interface Explain {
  readonly kind: 'Explain';
  readonly queryId?: string;
  readonly statement?: Query | CreateAsSelect | InsertSelect;
  readonly span: Span;
}

export type ShowWhat = 'STREAMS' | 'TABLES' | 'TOPICS' | 'QUERIES' | 'PROPERTIES' | 'FUNCTIONS' | 'VARIABLES' | 'TYPES';
export interface Show {
  readonly kind: 'Show';
  readonly what: ShowWhat;
  readonly extended: boolean;
  readonly span: Span;
}

export interface Describe {
  readonly kind: 'Describe';
  readonly name: string;
  readonly nameSpan: Span;
  readonly extended: boolean;
  readonly span: Span;
}

/** SET 'name'='value' — name and value keep their text (string literals). */
export interface SetProperty {
  readonly kind: 'SetProperty';
  readonly name: string;
  readonly value: string;
  readonly span: Span;
}

export interface UnsetProperty {
  readonly kind: 'UnsetProperty';
  readonly name: string;
  readonly span: Span;
}

/** DEFINE name = 'value'; name keeps its case (variables are case-insensitive on lookup). */
export interface DefineVariable {
  readonly kind: 'DefineVariable';
  readonly name: string;
  readonly value: string;
  readonly span: Span;
}

export interface UndefineVariable {
  readonly kind: 'UndefineVariable';
  readonly name: string;
  readonly span: Span;
}

export interface RunScript {
  readonly kind: 'RunScript';
  readonly path: string;
  readonly span: Span;
}

/** PRINT 'topic' | PRINT topic [FROM BEGINNING] [INTERVAL n] [LIMIT n]. Topic name keeps its case. */
export interface Print {
  readonly kind: 'Print';
  readonly topic: string;
  readonly fromBeginning: boolean;
  readonly interval?: number;
  readonly limit?: number;
  readonly span: Span;
}

/** ASSERT [NOT EXISTS] TOPIC: succeeds when the topic exists (or not), with the given settings. */
export interface AssertTopic {
  readonly kind: 'AssertTopic';
  readonly topic: string;
  readonly exists: boolean;
  readonly properties: readonly Property[];
  readonly timeout?: Duration;
  readonly span: Span;
}

/** ASSERT [NOT EXISTS] SCHEMA [SUBJECT name] [ID n] [TIMEOUT d]: a subject, an id or both. */
export interface AssertSchema {
  readonly kind: 'AssertSchema';
  readonly subject?: string;
  readonly id?: number;
  readonly exists: boolean;
  readonly timeout?: Duration;
  readonly span: Span;
}

export type Statement =
  | AssertTopic
  | AssertSchema
  | CreateSource
  | DropSource
  | AlterSource
  | CreateType
  | DropType
  | InsertValues
  | Query
  | CreateAsSelect
  | InsertSelect
  | Terminate
  | PauseResume
  | Explain
  | Show
  | Describe
  | SetProperty
  | UnsetProperty
  | DefineVariable
  | UndefineVariable
  | RunScript
  | Print;

export type StatementKind = Statement['kind'];

/** One statement plus the exact source text it was parsed from (ksqlDB's statementText). */
export interface ParsedStatement {
  readonly statement: Statement;
  /** Source text of the statement, including its terminating `;` if present. */
  readonly text: string;
}
