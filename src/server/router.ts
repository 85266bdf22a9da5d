/** Method + path → route; auth and shutdown checks first; a route's failure is a 500, never a crash. */
import { isAuthorized, type Credentials } from './auth.js';
import type { ServerContext } from './context.js';
import { ERROR_CODE, genericError } from './errors.js';
import { header, type RequestLike, type ResponseLike } from './http-types.js';
import { sendError } from './reply.js';
import { insertsStreamRoute } from './routes/inserts-stream.js';
import { closeQueryRoute, healthcheckRoute, infoRoute, statusRoute } from './routes/info-routes.js';
import { ksqlRoute } from './routes/ksql-route.js';
import { queryRoute, queryStreamRoute } from './routes/query-routes.js';
import { consumeRoute, groupsRoute, produceRoute, topicsRoute } from './routes/topic-tool-routes.js';
import { TOOL_API } from './routes/topic-tool-wire.js';

type Route = (ctx: ServerContext, req: RequestLike, res: ResponseLike, path: string) => Promise<void> | void;

const POST_ROUTES: Readonly<Record<string, Route>> = {
  '/ksql': ksqlRoute,
  '/query-stream': queryStreamRoute,
  '/query': queryRoute,
  '/inserts-stream': insertsStreamRoute,
  '/close-query': closeQueryRoute,
  // The topic tools' endpoints while this server owns their data dir (not ksqlDB's API).
  [`${TOOL_API}/topics`]: topicsRoute,
  [`${TOOL_API}/produce`]: produceRoute,
  [`${TOOL_API}/consume`]: consumeRoute,
  [`${TOOL_API}/groups`]: groupsRoute,
};

const GET_ROUTES: Readonly<Record<string, Route>> = {
  '/info': (ctx, _req, res) => infoRoute(ctx, res),
  '/healthcheck': (ctx, _req, res) => healthcheckRoute(ctx, res),
  '/status': (ctx, _req, res, path) => statusRoute(ctx, path, res),
};

export async function route(ctx: ServerContext, credentials: Credentials | undefined, req: RequestLike, res: ResponseLike): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  try {
    if (ctx.isShuttingDown()) return sendError(res, genericError(ERROR_CODE.SHUTTING_DOWN, 'The server is shutting down'));
    if (credentials && !isAuthorized(credentials, header(req, 'authorization'))) {
      if (!res.headersSent) res.writeHead(401, { 'www-authenticate': 'Basic realm="streamsql"', 'content-type': 'application/json' });
      res.end(JSON.stringify(genericError(ERROR_CODE.UNAUTHORIZED, 'Unauthorized').entity));
      return;
    }
    const table = req.method === 'POST' ? POST_ROUTES : req.method === 'GET' ? GET_ROUTES : undefined;
    const key = path.startsWith('/status/') ? '/status' : path;
    const handler = table && Object.hasOwn(table, key) ? table[key] : undefined;
    if (handler) return await handler(ctx, req, res, path);
    const known = Object.hasOwn(POST_ROUTES, key) || Object.hasOwn(GET_ROUTES, key);
    sendError(res, known ? genericError(ERROR_CODE.METHOD_NOT_ALLOWED, `Method ${req.method ?? ''} not allowed on ${path}`) : genericError(ERROR_CODE.NOT_FOUND, `No such endpoint: ${path}`));
  } catch (err) {
    // A bug in a route: report it to this client and keep serving the others.
    sendError(res, genericError(ERROR_CODE.SERVER_ERROR, `Internal error: ${err instanceof Error ? err.message : String(err)}`));
  }
}
