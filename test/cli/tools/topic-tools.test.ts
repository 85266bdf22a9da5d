/** End-to-end: topics, produce, consume and groups as real bin/streamsql child processes. */
// Each tool run is a fresh node process (~0.8 s on a busy 2-core machine), hence the long timeouts.
import { describe, expect, it } from 'vitest';
import { partitionForKey } from '../../../src/store/partitioner.js';
import { newDataDir, spawnTool, tool } from './run-tool.js';

const keyPartition = (key: string, n: number): number => partitionForKey(new TextEncoder().encode(key), n);

describe('streamsql topics', { timeout: 120_000 }, () => {
  it('creates, lists, describes, alters and deletes topics; errors exit 1 with a message', async () => {
    const { dir, env } = newDataDir();
    const created = await tool(dir, env, ['topics', 'create', 'orders', '--partitions', '2', '--config', 'retention.ms=60000', '--config', 'cleanup.policy=compact']);
    expect(created).toMatchObject({ code: 0, stdout: 'Created topic orders.\n', stderr: '' });
    await tool(dir, env, ['topics', 'create', 'audit']);
    expect((await tool(dir, env, ['topics', 'list'])).stdout).toBe('audit\norders\n');

    const described = await tool(dir, env, ['topics', 'describe', 'orders']);
    expect(described.code).toBe(0);
    const [head, ...parts] = described.stdout.trimEnd().split('\n');
    expect(head).toContain('Topic: orders\tPartitionCount: 2\tReplicationFactor: 1\tConfigs: ');
    expect(head).toContain('retention.ms=60000');
    expect(head).toContain('cleanup.policy=compact');
    expect(head).toContain('max.message.bytes=1048588');
    expect(parts).toEqual(['\tPartition: 0\tStartOffset: 0\tEndOffset: 0\tBytes: 0', '\tPartition: 1\tStartOffset: 0\tEndOffset: 0\tBytes: 0']);

    expect((await tool(dir, env, ['topics', 'alter', 'orders', '--partitions', '4', '--config', 'retention.bytes=1000'])).stdout).toBe('Altered topic orders.\n');
    const altered = (await tool(dir, env, ['topics', 'describe', 'orders'])).stdout;
    expect(altered).toContain('PartitionCount: 4');
    expect(altered).toContain('retention.bytes=1000');

    const shrink = await tool(dir, env, ['topics', 'alter', 'orders', '--partitions', '1']);
    expect(shrink.code).toBe(1);
    expect(shrink.stderr).toContain('never shrink');
    const dup = await tool(dir, env, ['topics', 'create', 'orders']);
    expect(dup).toMatchObject({ code: 1 });
    expect(dup.stderr).toContain("Topic 'orders' already exists");
    const badConfig = await tool(dir, env, ['topics', 'create', 'x', '--config', 'retention.hours=1']);
    expect(badConfig.code).toBe(1);
    expect(badConfig.stderr).toContain("unknown topic config 'retention.hours'");
    const badName = await tool(dir, env, ['topics', 'create', 'a/b']);
    expect(badName.code).toBe(1);
    expect(badName.stderr).toContain('illegal');
    expect((await tool(dir, env, ['topics', 'describe', 'nope'])).stderr).toContain("Topic 'nope' does not exist");
    expect((await tool(dir, env, ['topics', 'frob'])).code).toBe(1);

    expect((await tool(dir, env, ['topics', 'delete', 'orders'])).stdout).toBe('Deleted topic orders.\n');
    expect((await tool(dir, env, ['topics', 'list'])).stdout).toBe('audit\n');
    expect((await tool(dir, env, ['topics', 'delete', 'orders'])).code).toBe(1);
  });
});

