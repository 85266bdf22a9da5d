/**
 * Optional HTTP basic auth (`--auth-file`): one `user:password` per line; blank lines and lines
 * starting with # are skipped. Passwords are compared in constant time.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export type Credentials = ReadonlyMap<string, string>;

export function loadCredentials(path: string): Credentials | { error: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return { error: `cannot read auth file ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}` };
  }
  const users = new Map<string, string>();
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return { error: `auth file ${path}:${i + 1}: expected user:password` };
    users.set(line.slice(0, colon), line.slice(colon + 1));
  }
  if (users.size === 0) return { error: `auth file ${path} has no users` };
  return users;
}

/** True if the Authorization header names a known user with the right password. */
export function isAuthorized(credentials: Credentials, authorization: string | undefined): boolean {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? '');
  if (!m) return false;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  const expected = credentials.get(decoded.slice(0, colon));
  return expected !== undefined && sameText(expected, decoded.slice(colon + 1));
}

function sameText(a: string, b: string): boolean {
  const digest = (s: string): Buffer => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}
