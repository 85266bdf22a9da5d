/** The Client over an in-process engine on a data dir. */
import type { ColumnSchema } from '../analyze/catalog.js';
import { Engine, VERSION } from '../engine/engine.js';
import type { EngineEvent } from '../engine/events.js';
import type { Session } from '../engine/session.js';
import { renderDiagnostic } from '../sql/diagnostic.js';
import { toClientValue } from '../types/render.js';
import { typeToString } from '../types/sql-type.js';
import type { Client, ClientEvent, ClientValue, ExecuteOptions } from './client.js';

export class EmbeddedClient implements Client {
  readonly version = VERSION;
  private readonly session: Session;

  private constructor(
    private readonly engine: Engine,
    readonly target: string,
  ) {
    // A local client: RUN SCRIPT reads the user's own files.
    this.session = engine.createSession({ localScripts: true });
  }

  static async open(dataDir: string): Promise<EmbeddedClient> {
    return new EmbeddedClient(await Engine.open({ dataDir }), dataDir);
  }

  async *execute(sql: string, options: ExecuteOptions = {}): AsyncIterable<ClientEvent> {
    let columns: readonly ColumnSchema[] = [];
    const run = this.session.execute(sql, options.signal ? { signal: options.signal } : {});
    for await (const e of run) {
      if (e.type === 'queryStart') columns = e.columns;
      yield toClientEvent(e, columns);
    }
  }

  async close(): Promise<void> {
    await this.engine.close();
  }
}

/** Engine event → client event (values rendered JSON-shaped); the HTTP server uses it too. */
export function toClientEvent(e: EngineEvent, columns: readonly ColumnSchema[]): ClientEvent {
  switch (e.type) {
    case 'result':
    case 'printLine':
    case 'queryEnd':
      return e;
    case 'queryStart':
      return { type: 'queryStart', queryId: e.queryId, push: e.push, columns: e.columns.map((c) => ({ name: c.name, type: typeToString(c.type) })) };
    case 'rows':
      return { type: 'rows', rows: e.rows.map((row) => row.map((v, i) => toClientValue(v, columns[i]!.type) as ClientValue)) };
    case 'error': {
      const span = e.diagnostic.span;
      return {
        type: 'error',
        error: {
          code: e.diagnostic.code,
          message: e.diagnostic.message,
          ...(span ? { line: span.start.line, column: span.start.column, source: e.source } : {}),
          rendered: renderDiagnostic(e.source, e.diagnostic),
        },
      };
    }
  }
}