describe('streamsql produce and consume', { timeout: 120_000 }, () => {
  it('produces keyed lines with acks and consumes them in several formats', async () => {
    const { dir, env } = newDataDir();
    await tool(dir, env, ['topics', 'create', 't', '--partitions', '3']);
    const input = 'alice:1\nbob:2\nalice:3\n\nno-key\ncarol:x:y\r\n';
    const produced = await tool(dir, env, ['produce', 't', '--key-separator', ':', '--acks'], input);
    expect(produced.stderr).toBe('');
    expect(produced.code).toBe(0);
    const acks = produced.stdout.trimEnd().split('\n').map((l) => l.split('\t').map(Number));
    expect(acks).toHaveLength(5); // the empty line is skipped
    expect(acks[0]![0]).toBe(keyPartition('alice', 3));
    expect(acks[1]![0]).toBe(keyPartition('bob', 3));
    // Offsets count up per partition, in input order.
    acks.forEach(([partition, offset], i) => expect(offset).toBe(acks.slice(0, i).filter(([q]) => q === partition).length));
    expect(acks[4]![0]).toBe(keyPartition('carol', 3));

    const all = await tool(dir, env, ['consume', 't', '--from-beginning']);
    expect(all.code).toBe(0);
    expect(all.stdout.split('\n').filter(Boolean).sort()).toEqual(['\tno-key', 'alice\t1', 'alice\t3', 'bob\t2', 'carol\tx:y']);
    expect((await tool(dir, env, ['consume', 't'])).stdout).toBe(''); // default: from the end

    const p = keyPartition('alice', 3);
    const formatted = await tool(dir, env, ['consume', 't', '--partition', String(p), '--offset', String(acks[2]![1]), '--max', '1', '--format', '%t|%p|%o|%k|%v|%K|%S|%h|%%\\n']);
    expect(formatted.stdout).toBe(`t|${p}|${acks[2]![1]}|alice|3|5|1||%\n`);
    const stamped = await tool(dir, env, ['consume', 't', '--from-beginning', '--max', '1', '--format', '%T']);
    expect(stamped.stdout).toMatch(/^\d{13}\n$/);

    const outOfRange = await tool(dir, env, ['consume', 't', '--partition', '0', '--offset', '99']);
    expect(outOfRange.code).toBe(1);
    expect(outOfRange.stderr).toContain("offset 99 is out of range for topic 't' partition 0");
    expect((await tool(dir, env, ['consume', 't', '--format', '%q'])).stderr).toContain("unknown format token '%q'");
    expect((await tool(dir, env, ['consume', 'missing'])).stderr).toContain("Topic 'missing' does not exist");
  });

  it('prints each ack as soon as the record is durable, while stdin stays open', async () => {
    const { dir, env } = newDataDir();
    await tool(dir, env, ['topics', 'create', 't']);
    const child = spawnTool(['produce', 't', '--acks', '--data-dir', dir], env);
    const lines: string[] = [];
    let buffered = '';
    const waitLines = (n: number): Promise<void> =>
      new Promise((resolve) => {
        const check = (): void => {
          if (lines.length >= n) resolve();
          else setTimeout(check, 10);
        };
        check();
      });
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const parts = buffered.split('\n');
      buffered = parts.pop()!;
      lines.push(...parts);
    });
    child.stdin.write('first\n');
    await waitLines(1);
    expect(lines).toEqual(['0\t0']);
    // The data dir is owned by the running producer: another tool gets a clear error.
    const locked = await tool(dir, env, ['topics', 'list']);
    expect(locked.code).toBe(1);
    expect(locked.stderr).toContain('in use by another streamsql process');
    child.stdin.write('second\nthird\n');
    await waitLines(3);
    child.stdin.end();
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(lines).toEqual(['0\t0', '0\t1', '0\t2']);
    expect((await tool(dir, env, ['consume', 't', '--from-beginning'])).stdout).toBe('\tfirst\n\tsecond\n\tthird\n');
  });

  it('rejects an oversized record with a clear error and keeps what was stored', async () => {
    const { dir, env } = newDataDir();
    await tool(dir, env, ['topics', 'create', 't', '--config', 'max.message.bytes=120']);
    const ok = await tool(dir, env, ['produce', 't', '--acks'], 'small\n');
    expect(ok.stdout).toBe('0\t0\n');
    const big = await tool(dir, env, ['produce', 't'], 'x'.repeat(100) + '\n');
    expect(big.code).toBe(1);
    expect(big.stderr).toContain('larger than max.message.bytes (120)');
    expect((await tool(dir, env, ['consume', 't', '--from-beginning'])).stdout).toBe('\tsmall\n');
  });
});

describe('streamsql groups', { timeout: 120_000 }, () => {
  it('consume --group commits what it printed; groups describe shows offsets and lag', async () => {
    const { dir, env } = newDataDir();
    await tool(dir, env, ['topics', 'create', 't', '--partitions', '2']);
    await tool(dir, env, ['produce', 't', '--partition', '0'], 'a\nb\nc\nd\ne\n');
    await tool(dir, env, ['produce', 't', '--partition', '1'], 'z\n');
    expect((await tool(dir, env, ['consume', 't', '--group', 'g', '--from-beginning', '--max', '2', '--format', '%v'])).stdout).toBe('a\nb\n');
    expect((await tool(dir, env, ['consume', 't', '--group', 'g', '--max', '2', '--format', '%v'])).stdout).toBe('c\nd\n');
    expect((await tool(dir, env, ['consume', 't', '--group', 'other', '--from-beginning', '--format', '%v'])).stdout).toBe('a\nb\nc\nd\ne\nz\n');
    expect((await tool(dir, env, ['groups', 'list'])).stdout).toBe('g\nother\n');
    const described = await tool(dir, env, ['groups', 'describe', 'g']);
    expect(described.stdout.split('\n')[0]).toMatch(/^GROUP\s+TOPIC\s+PARTITION\s+CURRENT-OFFSET\s+LOG-END-OFFSET\s+LAG\s+CONSUMER-ID$/);
    expect(described.stdout.split('\n')[1]!.split(/\s+/)).toEqual(['g', 't', '0', '4', '5', '1', '-']);
    expect(described.stdout.split('\n')[2]!.split(/\s+/)).toEqual(['g', 't', '1', '-', '1', '-', '-']);
    const missing = await tool(dir, env, ['groups', 'describe', 'nobody']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("Consumer group 'nobody' does not exist");
  });
});
