/**
 * POST /ksql: runs the statements in order in one request-scoped session and answers with the
 * array of result entities. SELECT and PRINT belong to /query (40002), checked before anything
 * runs; the first failing statement stops the request with a statement_error that carries the
 * entities of the statements before it. SET/UNSET/DEFINE/UNDEFINE apply to the rest of the
 * request and, as in ksqlDB's server, produce no entity.
 */
import { toClientEvent } from '../../client/embedded.js';
import type { StatementResult } from '../../engine/results.js';
import { checkFields, isApiError, optionalStringMap, parseJsonObject, readBody, requireString } from '../body.js';
import type { ServerContext } from '../context.js';
import { ERROR_CODE, statementError } from '../errors.js';
import type { RequestLike, ResponseLike } from '../http-types.js';
import { sendError, sendJson } from '../reply.js';
import { classify, openSession, statementsOf } from '../session-setup.js';

const KSQL_FIELDS = ['ksql', 'streamsProperties', 'sessionVariables', 'commandSequenceNumber', 'requestProperties'];

export async function ksqlRoute(ctx: ServerContext, req: RequestLike, res: ResponseLike): Promise<void> {
  const text = await readBody(req);
  if (isApiError(text)) return sendError(res, text);
  const body = parseJsonObject(text);
  if (isApiError(body)) return sendError(res, body);
  const unknown = checkFields(body, KSQL_FIELDS);
  if (unknown) return sendError(res, unknown);
  const sql = requireString(body, 'ksql');
  if (isApiError(sql)) return sendError(res, sql);
  const properties = optionalStringMap(body, 'streamsProperties');
  if (isApiError(properties)) return sendError(res, properties);
  const variables = optionalStringMap(body, 'sessionVariables');
  if (isApiError(variables)) return sendError(res, variables);

  const statements = statementsOf(ctx.engine, sql);
  const query = statements.find((s) => classify(s) !== 'other');
  if (query !== undefined) return sendError(res, statementError(ERROR_CODE.QUERY_ENDPOINT, 'SELECT and PRINT queries must use the /query endpoint', query));
  const session = openSession(ctx.engine, properties, variables);
  if (isApiError(session)) return sendError(res, session);

  const entities: StatementResult[] = [];
  for (const statement of statements) {
    for await (const e of session.execute(statement)) {
      const ce = toClientEvent(e, []);
      if (ce.type === 'error') {
        const code = ce.error.code === 'INTERNAL_ERROR' ? ERROR_CODE.SERVER_ERROR : ERROR_CODE.BAD_STATEMENT;
        return sendError(res, statementError(code, ce.error.message, statement, entities));
      }
      if (ce.type !== 'result' || ce.result['@type'] === 'property_changed') continue;
      if (ce.result['@type'] === 'currentStatus') ctx.statuses.record(ce.result.commandId, ce.result.commandStatus);
      entities.push(ce.result);
    }
  }
  sendJson(res, 200, entities, 'application/vnd.ksql.v1+json');
}
