/**
 * POST /inserts-stream: the first JSON line names the target stream, each further line is a row.
 * Rows are inserted in order, each acked once its append committed: {"status":"ok","seq":n}. A bad
 * row gets {"status":"error","seq":n,"error_code":..,"message":..} and ends the stream. Acks are
 * newline-delimited, or one JSON array when the client accepts application/json.
 */
import { StringDecoder } from 'node:string_decoder';
import { toJsonText } from '../../client/json-text.js';
import type { Session } from '../../engine/session.js';
import type { SourceDef } from '../../analyze/catalog.js';
import { checkFields, isApiError, optionalStringMap, parseJsonObject, type JsonObject } from '../body.js';
import type { ServerContext } from '../context.js';
import { ERROR_CODE, genericError, type ApiError } from '../errors.js';
import { header, type RequestLike, type ResponseLike } from '../http-types.js';
import { insertStatement } from '../insert-sql.js';
import { MAX_INSERT_LINE_BYTES } from '../limits.js';
import { DELIMITED } from '../query-formats.js';
import { sendError } from '../reply.js';
import { ResponseStream } from '../response-stream.js';
import { openSession } from '../session-setup.js';

export async function insertsStreamRoute(ctx: ServerContext, req: RequestLike, res: ResponseLike): Promise<void> {
  const json = (header(req, 'accept') ?? '').includes('application/json');
  const out = new ResponseStream(res);
  let target: { source: SourceDef; session: Session } | undefined;
  let seq = 0;
  let first = true;
  const ack = async (entity: object): Promise<boolean> => {
    const text = json ? (first ? '[' : ',') + toJsonText(entity) : toJsonText(entity) + '\n';
    first = false;
    return (await out.write(text)) === 'ok';
  };
  const finish = (): void => out.end(json ? (first ? '[]' : ']') : undefined);

  for await (const line of lines(req)) {
    if (isApiError(line)) return target ? (await ack(errorAck(seq, line)), finish()) : sendError(res, line);
    if (line.trim() === '') continue;
    const obj = parseJsonObject(line);
    if (!target) {
      if (isApiError(obj)) return sendError(res, obj);
      const t = openTarget(ctx, obj);
      if (isApiError(t)) return sendError(res, t);
      target = t;
      res.writeHead(200, { 'content-type': json ? 'application/json' : DELIMITED });
      continue;
    }
    if (isApiError(obj)) return (await ack(errorAck(seq, obj)), finish());
    const problem = await insertRow(target.session, target.source, obj);
    if (problem) return (await ack(errorAck(seq, problem)), finish());
    if (!(await ack({ status: 'ok', seq }))) return;
    seq++;
  }
  if (!target) return sendError(res, genericError(ERROR_CODE.BAD_REQUEST, 'Missing the target line: {"target": "<stream>"}'));
  finish();
}

function openTarget(ctx: ServerContext, obj: JsonObject): { source: SourceDef; session: Session } | ApiError {
  const unknown = checkFields(obj, ['target', 'properties', 'sessionVariables']);
  if (unknown) return unknown;
  if (typeof obj.target !== 'string') return genericError(ERROR_CODE.BAD_REQUEST, 'Field "target" must be a string');
  const catalog = ctx.engine.catalog;
  const source = catalog.getSource(obj.target) ?? catalog.getSource(obj.target.toUpperCase());
  if (!source) return genericError(ERROR_CODE.BAD_REQUEST, `Cannot insert into an unknown stream: ${obj.target}`);
  if (source.kind !== 'STREAM') return genericError(ERROR_CODE.BAD_REQUEST, `Cannot insert into a table: ${source.name}`);
  const properties = optionalStringMap(obj, 'properties');
  if (isApiError(properties)) return properties;
  const session = openSession(ctx.engine, properties, new Map());
  if (isApiError(session)) return session;
  return { source, session };
}

async function insertRow(session: Session, source: SourceDef, row: JsonObject): Promise<ApiError | undefined> {
  const sql = insertStatement(source, row);
  if (typeof sql !== 'string') return genericError(ERROR_CODE.BAD_REQUEST, sql.error);
  for await (const e of session.execute(sql)) {
    if (e.type === 'error') return genericError(ERROR_CODE.BAD_REQUEST, e.diagnostic.message);
  }
  return undefined;
}

function errorAck(seq: number, err: ApiError): object {
  return { status: 'error', seq, error_code: err.entity.error_code, message: err.entity.message };
}

/** The request body split into lines as it arrives; a line longer than the limit is an error. */
async function* lines(req: RequestLike): AsyncGenerator<string | ApiError> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  for await (const chunk of req) {
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      yield pending.slice(0, nl);
      pending = pending.slice(nl + 1);
    }
    if (pending.length > MAX_INSERT_LINE_BYTES) {
      yield genericError(ERROR_CODE.PAYLOAD_TOO_LARGE, `Insert line longer than ${MAX_INSERT_LINE_BYTES} bytes`);
      return;
    }
  }
  pending += decoder.end();
  if (pending.length > 0) yield pending;
}
