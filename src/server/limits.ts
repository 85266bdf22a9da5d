/** Every limit of the HTTP server, named in one place (TIGER_STYLE: a limit on everything). */

/** Largest request body accepted on /ksql, /query, /query-stream, /close-query (bytes). */
export const MAX_BODY_BYTES = 1 << 20;
/** Largest single JSON line of an /inserts-stream request (bytes); the stream itself is unbounded. */
export const MAX_INSERT_LINE_BYTES = 1 << 20;
/**
 * How long a streaming response may stay blocked on a client that does not read (its socket
 * buffer full) before the query is closed with a message. Until then the query is backpressured:
 * the engine is not pulled for more rows, so server memory stays bounded by one batch per query.
 */
export const SLOW_CLIENT_TIMEOUT_MS = 30_000;
/** Concurrent streamed queries (push and pull) across all clients; one more gets 429. */
export const MAX_RUNNING_QUERIES = 1_000;
/** Command statuses remembered for GET /status (oldest dropped first). */
export const MAX_COMMAND_STATUSES = 10_000;
/** On SIGTERM/SIGINT: how long in-flight requests get to finish after their queries are closed. */
export const SHUTDOWN_GRACE_MS = 5_000;
/** Time to receive a request's headers (slowloris guard). */
export const HEADERS_TIMEOUT_MS = 20_000;
/** Bytes needed to tell an HTTP/2 prior-knowledge connection ("PRI * HTTP/2.0") from HTTP/1.x. */
export const PROTOCOL_SNIFF_BYTES = 3;
