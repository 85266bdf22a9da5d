// Shared by the server benches (not a test): the bench schema, writing the `users` table straight
// into a data dir (as a producer would), and starting `streamsql serve` as a child process.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const BIN = join(HERE, '..', '..', 'bin', 'streamsql');
export const PROBE = join(HERE, 'server-probe.mjs');
export const PARTITIONS = 4;
export const CREATE_USERS = `CREATE SOURCE TABLE users (id STRING PRIMARY KEY, score INT) WITH (kafka_topic='users', partitions=${PARTITIONS}, value_format='JSON');`;
export const CREATE_TICKS = "CREATE STREAM ticks (id STRING KEY, sent BIGINT) WITH (kafka_topic='ticks', partitions=1, value_format='JSON');";
const APPEND_BATCH = 5000;

/** Creates `users` and `ticks` in `dataDir` and writes keys u0..u{keys-1} (SCORE = k) into users' topic. */
export async function preloadUsers(dataDir, keys) {
  const { Engine } = await import('../../dist/src/engine/engine.js');
  const { partitionForKey } = await import('../../dist/src/store/partitioner.js');
  const engine = await Engine.open({ dataDir });
  for await (const e of engine.createSession().execute(CREATE_USERS + CREATE_TICKS)) if (e.type === 'error') throw new Error(e.diagnostic.message);
  const byPartition = Array.from({ length: PARTITIONS }, () => []);
  for (let k = 0; k < keys; k++) {
    const key = Buffer.from(`u${k}`);
    byPartition[partitionForKey(key, PARTITIONS)].push({ key, value: Buffer.from(JSON.stringify({ SCORE: k })) });
  }
  for (const [p, records] of byPartition.entries()) {
    for (let i = 0; i < records.length; i += APPEND_BATCH) await engine.store.append('users', p, records.slice(i, i + APPEND_BATCH));
  }
  await engine.close();
}

/**
 * The node flags bin/streamsql's shebang gives every command (`#!/usr/bin/env -S node FLAGS`):
 * the bench starts the server with process.execPath, which skips the shebang, so it passes them
 * itself and measures the server users get.
 */
export function shebangFlags() {
  const first = readFileSync(BIN, 'utf8').split('\n', 1)[0];
  const m = /^#!\/usr\/bin\/env -S node(.*)$/.exec(first);
  return m ? m[1].split(' ').filter(Boolean) : [];
}

/** `streamsql serve` on a free port; resolves once it listens. `nodeFlags`: for the server's node (after the shebang's). */
export async function startServerProcess(dataDir, nodeFlags = [], env = {}) {
  const server = spawn(process.execPath, [...shebangFlags(), ...nodeFlags, BIN, 'serve', '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    server.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return {
    server,
    url,
    async stop() {
      const exited = new Promise((r) => server.on('exit', r));
      server.kill('SIGTERM');
      await exited;
    },
  };
}
