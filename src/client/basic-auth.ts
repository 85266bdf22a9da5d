/** HTTP basic auth toward a streamsql server: credentials in a URL, and the header they make. */

/** Splits `user:password@` off a server URL: the bare URL and the credentials it carried. */
export function splitUrlCredentials(url: string): { readonly url: string; readonly basicAuth?: string } | { error: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { error: `invalid server URL '${url}' (expected e.g. http://127.0.0.1:8088)` };
  }
  const basicAuth = parsed.username ? `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}` : undefined;
  parsed.username = '';
  parsed.password = '';
  const bare = parsed.toString().replace(/\/+$/, '');
  return basicAuth === undefined ? { url: bare } : { url: bare, basicAuth };
}

/** The Authorization header for `user:password`, or none. */
export function authorizationHeader(basicAuth: string | undefined): Record<string, string> {
  return basicAuth === undefined ? {} : { authorization: `Basic ${Buffer.from(basicAuth).toString('base64')}` };
}

/** What to tell a user whose request a server refused with 401. */
export const UNAUTHORIZED_HINT = 'the server requires a user and password (--user NAME --password PW, or STREAMSQL_USER / STREAMSQL_PASSWORD)';
