/**
 * ASSERT [NOT EXISTS] TOPIC name [WITH (PARTITIONS=n, REPLICAS=n)] [TIMEOUT d]: fails unless the
 * topic exists (or, with NOT EXISTS, does not) with the settings given. The check is made once:
 * the integrated store creates topics only through our own statements, so there is nothing to
 * wait for and TIMEOUT is accepted but not needed.
 */
import { intProp, MAX_PARTITIONS } from '../../analyze/create-source.js';
import type { AssertTopic } from '../../sql/ast.js';
import { UserError } from '../../sql/diagnostic.js';
import type { StatementContext } from '../context.js';
import type { EngineEvent } from '../events.js';
import { statusResult } from './status.js';

/** Most replicas a WITH clause may name (as CREATE ... WITH (REPLICAS=n) accepts). */
const MAX_REPLICAS = 16;

export async function* assertTopic(ctx: StatementContext, stmt: AssertTopic): AsyncGenerator<EngineEvent> {
  const topic = ctx.engine.store.describeTopic(stmt.topic);
  const commandId = `topic/${stmt.topic}/assert`;
  if (!stmt.exists) {
    if (topic) throw new UserError('ASSERTION_FAILED', `Topic ${stmt.topic} exists`, stmt.span);
    yield { type: 'result', result: statusResult(ctx.text, commandId, `Topic ${stmt.topic} does not exist`) };
    return;
  }
  if (!topic) throw new UserError('ASSERTION_FAILED', `Topic ${stmt.topic} does not exist`, stmt.span);
  const mismatches: string[] = [];
  for (const p of stmt.properties) {
    const [actual, max] =
      p.name === 'PARTITIONS' ? [topic.config.partitions, MAX_PARTITIONS] : p.name === 'REPLICAS' ? [topic.config.replicationFactor, MAX_REPLICAS] : [undefined, 0];
    if (actual === undefined) throw new UserError('INVALID_PROPERTY', `Cannot assert unknown topic property: ${p.name}`, p.span);
    const expected = intProp(p, 1, max);
    if (expected !== actual) mismatches.push(`For config ${p.name.toLowerCase()}, expected ${expected} got ${actual}`);
  }
  if (mismatches.length > 0) throw new UserError('ASSERTION_FAILED', `Mismatched configuration for topic ${stmt.topic}: ${mismatches.join(', ')}`, stmt.span);
  yield { type: 'result', result: statusResult(ctx.text, commandId, `Topic ${stmt.topic} exists`) };
}
