/**
 * PRINT 'topic' [FROM BEGINNING] [INTERVAL n] [LIMIT n]: raw records of any topic, registered or
 * not, one line each with rowtime, partition, offset, key and value.
 */
import { readTopic } from '../../exec/source/topic-reader.js';
import type { Print } from '../../sql/ast.js';
import { UserError } from '../../sql/diagnostic.js';
import type { StatementContext } from '../context.js';
import type { EngineEvent } from '../events.js';

export async function* print(ctx: StatementContext, stmt: Print): AsyncGenerator<EngineEvent> {
  const { store } = ctx.engine;
  const topic = resolveTopic(ctx, stmt);
  const interval = stmt.interval ?? 1;
  if (interval < 1) throw new UserError('INVALID_VALUE', 'INTERVAL must be a positive integer', stmt.span);
  let remaining = stmt.limit ?? Infinity;
  const queryId = ctx.engine.queries.startTransient(`PRINT_${topic}`, ctx.text);
  try {
    yield { type: 'queryStart', queryId, columns: [], push: true };
    let seen = 0;
    let reason: 'limit' | 'cancelled' | 'complete' = 'cancelled';
    if (remaining <= 0) reason = 'limit';
    else {
      const reader = readTopic({ store, topic, from: stmt.fromBeginning ? 'earliest' : 'latest', mode: 'push', ...(ctx.signal ? { signal: ctx.signal } : {}) });
      outer: for await (const records of reader) {
        for (const r of records) {
          if (seen++ % interval !== 0) continue;
          yield {
            type: 'printLine',
            line: `rowtime: ${formatRowtime(r.timestamp)}, partition: ${r.partition}, offset: ${r.offset}, key: ${renderBytes(r.key)}, value: ${renderBytes(r.value)}`,
          };
          if (--remaining <= 0) {
            reason = 'limit';
            break outer;
          }
        }
      }
    }
    yield { type: 'queryEnd', reason };
  } finally {
    ctx.engine.queries.finish(queryId);
  }
}

/** PRINT accepts the topic name as written; an unquoted name that does not exist is tried case-insensitively. */
function resolveTopic(ctx: StatementContext, stmt: Print): string {
  const { store } = ctx.engine;
  if (store.describeTopic(stmt.topic)) return stmt.topic;
  const match = store.listTopics().find((t) => t.name.toLowerCase() === stmt.topic.toLowerCase());
  if (match) return match.name;
  throw new UserError('UNKNOWN_TOPIC', `Could not find topic '${stmt.topic}', or the KSQL user does not have permissions to list the topic. Topic names are case-sensitive.`, stmt.span);
}

/** ksqlDB's PRINT timestamp style: 2020/05/01 12:00:00.000 Z (UTC). */
export function formatRowtime(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2020-05-01T12:00:00.000Z
  return `${iso.slice(0, 10).replaceAll('-', '/')} ${iso.slice(11, 23)} Z`;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 text when the bytes are printable text; 4/8-byte big-endian integers (KAFKA format); else hex. */
export function renderBytes(bytes: Uint8Array | null): string {
  if (bytes === null) return '<null>';
  try {
    const text = decoder.decode(bytes);
    // eslint-disable-next-line no-control-regex
    if (!/[\u0000-\u0008\u000e-\u001f]/.test(text)) return text;
  } catch {
    // not UTF-8; fall through
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length === 4) return String(view.getInt32(0));
  if (bytes.length === 8) return String(view.getBigInt64(0));
  return '0x' + Buffer.from(bytes).toString('hex');
}
