/** GET /info, /healthcheck, /status, /status/<commandId>, and POST /close-query. */
import { VERSION } from '../../engine/engine.js';
import { checkFields, isApiError, parseJsonObject, readBody, requireString } from '../body.js';
import type { ServerContext } from '../context.js';
import { ERROR_CODE, genericError } from '../errors.js';
import type { RequestLike, ResponseLike } from '../http-types.js';
import { sendError, sendJson } from '../reply.js';

/** ksqlDB reports a Kafka cluster id; the integrated store has none, so it names itself. */
const CLUSTER_ID = 'streamsql-integrated-store';

export function infoRoute(ctx: ServerContext, res: ResponseLike): void {
  sendJson(res, 200, {
    KsqlServerInfo: { version: VERSION, kafkaClusterId: CLUSTER_ID, ksqlServiceId: 'default_', serverStatus: ctx.isShuttingDown() ? 'TERMINATING' : 'RUNNING' },
  });
}

export function healthcheckRoute(ctx: ServerContext, res: ResponseLike): void {
  const healthy = !ctx.isShuttingDown();
  sendJson(res, healthy ? 200 : 503, { isHealthy: healthy, details: { metastore: { isHealthy: healthy }, kafka: { isHealthy: healthy } } });
}

export function statusRoute(ctx: ServerContext, path: string, res: ResponseLike): void {
  if (path === '/status' || path === '/status/') return sendJson(res, 200, { commandStatuses: ctx.statuses.all() });
  const id = decodeURIComponent(path.slice('/status/'.length));
  const status = ctx.statuses.get(id);
  if (!status) return sendError(res, genericError(ERROR_CODE.NOT_FOUND, `Command not found: ${id}`));
  sendJson(res, 200, status);
}

export async function closeQueryRoute(ctx: ServerContext, req: RequestLike, res: ResponseLike): Promise<void> {
  const text = await readBody(req);
  if (isApiError(text)) return sendError(res, text);
  const body = parseJsonObject(text);
  if (isApiError(body)) return sendError(res, body);
  const unknown = checkFields(body, ['queryId']);
  if (unknown) return sendError(res, unknown);
  const queryId = requireString(body, 'queryId');
  if (isApiError(queryId)) return sendError(res, queryId);
  if (!ctx.queries.close(queryId)) return sendError(res, genericError(ERROR_CODE.BAD_REQUEST, `No query with id ${queryId}`));
  res.writeHead(200, { 'content-length': 0 });
  res.end();
}
