/**
 * A full disk: the append that does not fit fails with STORAGE_FAILED (not a crash, not an
 * unhandled rejection), reads go on, every acknowledged record is there after a reopen, and
 * appends work again once space is freed. The disk is a real 4 MB tmpfs mounted in a private
 * user+mount namespace (`unshare -rm`), so the kernel's own errors reach LMDB.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const child = fileURLToPath(new URL('./fixtures/fill-disk-child.mjs', import.meta.url));
const STORE_MODULE = new URL('../../../dist/src/store/lmdb/index.js', import.meta.url).href;
const TMPFS_BYTES = 4 * 1024 * 1024;

/** Whether this machine lets an unprivileged namespace mount a tmpfs (containers may forbid it). */
const canMountTmpfs = spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs /mnt'], { stdio: 'ignore' }).status === 0;

describe('a full disk', () => {
  it.skipIf(!canMountTmpfs)('fails the append that does not fit, clearly, and loses nothing acknowledged', () => {
    const script = `mount -t tmpfs -o size=${TMPFS_BYTES} tmpfs /mnt && exec "${process.execPath}" "${child}" /mnt "${STORE_MODULE}"`;
    const out = execFileSync('unshare', ['-rm', 'sh', '-c', script], { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] });
    const r = JSON.parse(out) as {
      acked: number;
      failure?: { code: string; message: string };
      readWhileFull: number;
      offsetsWhileFull: { start: number; end: number };
      readAfterReopen: number;
      appendAfterFree: { ok: boolean; baseOffset?: number; message?: string };
    };
    expect(r.acked).toBeGreaterThan(1_000); // most of the 4 MB took records before it filled
    expect(r.failure?.code).toBe('STORAGE_FAILED');
    expect(r.failure?.message).toMatch(/could not write to the topic store at \/mnt\/data: .*\(is the disk full\?\); the write was not acknowledged/);
    expect(r.offsetsWhileFull).toEqual({ start: 0, end: r.acked });
    expect(r.readWhileFull).toBe(r.acked);
    expect(r.readAfterReopen).toBe(r.acked);
    expect(r.appendAfterFree).toEqual({ ok: true, baseOffset: r.acked });
  });
});
