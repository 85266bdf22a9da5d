/**
 * Runs one SELECT (or PRINT, on /query) and streams its rows in a QueryFormat. An error before the
 * first row is an HTTP 400 with ksqlDB's error entity; after the header it is the format's error
 * element. The query ends at LIMIT, at the end of a pull scan, on /close-query, on shutdown, when
 * the client disconnects, or when the client stops reading for too long; in every case the
 * engine's iterator is closed, so the engine's query is finished and nothing leaks.
 */
import type { ColumnSchema } from '../../analyze/catalog.js';
import { toClientEvent } from '../../client/embedded.js';
import type { Session } from '../../engine/session.js';
import { toJsonText } from '../../client/json-text.js';
import { ERROR_CODE, genericError, type ErrorEntity } from '../errors.js';
import type { ServerContext } from '../context.js';
import type { ResponseLike } from '../http-types.js';
import { MAX_RUNNING_QUERIES } from '../limits.js';
import type { QueryFormat } from '../query-formats.js';
import { sendError } from '../reply.js';
import { ResponseStream } from '../response-stream.js';

/**
 * Every query's controller is aborted when its request ends, most of them after a normal end.
 * `abort()` without a reason builds a DOMException with a stack trace each time (tens of µs on a
 * pull query's path); nothing reads the reason, so one shared value stands for it.
 */
const REQUEST_ENDED = Object.freeze({ name: 'AbortError', message: 'The query request ended' });

export async function streamQuery(ctx: ServerContext, session: Session, sql: string, format: QueryFormat, res: ResponseLike, http2: boolean): Promise<void> {
  if (ctx.queries.size >= MAX_RUNNING_QUERIES) {
    sendError(res, genericError(ERROR_CODE.TOO_MANY_REQUESTS, `Too many running queries (limit ${MAX_RUNNING_QUERIES})`));
    return;
  }
  const controller = new AbortController();
  const out = new ResponseStream(res, http2);
  const onClose = (): void => controller.abort(REQUEST_ENDED);
  res.once('close', onClose);
  const events = session.execute(sql, { signal: controller.signal });
  let columns: readonly ColumnSchema[] = [];
  let queryId: string | undefined;
  let printing = false;
  let tablePull = false;
  try {
    for (;;) {
      const next = await events.next();
      if (next.done) break;
      const e = next.value;
      if (e.type === 'queryStart') {
        columns = e.columns;
        tablePull = e.tablePull === true;
      }
      const ce = toClientEvent(e, columns);
      switch (ce.type) {
        case 'queryStart':
          queryId = ce.queryId;
          ctx.queries.add(queryId, controller);
          res.writeHead(200, { 'content-type': format.contentType });
          if ((await out.write(format.header(ce.queryId, ce.columns, columns.map((c) => c.key === true)))) !== 'ok') return;
          break;
        case 'rows':
          // One write per row, as ksqlDB does: some clients parse each received chunk as one row.
          for (let i = 0; i < ce.rows.length; i++) {
            const written = await out.write(format.row(ce.rows[i]!, e.type === 'rows' && e.tombstones?.[i] === true));
            if (written === 'slow') {
              await out.write(format.error(slowClientError()));
              out.end();
            }
            if (written !== 'ok') return;
          }
          break;
        case 'printLine':
          if (!printing) {
            printing = true;
            res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
          }
          if ((await out.write(ce.line + '\n')) !== 'ok') return;
          break;
        case 'queryEnd':
          if (!printing) await out.write(format.end(ce.reason, tablePull));
          out.end();
          return;
        case 'error': {
          const code = ce.error.code === 'INTERNAL_ERROR' ? ERROR_CODE.SERVER_ERROR : ERROR_CODE.BAD_STATEMENT;
          const err = genericError(code, ce.error.message);
          if (!res.headersSent) sendError(res, err);
          else {
            await out.write(printing ? toJsonText(err.entity) + '\n' : format.error(err.entity));
            out.end();
          }
          return;
        }
        case 'result':
          break;
      }
    }
    if (!res.headersSent) sendError(res, genericError(ERROR_CODE.BAD_STATEMENT, 'Statement did not start a query'));
    out.end();
  } finally {
    res.off('close', onClose);
    if (queryId !== undefined) ctx.queries.remove(queryId);
    controller.abort(REQUEST_ENDED);
    await events.return(true);
  }
}

function slowClientError(): ErrorEntity {
  return genericError(ERROR_CODE.SERVER_ERROR, 'Query closed: the client did not read its rows in time').entity;
}
