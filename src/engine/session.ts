/**
 * A session runs scripts: split into statements, substitute ${variables}, parse, dispatch to the
 * statement's handler. Session state (SET properties, DEFINE variables) lives here. User errors
 * become one 'error' event and stop the script; nothing here throws to the caller.
 */
import type { Statement, StatementKind } from '../sql/ast.js';
import { parseOneWith } from './statement-cache.js';
import { UserError, type Diagnostic } from '../sql/diagnostic.js';
import { parseStatements, splitStatements, substituteVariables } from '../sql/parse.js';
import { TopicStoreError } from '../store/topic-store.js';
import type { SqlType } from '../types/sql-type.js';
import type { EngineParts, StatementContext } from './context.js';
import type { EngineEvent } from './events.js';
import { SessionProperties } from './properties.js';
import { alterSource } from './statements/alter-source.js';
import { assertSchema } from './statements/assert-schema.js';
import { assertTopic } from './statements/assert-topic.js';
import { createAsSelect } from './statements/create-as-select.js';
import { createSource } from './statements/create-source.js';
import { createType, dropType } from './statements/custom-types.js';
import { explain } from './statements/explain.js';
import { insertSelect } from './statements/insert-select.js';
import { terminate } from './statements/terminate.js';
import { pauseResume } from './statements/pause-resume.js';
import { describe } from './statements/describe.js';
import { dropSource } from './statements/drop-source.js';
import { insertValues } from './statements/insert-values.js';
import { print } from './statements/print.js';
import { runQuery } from './statements/query.js';
import { NestedScriptFailed, runScript } from './statements/run-script.js';
import { defineVariable, setProperty, undefineVariable, unsetProperty } from './statements/session-state.js';
import { show } from './statements/show.js';

type Handler<K extends StatementKind> = (ctx: StatementContext, stmt: Extract<Statement, { kind: K }>) => AsyncGenerator<EngineEvent>;

const HANDLERS: { [K in StatementKind]: Handler<K> } = {
  CreateSource: createSource,
  DropSource: dropSource,
  AlterSource: alterSource,
  CreateType: createType,
  AssertTopic: assertTopic,
  AssertSchema: assertSchema,
  DropType: dropType,
  InsertValues: insertValues,
  Query: runQuery,
  Show: show,
  Describe: describe,
  SetProperty: setProperty,
  UnsetProperty: unsetProperty,
  DefineVariable: defineVariable,
  UndefineVariable: undefineVariable,
  RunScript: runScript,
  Print: print,
  CreateAsSelect: createAsSelect,
  InsertSelect: insertSelect,
  Terminate: terminate,
  PauseResume: pauseResume,
  Explain: explain,
};

export interface ExecuteOptions {
  readonly signal?: AbortSignal;
}

export interface SessionOptions {
  /**
   * Whether RUN SCRIPT reads files of this machine. Only a local client (the CLI, the shell) says
   * so: as in ksqlDB, where RUN SCRIPT is a CLI command, the engine and its server refuse it.
   */
  readonly localScripts?: boolean;
}

export class Session {
  readonly properties = new SessionProperties();
  readonly variables = new Map<string, string>();

  constructor(
    private readonly engine: EngineParts,
    private readonly options: SessionOptions = {},
  ) {}

  /** Runs the script; yields events; the generator's return value is true if every statement succeeded. */
  async *execute(script: string, options: ExecuteOptions = {}): AsyncGenerator<EngineEvent, boolean> {
    // A statement the engine has parsed before with other literals (statement-cache.ts).
    const cached = this.engine.statements.lookup(script);
    if (cached) {
      if (options.signal?.aborted) return true;
      return yield* this.run(cached.statement, cached.text, script, options);
    }
    const parts = splitStatements(script);
    for (const part of parts) {
      if (options.signal?.aborted) return true;
      const substituted = substituteVariables(part.text, this.variables, part.start);
      if ('error' in substituted) {
        yield errorEvent(substituted.error, script);
        return false;
      }
      // Spans refer to the script with this statement's text replaced by its substituted text.
      const source =
        substituted.text === part.text
          ? script
          : script.slice(0, part.start.offset) + substituted.text + script.slice(part.start.offset + part.text.length);
      const customType = (name: string): SqlType | undefined => this.engine.catalog.getType(name);
      const parsed = parseStatements(substituted.text, part.start, { customType });
      if (parsed.diagnostics.length > 0) {
        yield errorEvent(parsed.diagnostics[0]!, source);
        return false;
      }
      const only = parts.length === 1 && parsed.statements.length === 1 ? parsed.statements[0]! : undefined;
      if (only && only.text === part.text && substituted.text === part.text) {
        this.engine.statements.remember(script, only.statement, part.start.offset, only.text, parseOneWith(customType));
      }
      for (const { statement, text } of parsed.statements) {
        if (!(yield* this.run(statement, text, source, options))) return false;
      }
    }
    return true;
  }

  /** Runs one parsed statement; false if it failed (its error event already yielded). */
  private async *run(statement: Statement, text: string, source: string, options: ExecuteOptions): AsyncGenerator<EngineEvent, boolean> {
    const ctx: StatementContext = {
      engine: this.engine,
      properties: this.properties,
      variables: this.variables,
      text,
      ...(this.options.localScripts ? { runScript: (sql: string) => this.execute(sql, options) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    };
    try {
      yield* (HANDLERS[statement.kind] as Handler<StatementKind>)(ctx, statement as never);
      return true;
    } catch (err) {
      if (!(err instanceof NestedScriptFailed)) yield errorEvent(toDiagnostic(err), source);
      return false;
    }
  }
}

function errorEvent(diagnostic: Diagnostic, source: string): EngineEvent {
  return { type: 'error', diagnostic, source };
}

/** The boundary where thrown user errors become values; anything else is a bug, reported, not crashed on. */
export function toDiagnostic(err: unknown): Diagnostic {
  if (err instanceof UserError) return err.toDiagnostic();
  if (err instanceof TopicStoreError) return { code: err.code, message: err.message };
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL_ERROR', message: `Internal error: ${message}` };
}
