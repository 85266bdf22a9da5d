/**
 * Beside the data-dir lock (data-dir-lock.ts names the holder's pid), a server that owns the data
 * dir writes where it listens, so topic tools started while it runs go through it instead of
 * failing on the lock. The file holds JSON { pid, url }; it is written atomically (temp + rename)
 * after the server listens and removed when it stops. A file left by a killed server is ignored
 * because its pid is not the lock holder's.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const SERVER_ADDRESS_FILE = 'streamsql.server';

export interface ServerAddress {
  readonly pid: number;
  readonly url: string;
}

export async function writeServerAddress(dataDir: string, url: string): Promise<void> {
  const path = join(dataDir, SERVER_ADDRESS_FILE);
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, `${JSON.stringify({ pid: process.pid, url })}\n`);
  await rename(tmp, path);
}

/** Removes the file if it is still this process's. */
export async function removeServerAddress(dataDir: string): Promise<void> {
  const path = join(dataDir, SERVER_ADDRESS_FILE);
  if ((await readServerAddress(dataDir))?.pid === process.pid) await unlink(path).catch(() => undefined);
}

export async function readServerAddress(dataDir: string): Promise<ServerAddress | undefined> {
  let text: string;
  try {
    text = await readFile(join(dataDir, SERVER_ADDRESS_FILE), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const v = JSON.parse(text) as Partial<ServerAddress>;
    return typeof v.pid === 'number' && typeof v.url === 'string' ? { pid: v.pid, url: v.url } : undefined;
  } catch {
    return undefined;
  }
}
