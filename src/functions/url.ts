/**
 * URL functions (ksqlDB semantics, which are java.net.URI's): URL_EXTRACT_HOST, _PATH, _PORT,
 * _PROTOCOL, _QUERY, _FRAGMENT, _PARAMETER read a URI; path, query and fragment come back
 * percent-decoded, the host as written. A string that is not a valid URI fails for the row (NULL
 * plus a processing-log entry). URL_ENCODE_PARAM / URL_DECODE_PARAM use the
 * application/x-www-form-urlencoded convention (space is `+`), as Guava's form escaper and
 * java.net.URLDecoder do.
 */
import { INTEGER, STRING } from '../types/sql-type.js';
import { scalar } from './function.js';

export interface ParsedUri {
  readonly scheme?: string;
  readonly host?: string;
  readonly port?: number;
  readonly path?: string;
  readonly query?: string;
  readonly fragment?: string;
}

/** Characters java.net.URI never allows unescaped (besides `[` `]` outside an IPv6 host). */
const ILLEGAL = /[\u0000-\u0020"<>\\^`{|}\u007f]|%(?![0-9A-Fa-f]{2})/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/;
const HOSTNAME = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)*[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.?$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const IPV6 = /^\[[0-9A-Fa-f:.]+\]$/;

function invalid(url: string): never {
  throw new Error(`URL input has invalid syntax: ${url}`);
}

/** %XX runs decoded as UTF-8 (malformed bytes become U+FFFD, as java's URI.decode does). */
export function percentDecode(s: string): string {
  return s.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => Buffer.from(run.replaceAll('%', ''), 'hex').toString('utf8'));
}

/** Reads a URI the way java.net.URI does, enough for the URL_ functions; throws if invalid. */
export function parseUri(url: string): ParsedUri {
  const hashAt = url.indexOf('#');
  const body = hashAt < 0 ? url : url.slice(0, hashAt);
  const fragment = hashAt < 0 ? undefined : url.slice(hashAt + 1);
  if (ILLEGAL.test(url) || fragment?.includes('#')) invalid(url);
  const out: { -readonly [K in keyof ParsedUri]: ParsedUri[K] } = {};
  if (fragment !== undefined) out.fragment = percentDecode(fragment);
  let rest = body;
  const colon = rest.search(/[:/?]/);
  if (colon >= 0 && rest[colon] === ':') {
    const scheme = rest.slice(0, colon);
    if (!SCHEME.test(scheme)) invalid(url);
    out.scheme = scheme;
    rest = rest.slice(colon + 1);
    if (rest === '') invalid(url);
    // Opaque (mailto:x@y): no host, path or query.
    if (!rest.startsWith('/')) return out;
  }
  // `[` `]` only around an IPv6 host, which may follow user info (`//user@[::1]:80`).
  if (/[[\]]/.test(rest.replace(/^\/\/([^@/?[\]]*@)?\[[^\]/?]*\]/, '//$1'))) invalid(url);
  if (rest.startsWith('//')) {
    const end = rest.slice(2).search(/[/?]/);
    const authority = end < 0 ? rest.slice(2) : rest.slice(2, 2 + end);
    rest = end < 0 ? '' : rest.slice(2 + end);
    const server = /^(?:[^@]*@)?([^@]*?)(?::(\d*))?$/.exec(authority);
    const host = server?.[1];
    if (server && host && (HOSTNAME.test(host) || IPV4.test(host) || IPV6.test(host))) {
      out.host = host;
      if (server[2]) out.port = Number(server[2]);
    } else if (authority === '' && rest === '' && out.scheme !== undefined && !out.fragment) invalid(url);
  }
  const q = rest.indexOf('?');
  out.path = percentDecode(q < 0 ? rest : rest.slice(0, q));
  if (q >= 0) out.query = percentDecode(rest.slice(q + 1));
  return out;
}

/** Guava's urlFormParameterEscaper: letters, digits and `-_.*` stay; space is `+`; the rest is %XX of UTF-8. */
export function encodeParam(s: string): string {
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s)) {
    throw new Error(`Trailing high surrogate at end of input or unpaired surrogate in: ${s}`);
  }
  let out = '';
  for (const ch of s) {
    if (/[A-Za-z0-9\-_.*]/.test(ch)) out += ch;
    else if (ch === ' ') out += '+';
    else for (const b of Buffer.from(ch, 'utf8')) out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** java.net.URLDecoder.decode(s, UTF-8): `+` is a space; a bad `%` escape throws. */
export function decodeParam(s: string): string {
  const bad = /%(?![0-9A-Fa-f]{2})/.exec(s);
  if (bad) {
    throw new Error(bad.index + 3 > s.length ? 'URLDecoder: Incomplete trailing escape (%) pattern' : 'URLDecoder: Illegal hex characters in escape (%) pattern');
  }
  return percentDecode(s.replaceAll('+', ' '));
}

/** URL_EXTRACT_PARAMETER: the first `name=value` (or bare `name`, giving '') of the decoded query. */
function extractParameter(url: string, name: string): string | null {
  const query = parseUri(url).query;
  if (query === undefined) return null;
  for (const param of query.split('&')) {
    const eq = param.indexOf('=');
    if (eq < 0 && param === name) return '';
    if (eq >= 0 && param.slice(0, eq) === name) return param.slice(eq + 1);
  }
  return null;
}

const part = (name: string, description: string, pick: (u: ParsedUri) => string | undefined) =>
  scalar(name, description, [`${name}(STRING) → STRING`], [
    { params: ['STRING'], returns: STRING, impl: ([u]) => pick(parseUri(u as string)) ?? null },
  ]);

export const URL_FUNCTIONS = [
  part('URL_EXTRACT_HOST', 'The host of a URL, as written; NULL if it has none.', (u) => u.host),
  part('URL_EXTRACT_PATH', "The decoded path of a URL ('' if empty).", (u) => u.path),
  part('URL_EXTRACT_PROTOCOL', 'The scheme of a URL (http, https, ...); NULL if it has none.', (u) => u.scheme),
  part('URL_EXTRACT_QUERY', 'The decoded query string of a URL; NULL if it has none.', (u) => u.query),
  part('URL_EXTRACT_FRAGMENT', 'The decoded fragment of a URL; NULL if it has none.', (u) => u.fragment),
  scalar('URL_EXTRACT_PORT', 'The explicit port of a URL; NULL if it has none.', ['URL_EXTRACT_PORT(STRING) → INTEGER'], [
    { params: ['STRING'], returns: INTEGER, impl: ([u]) => parseUri(u as string).port ?? null },
  ]),
  scalar('URL_EXTRACT_PARAMETER', "The decoded value of a query parameter ('' if it has no value); NULL if absent.", ['URL_EXTRACT_PARAMETER(STRING, STRING) → STRING'], [
    { params: ['STRING', 'STRING'], returns: STRING, impl: ([u, n]) => extractParameter(u as string, n as string) },
  ]),
  scalar('URL_ENCODE_PARAM', 'Escapes a string for a URL query parameter (space becomes +).', ['URL_ENCODE_PARAM(STRING) → STRING'], [
    { params: ['STRING'], returns: STRING, impl: ([s]) => encodeParam(s as string) },
  ]),
  scalar('URL_DECODE_PARAM', 'Unescapes a URL query parameter (+ becomes a space, %XX a UTF-8 byte).', ['URL_DECODE_PARAM(STRING) → STRING'], [
    { params: ['STRING'], returns: STRING, impl: ([s]) => decodeParam(s as string) },
  ]),
];
