/**
 * HTTP basic-auth credentials for talking to a `streamsql serve --auth-file` server, shared by the
 * CLI (`--server`) and the topic tools. Sources, first wins: `--user`/`--password` flags, the
 * STREAMSQL_USER / STREAMSQL_PASSWORD environment variables (keeps the password out of `ps`),
 * then `user:password@` in the server URL. Errors are values.
 */
export const USER_ENV = 'STREAMSQL_USER';
export const PASSWORD_ENV = 'STREAMSQL_PASSWORD';

/** parseArgs options every command that may reach a server accepts. */
export const CREDENTIAL_OPTIONS = {
  user: { type: 'string' },
  password: { type: 'string' },
} as const;

export const CREDENTIAL_HELP = `  --user NAME             user for a server started with --auth-file (or $${USER_ENV})
  --password PW           that user's password (or $${PASSWORD_ENV})`;

/** `user:password`, undefined when none is given, or an error for a half-given pair. */
export function basicAuthFrom(
  flags: { readonly user?: unknown; readonly password?: unknown },
  env: NodeJS.ProcessEnv = process.env,
): string | undefined | { error: string } {
  const user = typeof flags.user === 'string' ? flags.user : env[USER_ENV];
  const password = typeof flags.password === 'string' ? flags.password : env[PASSWORD_ENV];
  if (user === undefined && password === undefined) return undefined;
  if (user === undefined || user === '') return { error: `a password needs a user: pass --user NAME (or set ${USER_ENV})` };
  if (user.includes(':')) return { error: `user name '${user}' must not contain ':'` };
  if (password === undefined) return { error: `user '${user}' needs a password: pass --password PW (or set ${PASSWORD_ENV})` };
  return `${user}:${password}`;
}
