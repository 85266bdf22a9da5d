/** INSERT INTO ... VALUES: evaluate, coerce, serialize, partition by key (murmur2), append durably. */
import { analyzeInsertValues } from '../../analyze/insert-values.js';
import { compileExpr } from '../../exec/compile/index.js';
import { sourceSerdes } from '../../exec/source/row-decoder.js';
import type { InsertValues } from '../../sql/ast.js';
import { UserError } from '../../sql/diagnostic.js';
import { partitionForKey } from '../../store/partitioner.js';
import { coerceValue } from '../../types/coercion.js';
import type { StatementContext } from '../context.js';
import type { EngineEvent } from '../events.js';
import { statusResult } from './status.js';

/** Round-robin position for records with a null key, per topic. */
const nullKeyCursor = new Map<string, number>();

export async function* insertValues(ctx: StatementContext, stmt: InsertValues): AsyncGenerator<EngineEvent> {
  const { store, clock } = ctx.engine;
  const { source, assignments } = analyzeInsertValues(stmt, ctx.engine.catalog);
  const nKey = source.keyColumns.length;
  const values: unknown[] = new Array(nKey + source.valueColumns.length).fill(null);
  let rowtime: number | undefined;
  for (const a of assignments) {
    let v: unknown;
    try {
      v = coerceValue(compileExpr(a.expr)([]), a.expr.type, a.type);
    } catch (err) {
      const valueSpan = stmt.values[assignments.indexOf(a)]!.span;
      throw new UserError('INVALID_VALUE', `Failed to insert values into '${source.name}'. ${err instanceof Error ? err.message : String(err)}`, valueSpan);
    }
    if (a.column === -1) rowtime = v === null ? undefined : Number(v);
    else values[a.column] = v;
  }
  if (source.timestampColumn !== undefined && rowtime === undefined) {
    const idx = [...source.keyColumns, ...source.valueColumns].findIndex((c) => c.name === source.timestampColumn);
    const t = values[idx];
    if (t !== null && t !== undefined) rowtime = Number(t);
  }
  const { key, value } = sourceSerdes(source);
  let keyBytes: Uint8Array | null;
  let valueBytes: Uint8Array | null;
  try {
    keyBytes = nKey === 0 ? null : key.serialize(values.slice(0, nKey));
    // Header columns are not part of the value (they cannot be inserted into).
    valueBytes = value.serialize(values.slice(nKey).filter((_, i) => !source.valueColumns[i]!.header));
  } catch (err) {
    throw new UserError('SERIALIZATION_ERROR', `Failed to insert values into '${source.name}'. ${err instanceof Error ? err.message : String(err)}`, stmt.span);
  }
  const topic = store.describeTopic(source.topic);
  if (!topic) throw new UserError('UNKNOWN_TOPIC', `Topic ${source.topic} of ${source.name} does not exist any more.`, stmt.targetSpan);
  const n = topic.config.partitions;
  let partition: number;
  if (keyBytes === null) {
    const cursor = nullKeyCursor.get(source.topic) ?? 0;
    nullKeyCursor.set(source.topic, cursor + 1);
    partition = cursor % n;
  } else {
    partition = partitionForKey(keyBytes, n);
  }
  await store.append(source.topic, partition, [{ key: keyBytes, value: valueBytes, timestamp: rowtime ?? clock() }]);
  yield { type: 'result', result: statusResult(ctx.text, `insert/${source.name}`, 'Inserted 1 row') };
}
