/**
 * (Lives in engine/ because the engine produces these; src/client/results.ts re-exports them.)
 * Statement results as ksqlDB's REST API shapes them (the "@type" entities of /ksql), so the
 * embedded client and the HTTP client (later) return the same objects, and `--output json`
 * prints them unchanged.
 */

export interface CommandStatusResult {
  readonly '@type': 'currentStatus';
  readonly statementText: string;
  readonly commandId: string;
  readonly commandStatus: { readonly status: 'SUCCESS' | 'ERROR'; readonly message: string };
  readonly warnings: readonly Warning[];
}

export interface Warning {
  readonly message: string;
}

export interface SourceInfo {
  readonly type: 'STREAM' | 'TABLE';
  readonly name: string;
  readonly topic: string;
  readonly keyFormat: string;
  readonly valueFormat: string;
  readonly isWindowed: boolean;
}

export interface StreamsListResult {
  readonly '@type': 'streams';
  readonly statementText: string;
  readonly streams: readonly SourceInfo[];
  readonly warnings: readonly Warning[];
}

export interface TablesListResult {
  readonly '@type': 'tables';
  readonly statementText: string;
  readonly tables: readonly SourceInfo[];
  readonly warnings: readonly Warning[];
}

export interface TopicInfo {
  readonly name: string;
  /** One entry per partition: its replica count (ksqlDB's replicaInfo). */
  readonly replicaInfo: readonly number[];
}

export interface TopicsListResult {
  readonly '@type': 'kafka_topics';
  readonly statementText: string;
  readonly topics: readonly TopicInfo[];
  readonly warnings: readonly Warning[];
}

export interface QueryInfo {
  readonly queryString: string;
  readonly sinks: readonly string[];
  readonly sinkKafkaTopics: readonly string[];
  readonly id: string;
  readonly queryType: 'PERSISTENT' | 'PUSH';
  readonly state: 'RUNNING' | 'ERROR' | 'PAUSED';
}

export interface QueriesListResult {
  readonly '@type': 'queries';
  readonly statementText: string;
  readonly queries: readonly QueryInfo[];
  readonly warnings: readonly Warning[];
}

export interface PropertiesResult {
  readonly '@type': 'properties';
  readonly statementText: string;
  readonly properties: readonly { readonly name: string; readonly scope: string; readonly value: string }[];
  readonly overwrittenProperties: readonly string[];
  readonly defaultProperties: readonly string[];
  readonly warnings: readonly Warning[];
}

export interface VariablesResult {
  readonly '@type': 'variables';
  readonly statementText: string;
  readonly variables: readonly { readonly name: string; readonly value: string }[];
  readonly warnings: readonly Warning[];
}

export interface FieldInfo {
  readonly name: string;
  /** ksqlDB type spelling, e.g. `STRING`, `ARRAY<INTEGER>`, `DECIMAL(4, 2)`. */
  readonly schema: { readonly type: string };
  /** 'KEY' for key columns; absent for value columns. */
  readonly type?: 'KEY';
}

export interface SourceDescriptionResult {
  readonly '@type': 'sourceDescription';
  readonly statementText: string;
  readonly sourceDescription: {
    readonly name: string;
    readonly type: 'STREAM' | 'TABLE';
    readonly fields: readonly FieldInfo[];
    readonly topic: string;
    readonly keyFormat: string;
    readonly valueFormat: string;
    readonly partitions: number;
    readonly replication: number;
    readonly timestamp: string;
    readonly statement: string;
    readonly extended: boolean;
  };
  readonly warnings: readonly Warning[];
}

/** ksqlDB's SchemaInfo: a type as a tree (STRUCT fields, ARRAY/MAP members). */
export interface SchemaInfo {
  readonly type: string;
  readonly fields: readonly { readonly name: string; readonly schema: SchemaInfo }[] | null;
  readonly memberSchema: SchemaInfo | null;
  /** DECIMAL's precision and scale. */
  readonly parameters?: { readonly precision: number; readonly scale: number };
}

/** A SchemaInfo spelled as DESCRIBE spells types: `STRUCT<\`A\` INTEGER>`, `ARRAY<STRING>`. */
export function schemaInfoText(s: SchemaInfo): string {
  if (s.type === 'STRUCT') return `STRUCT<${(s.fields ?? []).map((f) => `\`${f.name}\` ${schemaInfoText(f.schema)}`).join(', ')}>`;
  if (s.type === 'ARRAY' && s.memberSchema) return `ARRAY<${schemaInfoText(s.memberSchema)}>`;
  if (s.type === 'MAP' && s.memberSchema) return `MAP<STRING, ${schemaInfoText(s.memberSchema)}>`;
  if (s.type === 'DECIMAL' && s.parameters) return `DECIMAL(${s.parameters.precision}, ${s.parameters.scale})`;
  return s.type;
}

/** SHOW TYPES: the custom types by name. */
export interface TypesListResult {
  readonly '@type': 'type_list';
  readonly statementText: string;
  readonly types: Readonly<Record<string, SchemaInfo>>;
  readonly warnings: readonly Warning[];
}

/** SET / UNSET / DEFINE / UNDEFINE: the CLI acknowledges them locally, as ksqlDB's CLI does. */
export interface PropertyChangedResult {
  readonly '@type': 'property_changed';
  readonly statementText: string;
  readonly name: string;
  readonly value: string | null;
  readonly previous: string | null;
}

export type StatementResult =
  | CommandStatusResult
  | StreamsListResult
  | TablesListResult
  | TopicsListResult
  | QueriesListResult
  | PropertiesResult
  | VariablesResult
  | TypesListResult
  | SourceDescriptionResult
  | PropertyChangedResult;

export type StatementResultType = StatementResult['@type'];
