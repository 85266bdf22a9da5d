/** POST /query-stream (the HTTP/2-era endpoint) and POST /query (the older one). */
import { checkFields, isApiError, optionalStringMap, parseJsonObject, readBody, requireString, type JsonObject } from '../body.js';
import type { ServerContext } from '../context.js';
import { ERROR_CODE, statementError, type ApiError } from '../errors.js';
import { header, type RequestLike, type ResponseLike } from '../http-types.js';
import { delimitedFormat, jsonArrayFormat, v1QueryFormat, type QueryFormat } from '../query-formats.js';
import { sendError } from '../reply.js';
import { classify, openSession, statementsOf } from '../session-setup.js';
import { streamQuery } from './stream-query.js';

const QUERY_STREAM_FIELDS = ['sql', 'properties', 'sessionVariables', 'streamsProperties'];
const QUERY_FIELDS = ['ksql', 'sql', 'streamsProperties', 'sessionVariables', 'commandSequenceNumber', 'requestProperties'];

export async function queryStreamRoute(ctx: ServerContext, req: RequestLike, res: ResponseLike): Promise<void> {
  const accept = header(req, 'accept') ?? '';
  const format = prefersJson(accept) ? jsonArrayFormat() : delimitedFormat();
  await runQueryRequest(ctx, req, res, format, QUERY_STREAM_FIELDS, ['sql'], ['properties', 'streamsProperties'], false);
}

export async function queryRoute(ctx: ServerContext, req: RequestLike, res: ResponseLike): Promise<void> {
  await runQueryRequest(ctx, req, res, v1QueryFormat(), QUERY_FIELDS, ['ksql', 'sql'], ['streamsProperties'], true);
}

/** application/json wins only when asked for before (or without) the delimited type. */
function prefersJson(accept: string): boolean {
  const json = accept.indexOf('application/json');
  const delimited = accept.indexOf('application/vnd.ksqlapi.delimited');
  return json >= 0 && (delimited < 0 || json < delimited);
}

async function runQueryRequest(
  ctx: ServerContext,
  req: RequestLike,
  res: ResponseLike,
  format: QueryFormat,
  fields: readonly string[],
  sqlFields: readonly string[],
  propertyFields: readonly string[],
  allowPrint: boolean,
): Promise<void> {
  const parsed = await parseQueryBody(req, fields, sqlFields, propertyFields);
  if (isApiError(parsed)) return sendError(res, parsed);
  const statements = statementsOf(ctx.engine, parsed.sql);
  if (statements.length !== 1) return sendError(res, statementError(ERROR_CODE.BAD_STATEMENT, `Expected exactly one statement, got ${statements.length}`, parsed.sql));
  const kind = classify(statements[0]!);
  if (kind === 'other' || (kind === 'print' && !allowPrint)) {
    return sendError(res, statementError(ERROR_CODE.BAD_STATEMENT, 'The statement must be a query (SELECT); run other statements on /ksql', statements[0]!));
  }
  const session = openSession(ctx.engine, parsed.properties, parsed.variables);
  if (isApiError(session)) return sendError(res, session);
  await streamQuery(ctx, session, statements[0]!, format, res, req.httpVersionMajor === 2);
}

interface QueryBody {
  readonly sql: string;
  readonly properties: Map<string, string>;
  readonly variables: Map<string, string>;
}

async function parseQueryBody(req: RequestLike, fields: readonly string[], sqlFields: readonly string[], propertyFields: readonly string[]): Promise<QueryBody | ApiError> {
  const text = await readBody(req);
  if (isApiError(text)) return text;
  const body = parseJsonObject(text);
  if (isApiError(body)) return body;
  const unknown = checkFields(body, fields);
  if (unknown) return unknown;
  const sqlField = sqlFields.find((f) => body[f] !== undefined) ?? sqlFields[0]!;
  const sql = requireString(body, sqlField);
  if (isApiError(sql)) return sql;
  const properties = new Map<string, string>();
  for (const f of propertyFields) {
    const m = optionalStringMap(body, f);
    if (isApiError(m)) return m;
    for (const [k, v] of m) properties.set(k, v);
  }
  const variables = optionalStringMap(body as JsonObject, 'sessionVariables');
  if (isApiError(variables)) return variables;
  return { sql, properties, variables };
}
